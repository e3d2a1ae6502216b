/**
 * Where a lever's sign turns (compare --robustness; src/discovery/signTurn.ts, signs.ts): the flip
 * share and PRIM's box recover a sign region planted in synthetic effects, a sign that never turns
 * is called fixed; and end to end, on the default scenario over a prior of the blame channel
 * (docs/model.md §5.2), where coercing both partners pushes them closer only while λ_B stays below
 * about 0.2: the box finds that edge, the reward's sign is fixed, and the bytes do not depend on the
 * worker count.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { signTurn } from '../../src/discovery/signTurn.js';
import { designRandom } from '../../src/model/rng.js';
import { DEFAULT_SCENARIO, entente, expectRefused, fileIn, ROOT, tempDir } from '../helpers.js';

type Row = Record<string, string>;
const rows = (file: string): Row[] => parse(readFileSync(file, 'utf8'), { columns: true }) as Row[];

describe('the sign of a lever over a prior sample', () => {
  const random = designRandom(11);
  const xs = Array.from({ length: 2000 }, () => [random(), random(), random()]);

  it('recovers a planted region: closer where x0 > 0.3, apart below; flip share 0.3 within 0.03, the box x0 ≤ 0.3 within 0.05', () => {
    const effects = xs.map(([x0 = 0]) => (x0 > 0.3 ? 0.02 : -0.02) + 0.001 * (random() - 0.5));
    const sign = signTurn(effects, xs, 0.005);
    expect(sign.direction).toBe('closer');
    expect(sign.fixed).toBe(false);
    expect(Math.abs(sign.turned - 0.3)).toBeLessThan(0.03);
    expect(sign.closer + sign.apart + sign.negligible).toBeCloseTo(1, 12);
    const box = sign.box;
    expect(box?.restricted).toEqual([true, false, false]);
    expect(Math.abs((box?.box.high[0] as number) - 0.3)).toBeLessThan(0.05);
    expect(box?.density).toBeGreaterThan(0.9);
    expect(box?.coverage).toBeGreaterThan(0.9);
  });

  it('a sign taken nowhere else is fixed: no box; effects all within the minimum effect are fixed too', () => {
    const apart = signTurn(
      xs.map(([x0 = 0]) => -0.01 - x0 * 0.01),
      xs,
      0.005,
    );
    expect([apart.direction, apart.fixed, apart.turned, apart.box]).toEqual(['apart', true, 0, undefined]);
    const flat = signTurn(
      xs.map(([x0 = 0]) => 0.004 * (x0 - 0.5)),
      xs,
      0.005,
    );
    expect([flat.negligible, flat.fixed]).toEqual([1, true]);
  });
});

describe('entente compare SCENARIO --robustness PRIOR', () => {
  const dir = tempDir();
  const prior = fileIn(
    dir,
    'blame.yaml',
    `name: blame-prior
scenario: ${DEFAULT_SCENARIO}
design: lhs
samples: 24
replications: 1
seed: 5
parameters:
  model.sanctionBlame: { min: 0, max: 1 }
  actors.CHN.opportunism: { min: 0.1, max: 0.8 }
`,
  );
  const args = (out: string, workers: number) => [
    'compare',
    DEFAULT_SCENARIO,
    '--no-posterior',
    '--levers',
    'coerciveWedge,rewardWedge',
    '--robustness',
    prior,
    '--out',
    out,
    '-w',
    String(workers),
    '-q',
  ];

  it('finds where coercing both partners stops pushing them closer: below λ_B ≈ 0.2, nothing else restricted', async () => {
    const out = join(dir, 'one');
    const r = await entente(args(out, 1));
    expect(r.status, r.stderr).toBe(0);
    const signs = rows(join(out, 'signs.csv'));
    const coercion = signs.find((s) => s.lever === 'coerciveWedge' && s.outcome === 'depth_final') as Row;
    expect(coercion.direction).toBe('apart');
    expect(coercion.sign_fixed).toBe('false');
    expect(Number(coercion.flip_share)).toBeGreaterThan(0.1);
    // The effect crosses zero between λ_B = 0.1687 and 0.219 (the sample's neighbours): the box's edge lies there.
    const box = rows(join(out, 'boxes.csv')).filter((b) => b.lever === 'coerciveWedge' && b.outcome === 'depth_final');
    expect(box.filter((b) => b.restricted === 'true').map((b) => b.parameter)).toEqual(['model.sanctionBlame']);
    const edge = Number(box.find((b) => b.parameter === 'model.sanctionBlame')?.high);
    expect(edge).toBeGreaterThanOrEqual(0.168);
    expect(edge).toBeLessThan(0.219);
    expect(coercion.box).toMatch(/^model\.sanctionBlame ≤ 0\.\d+$/);
    const reward = signs.find((s) => s.lever === 'rewardWedge' && s.outcome === 'depth_final') as Row;
    expect([reward.direction, reward.sign_fixed, reward.flip_share, reward.box]).toEqual(['apart', 'true', '0', '']);
    expect(new Set(signs.map((s) => s.outcome))).toEqual(new Set(['depth_final', 'depth_mean']));
  }, 60_000);

  it('writes the same bytes on 1 and 2 workers', async () => {
    const out = join(dir, 'two');
    const r = await entente(args(out, 2));
    expect(r.status, r.stderr).toBe(0);
    for (const name of ['signs.csv', 'boxes.csv'])
      expect(readFileSync(join(out, name), 'utf8')).toBe(readFileSync(join(dir, 'one', name), 'utf8'));
  }, 60_000);

  it('refuses a prior of another scenario, naming it', async () => {
    const other = fileIn(
      dir,
      'other.yaml',
      `name: other\nscenario: ${join(ROOT, 'scenarios', 'tutorial.yaml')}\ndesign: lhs\nsamples: 4\nparameters:\n  model.stepSize: { min: 0.5, max: 1 }\n`,
    );
    await expectRefused(
      dir,
      ['compare', DEFAULT_SCENARIO, '--no-posterior', '--robustness', other],
      /other\.yaml/,
      /varies another scenario/,
    );
  });

  it('split over two shards (as slurm/robustness.sbatch runs it) and merged, writes the local bytes', async () => {
    const base = args(join(dir, 'unused'), 1).slice(0, -5); // without --out, -w and -q
    for (const k of [1, 2]) {
      const r = await entente([...base, '--shard', `${k}/2`, '--out', join(dir, `shard-${k}`), '-q']);
      expect(r.status, r.stderr).toBe(0);
    }
    const merged = join(dir, 'merged');
    const r = await entente([...base, '--merge', join(dir, 'shard-1'), join(dir, 'shard-2'), '--out', merged, '-q']);
    expect(r.status, r.stderr).toBe(0);
    for (const name of ['signs.csv', 'boxes.csv'])
      expect(readFileSync(join(merged, name), 'utf8')).toBe(readFileSync(join(dir, 'one', name), 'utf8'));
    // Shards of another text of the prior are not this study's, even where the values are the same.
    const edited = fileIn(dir, 'blame-edited.yaml', `${readFileSync(prior, 'utf8')}# edited\n`);
    await expectRefused(
      dir,
      [...base.map((a) => (a === prior ? edited : a)), '--merge', join(dir, 'shard-1'), join(dir, 'shard-2')],
      /another text of the prior/,
    );
    // Shards of another set of levers are not this study's.
    await expectRefused(
      dir,
      [
        ...base.map((a) => (a === 'coerciveWedge,rewardWedge' ? 'coerciveWedge' : a)),
        '--merge',
        join(dir, 'shard-1'),
        join(dir, 'shard-2'),
      ],
      /not a shard of this study/,
    );
  }, 60_000);

  it('--shard and --merge belong to --robustness', async () => {
    await expectRefused(dir, ['compare', DEFAULT_SCENARIO, '--no-posterior', '--shard', '1/2'], /--shard and --merge/);
  });
});
