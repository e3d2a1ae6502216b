/**
 * Issue 27: a saved ABC generation (checkpoint/NNN.json, docs/calibration.md) that is not what entente
 * saved never changes the posterior. --collect and --shard, which cannot draw it again, refuse it
 * with one line naming the file and the field (a weight of −1 or 0, a parameter outside its prior, a
 * distance of −3, a count that is not a whole number, …), even with its record rewritten, changing
 * nothing. --resume, which can, draws it again and says so: the posterior is the one process's,
 * byte for byte. A file without its record (its process killed before it) was not saved.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { entente, tempDir } from '../helpers.js';
import { copier, edit, forge, ok, refused, smallAbc } from './abcSmall.js';

const SAVED = join('checkpoint', '000.json');
type Stored = Record<string, unknown> & { particles: number[][]; weights: number[]; distances: number[] };

/** Set the value at `path` (field, then indices) of a saved generation. */
const setting = (path: readonly (string | number)[], value: unknown) => (s: Stored) => {
  let at = s as unknown as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
  at[path[path.length - 1] as string | number] = value;
};

describe('calibrate --method abc on a damaged saved generation', () => {
  const dir = tempDir();
  const { args } = smallAbc(dir);
  const local = join(dir, 'local');
  const pristine = join(dir, 'pristine');
  const { copy, read } = copier(dir, pristine);
  const change = (out: string, f: (s: Stored) => void) => edit(join(out, SAVED), (s) => f(s as Stored));

  beforeAll(async () => {
    await ok([...args, '--out', local, '-q']);
    await ok([...args, '--out', pristine, '--collect', '-q']);
    for (const k of [1, 2]) await ok([...args, '--out', pristine, '--shard', `${k}/2`, '-q']);
    await ok([...args, '--out', pristine, '--collect', '-q']);
  }, 60_000);

  it.each([
    ['a weight of −1', ['weights', 3], -1, /weights\[3\]: .*found -1/],
    ['a weight of 0', ['weights', 3], 0, /weights\[3\]: .*found 0\b/],
    ['weights that do not sum to 1', ['weights', 3], 0.5, /weights: .*summing to 1/],
    ['a parameter outside its prior', ['particles', 2, 0], 7, /particles\[2\]\[0\]: .*\[0\.5, 2\.5\], found 7/],
    ['a particle short of a parameter', ['particles', 2], [1], /particles\[2\]: .*a list of 2/],
    ['a distance of −3', ['distances', 1], -3, /distances\[1\]: .*found -3/],
    ['a null distance', ['distances', 1], null, /distances\[1\]: .*found null/],
    ['simulations that are not a whole number', ['simulations'], 20.5, /simulations: .*whole number/],
    ['an acceptance rate other than particles / simulations', ['acceptance'], 0.5, /acceptance: .*20 \/ 20/],
    ['an effective sample size other than its weights give', ['ess'], 19, /ess: .*found 19/],
    ['a finite tolerance in generation 0', ['tolerance'], 3, /tolerance: .*null/],
    ['another generation', ['t'], 1, /\bt: .*found 1/],
  ] as const)('--collect and --shard refuse %s, even with its record rewritten to match', async (_, path, value, said) => {
    const out = copy();
    forge(join(out, SAVED), change(out, setting(path, value)));
    for (const flags of [['--collect'], ['--shard', '1/2']])
      await refused(
        [...args, '--out', out, ...flags],
        out,
        /checkpoint\/000\.json: /,
        said,
        /remove it and the saved generations after it/,
      );
  });
  it('--collect refuses a plausible value edited without its record', async () => {
    const out = copy();
    writeFileSync(join(out, SAVED), change(out, setting(['weights', 3], 0.04)));
    await refused([...args, '--out', out, '--collect'], out, /000\.json: .*differs from its record/);
  });

  it.each([
    ['a weight edited without its record', (out: string) => writeFileSync(join(out, SAVED), change(out, setting(['weights', 3], 0.04)))],
    ['a file cut short', (out: string) => writeFileSync(join(out, SAVED), read(out, SAVED).slice(0, 100))],
    [
      'a parameter outside its prior, its record rewritten',
      (out: string) => forge(join(out, SAVED), change(out, setting(['particles', 0, 1], 0.95))),
    ],
  ])('--resume draws again a saved generation with %s, says so, and gives one process’s posterior', async (_, damage) => {
    const out = copy();
    damage(out);
    const r = await entente([...args, '--out', out, '--resume', '-q']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/checkpoint\/000\.json: .*it is drawn again/);
    for (const name of ['posterior.csv', 'generations.csv', 'predictive.csv']) expect(read(out, name), name).toBe(read(local, name));
  });

  it('a saved generation without its record (its process killed before it) was not saved: --resume draws it', async () => {
    const out = copy();
    writeFileSync(
      join(out, SAVED),
      change(out, (s) => {
        s.weights = s.weights.map((_, i) => (i === 0 ? 0.62 : 0.02));
      }),
    );
    rmSync(join(out, 'checkpoint', '000.done.json'), { force: true });
    const r = await entente([...args, '--out', out, '--resume', '-q']);
    expect(r.status, r.stderr).toBe(0);
    for (const name of ['posterior.csv', 'generations.csv', 'predictive.csv']) expect(read(out, name), name).toBe(read(local, name));
  });
});
