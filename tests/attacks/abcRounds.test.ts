/**
 * Issue 27: a shard's round file (rounds/TTT.RRRR.K-of-N.json, docs/calibration.md) that is not what
 * its shard wrote never changes the posterior. Edited with an impossible value (a distance of −3,
 * "NaN", a null where the proposal was simulated), even with its record rewritten to match, or with
 * a plausible value, or cut short, it is refused by --collect and --shard with one line naming the
 * file (and the field), changing nothing; removed as that line says, its shard runs again and the
 * posterior is the one process's, byte for byte. A file without its record (its shard killed before
 * writing it) does not count: the shard runs again.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers.js';
import { copier, edit, forge, ok, refused, runSharded, smallAbc } from './abcSmall.js';

const ROUND = join('rounds', '000.0000.1-of-2.json');

describe('calibrate --method abc --collect on a damaged round file', () => {
  const dir = tempDir();
  const { args } = smallAbc(dir);
  const local = join(dir, 'local');
  const pristine = join(dir, 'pristine');
  const { copy, read } = copier(dir, pristine);

  beforeAll(async () => {
    await ok([...args, '--out', local, '-q']);
    await ok([...args, '--out', pristine, '--collect', '-q']);
    for (const k of [1, 2]) await ok([...args, '--out', pristine, '--shard', `${k}/2`, '-q']);
  }, 60_000);

  it.each([
    ['a distance of −3', '-3', /distances\[4\]: .*found "-3"/],
    ['a distance of "NaN"', 'NaN', /distances\[4\]: .*found "NaN"/],
    ['a null distance where the proposal was simulated', null, /distances\[4\]: .*found null/],
    ['a distance that is not a string', 0.5, /distances\[4\]: .*found 0\.5/],
  ])('refuses %s, even with its record rewritten to match', async (_, value, said) => {
    const out = copy();
    forge(
      join(out, ROUND),
      edit(join(out, ROUND), (s) => {
        (s.distances as unknown[])[4] = value;
      }),
    );
    for (const flags of [['--collect'], ['--shard', '2/2']])
      await refused([...args, '--out', out, ...flags], out, /rounds\/000\.0000\.1-of-2\.json: /, said, /run --shard 1\/2 again/);
  });

  it('refuses a round planned for other proposals, with its record rewritten', async () => {
    const out = copy();
    forge(
      join(out, ROUND),
      edit(join(out, ROUND), (s) => {
        s.to = 40;
      }),
    );
    await refused([...args, '--out', out, '--collect'], out, /1-of-2\.json: to: .*planned for another round/);
  });

  it('refuses a plausible distance edited without its record, and a file cut short', async () => {
    const edited = copy();
    writeFileSync(
      join(edited, ROUND),
      edit(join(edited, ROUND), (s) => {
        (s.distances as string[])[4] = '0.5';
      }),
    );
    await refused([...args, '--out', edited, '--collect'], edited, /1-of-2\.json: .*differs from its record/, /bytes with sha256/);
    const cut = copy();
    const text = read(cut, ROUND);
    writeFileSync(join(cut, ROUND), text.slice(0, text.length >> 1));
    await refused([...args, '--out', cut, '--collect'], cut, /1-of-2\.json: .*differs from its record/);
  });

  it('once the refused file is removed as the line says, its shard runs again and the posterior is one process’s', async () => {
    const out = copy();
    forge(
      join(out, ROUND),
      edit(join(out, ROUND), (s) => {
        (s.distances as unknown[])[4] = '-3';
      }),
    );
    await refused([...args, '--out', out, '--collect'], out, /distances\[4\]/);
    rmSync(join(out, ROUND));
    await runSharded(args, out);
    for (const name of ['posterior.csv', 'generations.csv', 'predictive.csv']) expect(read(out, name), name).toBe(read(local, name));
  }, 60_000);

  it('a round file without its record (its shard killed before it) does not count: the shard runs again', async () => {
    const out = copy();
    // Plausible distances, small enough to move generation 1's tolerance if they counted.
    writeFileSync(
      join(out, ROUND),
      edit(join(out, ROUND), (s) => {
        s.distances = (s.distances as unknown[]).map(() => '0.001');
      }),
    );
    rmSync(join(out, 'rounds', '000.0000.1-of-2.done.json'), { force: true });
    const collect = await ok([...args, '--out', out, '--collect']);
    expect(collect).toMatch(/shards 2 of 2 are done/);
    await runSharded(args, out);
    for (const name of ['posterior.csv', 'generations.csv', 'predictive.csv']) expect(read(out, name), name).toBe(read(local, name));
  }, 60_000);
});
