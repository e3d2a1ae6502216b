/**
 * `entente calibrate FILE --method abc` end to end on the default scenario (a small run):
 * posterior.csv and generations.csv, the same bytes on 1 and 2 workers, weights that sum to
 * 1, and clear refusals of what ABC cannot take.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, DEFAULT_SCENARIO, entente, expectRefused, fileIn, ROOT, tempDir } from '../helpers.js';

const sweep = (parameters: string) => `scenario: ${DEFAULT_SCENARIO}
design: lhs
samples: 4
replications: 1
seed: 9
parameters:
${parameters}
calibration:
  observed: ${join(DEFAULT_SCENARIO, '..', '..', 'data', 'china-russia-observed.csv')}
  targets:
    - { indicator: bilateral_trade, period: "2022", statistic: growth, scale: 0.05 }
    - { indicator: bilateral_trade, period: "2023", statistic: growth, scale: 0.05 }
`;
const PARAMETERS = `  model.needGain: { min: 0.5, max: 2.5 }
  model.exchangeRate: { min: 0.02, max: 0.5, log: true }
  actors.CHN.exposureAversion: { min: 0.3, max: 0.9, prior: { kind: beta, a: 2, b: 2 } }
  shocks.eo14114.enforcement: [0.7]
`;

describe('entente calibrate --method abc', () => {
  const dir = tempDir();
  const file = fileIn(dir, 'abc.yaml', sweep(PARAMETERS));
  const read = (out: string, name: string) => readFileSync(join(out, name), 'utf8');
  let one: string;
  let two: string;
  beforeAll(async () => {
    one = join(dir, 'one');
    two = join(dir, 'two');
    const args = ['calibrate', file, '--method', 'abc', '--particles', '40', '--generations', '3', '-q'];
    for (const [out, w] of [
      [one, '1'],
      [two, '2'],
    ] as const)
      expect((await entente([...args, '--out', out, '-w', w])).status).toBe(0);
  }, 120_000);

  it('writes the posterior (every parameter, fixed ones at their value) and the generations', () => {
    const rows = read(one, 'posterior.csv').trim().split('\n');
    expect(rows[0]).toBe(
      'particle,weight,distance,model.needGain,model.exchangeRate,actors.CHN.exposureAversion,shocks.eo14114.enforcement',
    );
    expect(rows).toHaveLength(41);
    const weights = rows.slice(1).map((r) => Number(r.split(',')[1]));
    expect(Math.abs(weights.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(1e-5);
    for (const r of rows.slice(1)) {
      const [, , , need, rate, aversion, enforcement] = r.split(',').map(Number);
      expect(need).toBeGreaterThanOrEqual(0.5);
      expect(rate).toBeLessThanOrEqual(0.5);
      expect(aversion).toBeGreaterThanOrEqual(0.3);
      expect(enforcement).toBe(0.7);
    }
    const generations = read(one, 'generations.csv').trim().split('\n');
    expect(generations[0]).toBe('generation,tolerance,acceptance_rate,ess,simulations');
    expect(generations).toHaveLength(4);
    const tolerances = generations.slice(2).map((r) => Number(r.split(',')[1]));
    expect(tolerances[1]).toBeLessThan(tolerances[0]);
    expect(JSON.parse(read(one, 'manifest.json')).method).toBe('abc-smc');
  });

  it('writes the posterior predictive of every observable at every tick, quantiles in order', () => {
    const rows = read(one, 'predictive.csv').trim().split('\n');
    expect(rows[0]).toBe('indicator,unit,tick,date,q05,q25,q50,q75,q95');
    const body = rows.slice(1).map((r) => r.split(','));
    const indicators = [...new Set(body.map((r) => r[0]))];
    expect(indicators).toContain('bilateral_trade');
    expect(body).toHaveLength(indicators.length * 48);
    for (const r of body) {
      const q = r.slice(4).map(Number);
      for (let k = 1; k < q.length; k++) expect(q[k]).toBeGreaterThanOrEqual(q[k - 1]);
    }
    // January 2022 is the first tick; trade starts at its 2021 level (USD 146.9 bn) in every particle.
    const first = body.find((r) => r[0] === 'bilateral_trade' && r[2] === '0') as string[];
    expect(first[3]).toBe('2022-01');
    // Trade is spread across particles by 2023 (the posterior is a population, not a point).
    const later = body.find((r) => r[0] === 'bilateral_trade' && r[2] === '23') as string[];
    expect(Number(later[8])).toBeGreaterThan(Number(later[4]));
    expect(read(two, 'predictive.csv')).toBe(read(one, 'predictive.csv'));
  });

  it('report draws the posterior: tolerance schedule, marginals, constrained pairs, predictive bands and a summary table', async () => {
    const r = await entente(['report', one, '-q']);
    expect(r.status, r.stderr).toBe(0);
    for (const chart of ['tolerance', 'marginals', 'pairs', 'predictive'])
      expect(existsSync(join(one, 'charts', `${chart}.svg`)), chart).toBe(true);
    const html = read(one, 'report.html');
    expect(html).toMatch(/Calibrated posterior/);
    expect(html).toMatch(/sd \/ prior sd/);
    // The pairs chart has its particles: field names with dots are read as names, not nested fields.
    expect((read(join(one, 'charts'), 'pairs.svg').match(/<path[^>]*aria-roledescription="circle"/g) ?? []).length).toBeGreaterThan(40);
  }, 60_000);

  it('gives the same bytes on 1 and 2 workers', () => {
    expect(read(two, 'posterior.csv')).toBe(read(one, 'posterior.csv'));
    expect(read(two, 'generations.csv')).toBe(read(one, 'generations.csv'));
  });

  it('replaces its own posterior when run again into the same directory', async () => {
    const before = read(two, 'posterior.csv');
    const r = await entente([
      'calibrate',
      file,
      '--method',
      'abc',
      '--particles',
      '40',
      '--generations',
      '3',
      '-q',
      '--out',
      two,
      '-w',
      '2',
    ]);
    expect(r.status, r.stderr).toBe(0);
    expect(read(two, 'posterior.csv')).toBe(before);
  }, 60_000);

  it('--resume after kill -9 continues from the last saved generation and gives the same bytes', async () => {
    const killed = join(dir, 'killed');
    const whole = join(dir, 'whole');
    // Six generations: killed once generation 1 is saved, there are seconds of work left.
    const args = ['calibrate', file, '--method', 'abc', '--particles', '40', '--generations', '6', '-q', '-w', '1'];
    const child = spawn(process.execPath, [BIN, ...args, '--out', killed], { cwd: ROOT, stdio: 'ignore' });
    // Generation 1 is saved once its record is written after it (calibration/abc/record.ts): the file alone is not yet saved.
    const saved = join(killed, 'checkpoint', '001.done.json');
    for (let waited = 0; !existsSync(saved) && waited < 60_000; waited += 10) await new Promise((r) => setTimeout(r, 10));
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    expect(existsSync(saved)).toBe(true);
    expect(JSON.parse(read(killed, 'manifest.json')).complete).toBe(false);
    expect(existsSync(join(killed, 'posterior.csv'))).toBe(false);
    // Another setting cannot continue it.
    const other = await entente([
      'calibrate',
      file,
      '--method',
      'abc',
      '--particles',
      '50',
      '--generations',
      '6',
      '-q',
      '--resume',
      '--out',
      killed,
    ]);
    expect(other.status).toBe(2);
    expect(other.stderr).toMatch(/cannot continue: the run in this directory had another particles/);
    const r = await entente([...args, '--resume', '--out', killed]);
    expect(r.status, r.stderr).toBe(0);
    expect((await entente([...args, '--out', whole])).status).toBe(0);
    expect(JSON.parse(read(killed, 'manifest.json')).complete).toBe(true);
    expect(JSON.parse(read(killed, 'manifest.json')).resumedAfter).toBeGreaterThanOrEqual(1);
    for (const name of ['posterior.csv', 'generations.csv', 'predictive.csv']) expect(read(killed, name), name).toBe(read(whole, name));
    expect(existsSync(join(killed, 'checkpoint'))).toBe(false);
  }, 120_000);

  it('a spike prior: the mechanism is absent (exactly 0) in some particles and present in others, and the manifest shows the prior as declared', async () => {
    const spiked = fileIn(
      dir,
      'spike.yaml',
      sweep(`${PARAMETERS}  model.mechanisms.abandonment: { min: 0, max: 2, prior: { kind: spike, p0: 0.5 } }\n`),
    );
    const out = join(dir, 'spike');
    const r = await entente(['calibrate', spiked, '--method', 'abc', '--particles', '40', '--generations', '2', '-q', '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    const rows = read(out, 'posterior.csv').trim().split('\n');
    const column = (rows[0] as string).split(',').indexOf('model.mechanisms.abandonment');
    const values = rows.slice(1).map((row) => Number(row.split(',')[column]));
    expect(values.filter((v) => v === 0).length).toBeGreaterThan(0);
    expect(values.filter((v) => v > 0 && v <= 2).length).toBeGreaterThan(0);
    expect(values.every((v) => v >= 0 && v <= 2)).toBe(true);
    const priors = JSON.parse(read(out, 'manifest.json')).priors as { path: string; prior: Record<string, unknown> }[];
    expect(priors.find((p) => p.path === 'model.mechanisms.abandonment')?.prior).toEqual({ kind: 'spike', p0: 0.5, min: 0, max: 2 });
  }, 60_000);

  it('refuses --apply (a posterior is not a point) and a parameter that is neither a range nor one fixed value', async () => {
    await expectRefused(dir, ['calibrate', file, '--method', 'abc', '--apply'], /--apply writes one point/);
    const levels = fileIn(dir, 'levels.yaml', sweep('  model.needGain: [0.5, 1, 2]\n'));
    await expectRefused(dir, ['calibrate', levels, '--method', 'abc'], /parameter model\.needGain: ABC needs a range/);
  });
});
