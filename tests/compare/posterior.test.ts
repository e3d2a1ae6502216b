/**
 * `entente compare SCENARIO --posterior DIR` end to end, on hand-made posteriors whose answer is
 * known: a posterior all of whose weight sits on the scenario's own values is a comparison at that
 * point (same seeds, same effects as `entente compare -r 4`); probabilities and ranks in levers.csv
 * are the weighted shares of the particles' effects in particles.csv; the bytes do not depend on
 * the worker count; and what is not a posterior is refused.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/load.js';
import { DEFAULT_SCENARIO, entente, expectRefused, fileIn, tempDir } from '../helpers.js';

type Row = Record<string, string>;
const rows = (file: string): Row[] => parse(readFileSync(file, 'utf8'), { columns: true }) as Row[];

/** A directory as `calibrate --method abc` writes it, with these particles. */
function posterior(dir: string, name: string, header: string[], particles: (string | number)[][]): string {
  const at = join(dir, name);
  mkdirSync(at);
  const scenario = readFileSync(DEFAULT_SCENARIO, 'utf8');
  writeFileSync(
    join(at, 'manifest.json'),
    JSON.stringify({
      tool: 'entente',
      entente_output: 'calibration',
      complete: true,
      method: 'abc-smc',
      scenario: { file: DEFAULT_SCENARIO, sha256: createHash('sha256').update(scenario).digest('hex') },
    }),
  );
  const text = [['particle', 'weight', 'distance', ...header], ...particles.map((p, i) => [i, ...p])].map((r) => r.join(',')).join('\n');
  writeFileSync(join(at, 'posterior.csv'), `${text}\n`);
  return at;
}

describe('entente compare --posterior', () => {
  const dir = tempDir();
  const paths = ['model.needGain', 'actors.CHN.opportunism'];
  // The scenario's own values (fitted), and two other worlds.
  const { spec } = loadScenario(DEFAULT_SCENARIO);
  const own = [(spec.model as Record<string, unknown>).needGain as number, spec.actors.CHN?.opportunism as number];
  let atPoint: string;
  let spread: string;
  beforeAll(async () => {
    atPoint = posterior(dir, 'point', paths, [
      [1, 0, ...own],
      [0, 0, 2, 0.6],
    ]);
    spread = posterior(dir, 'spread', paths, [
      [0.5, 1, ...own],
      [0.3, 2, 2, 0.6],
      [0.2, 3, 0.5, 0.1],
    ]);
    for (const [source, out, w] of [
      [atPoint, 'point-out', '1'],
      [spread, 'spread-1', '1'],
      [spread, 'spread-2', '2'],
    ] as const) {
      const r = await entente(['compare', DEFAULT_SCENARIO, '--posterior', source, '--out', join(dir, out), '-w', w, '-q']);
      expect(r.status, r.stderr).toBe(0);
    }
    const r = await entente(['compare', DEFAULT_SCENARIO, '--no-posterior', '-r', '4', '--out', join(dir, 'plain'), '-q']);
    expect(r.status, r.stderr).toBe(0);
  }, 120_000);

  it('all weight on the scenario’s own values gives the plain comparison’s effects (same seeds)', () => {
    const plain = rows(join(dir, 'plain', 'levers.csv'));
    const point = rows(join(dir, 'point-out', 'levers.csv'));
    expect(point).toHaveLength(plain.length);
    for (const [i, p] of point.entries()) {
      const q = plain[i] as Row;
      expect([p.lever, p.a, p.b]).toEqual([q.lever, q.a, q.b]);
      expect(Math.abs(Number(p.delta_mean) - Number(q.delta_mean)), `${p.lever} ${p.a}-${p.b}`).toBeLessThan(1e-6);
      // One world: the credible interval is that world's effect.
      expect(p.ci_low).toBe(p.delta_mean);
      expect(p.ci_high).toBe(p.delta_mean);
    }
  });

  it('probabilities and ranks are the weighted shares of the particles’ effects', () => {
    const levers = rows(join(dir, 'spread-1', 'levers.csv'));
    const particles = rows(join(dir, 'spread-1', 'particles.csv'));
    const names = [...new Set(levers.map((r) => r.lever as string))];
    const header = Object.keys(levers[0] as Row);
    const outcomes = header.indexOf('delta_depth_final');
    expect(header.slice(outcomes - 3 - names.length, outcomes)).toEqual([
      'prob_closer',
      'prob_apart',
      'prob_negligible',
      ...names.map((_, k) => `p_rank_${k + 1}`),
    ]);
    const minEffect = 0.005;
    const of = (lever: string) => particles.filter((p) => p.lever === lever && p.a === 'CHN' && p.b === 'RUS');
    for (const lever of names) {
      const row = levers.find((r) => r.lever === lever && r.a === 'CHN' && r.b === 'RUS') as Row;
      const mine = of(lever);
      expect(mine.map((p) => Number(p.weight))).toEqual([0.5, 0.3, 0.2]);
      const share = (test: (d: number) => boolean, column = 'delta_depth_final') =>
        mine.reduce((s, p) => s + (test(Number(p[column])) ? Number(p.weight) : 0), 0);
      // Mean depth over the horizon, the scenario's second declared outcome, is judged the same way.
      expect(Number(row.prob_apart_depth_mean)).toBeCloseTo(
        share((d) => d < -minEffect, 'delta_depth_mean'),
        6,
      );
      expect(Number(row.prob_closer_depth_mean)).toBeCloseTo(
        share((d) => d > minEffect, 'delta_depth_mean'),
        6,
      );
      expect(row.outcome_verdict).toBe(row.verdict === row.verdict_depth_mean ? row.verdict : 'depends on outcome');
      expect(Number(row.prob_closer)).toBeCloseTo(
        share((d) => d > minEffect),
        6,
      );
      expect(Number(row.prob_apart)).toBeCloseTo(
        share((d) => d < -minEffect),
        6,
      );
      expect(Number(row.prob_negligible)).toBeCloseTo(
        share((d) => Math.abs(d) <= minEffect),
        6,
      );
      const mean = mine.reduce((s, p) => s + Number(p.weight) * Number(p.delta_depth_final), 0);
      expect(Number(row.delta_mean)).toBeCloseTo(mean, 6);
      // Rank 1: the weight of the particles where no other lever divides more.
      const first = mine.reduce((s, p, i) => {
        const d = Number(p.delta_depth_final);
        const lowest = names.every((other) => Number((of(other)[i] as Row).delta_depth_final) >= d);
        return s + (lowest ? Number(p.weight) : 0);
      }, 0);
      expect(Number(row.p_rank_1)).toBeCloseTo(first, 6);
      const verdict =
        Number(row.prob_closer) >= 0.9
          ? 'closer'
          : Number(row.prob_apart) >= 0.9
            ? 'apart'
            : Number(row.prob_negligible) >= 0.9
              ? 'negligible'
              : 'uncertain';
      expect(row.verdict).toBe(verdict);
    }
    // The conditional reward pulls apart in every one of these worlds; the coercive wedge unites in every one.
    expect((levers.find((r) => r.lever === 'rewardWedge' && r.a === 'CHN' && r.b === 'RUS') as Row).verdict).toBe('apart');
    expect((levers.find((r) => r.lever === 'coerciveWedge' && r.a === 'CHN' && r.b === 'RUS') as Row).verdict).toBe('closer');
    // Three particles, two parameters and an intercept: the regression of drivers.csv fits exactly.
    const found = rows(join(dir, 'spread-1', 'drivers.csv')).filter((r) => r.a === 'CHN' && r.b === 'RUS' && r.lever === 'rewardWedge');
    expect(found.map((r) => r.parameter)).toEqual(paths);
    expect(Number(found[0]?.r2)).toBeCloseTo(1, 4);
    const manifest = JSON.parse(readFileSync(join(dir, 'spread-1', 'manifest.json'), 'utf8'));
    expect(manifest.posterior.particles).toBe(3);
    expect(manifest.posterior.ess).toBeCloseTo(1 / (0.25 + 0.09 + 0.04), 6);
  });

  it('gives the same bytes on 1 and 2 workers, and replaces its own output when run again', async () => {
    for (const name of ['levers.csv', 'particles.csv'])
      expect(readFileSync(join(dir, 'spread-2', name), 'utf8')).toBe(readFileSync(join(dir, 'spread-1', name), 'utf8'));
    const r = await entente(['compare', DEFAULT_SCENARIO, '--posterior', spread, '--out', join(dir, 'spread-2'), '-q']);
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(join(dir, 'spread-2', 'levers.csv'), 'utf8')).toBe(readFileSync(join(dir, 'spread-1', 'levers.csv'), 'utf8'));
  }, 60_000);

  it('report says what the intervals cover and shows the probabilities', async () => {
    const r = await entente(['report', join(dir, 'spread-1'), '-q']);
    expect(r.status, r.stderr).toBe(0);
    const html = readFileSync(join(dir, 'spread-1', 'report.html'), 'utf8');
    expect(html).toMatch(/90% credible interval over the 3 particles of a calibrated posterior/);
    expect(html).toMatch(/P\(most dividing\)/);
    expect(html).not.toMatch(/bootstrap/);
  }, 60_000);

  it('a scenario that names its posterior is compared over it by default; --no-posterior compares replications', async () => {
    const text = readFileSync(DEFAULT_SCENARIO, 'utf8')
      .replace(/^observed: .*$/m, `observed: ${join(DEFAULT_SCENARIO, '..', '..', 'data', 'china-russia-observed.csv')}`)
      .replace(/^posterior: .*$/m, `posterior: ${spread}`);
    expect(text).toContain(`posterior: ${spread}`);
    const named = fileIn(dir, 'named.yaml', text);
    const over = join(dir, 'named-out');
    const r = await entente(['compare', named, '--levers', 'rewardWedge', '--out', over, '-q']);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(over, 'manifest.json'), 'utf8')).posterior.particles).toBe(3);
    const plain = join(dir, 'named-plain');
    expect((await entente(['compare', named, '--no-posterior', '--levers', 'rewardWedge', '-r', '2', '--out', plain, '-q'])).status).toBe(
      0,
    );
    expect(JSON.parse(readFileSync(join(plain, 'manifest.json'), 'utf8')).posterior).toBeUndefined();
    const missing = fileIn(dir, 'missing.yaml', text.replace(`posterior: ${spread}`, 'posterior: no/such/dir'));
    await expectRefused(
      dir,
      ['compare', missing],
      /missing\.yaml:\d+: posterior: the scenario's posterior .* has no posterior\.csv/,
      /--no-posterior/,
    );
  }, 60_000);

  it('refuses what is not a posterior, a path the scenario lacks, and a sweep file', async () => {
    await expectRefused(dir, ['compare', DEFAULT_SCENARIO, '--posterior', join(dir, 'plain')], /not a finished ABC posterior/);
    await expectRefused(dir, ['compare', DEFAULT_SCENARIO, '--posterior', join(dir, 'nowhere')], /manifest\.json is missing/);
    const damaged = posterior(dir, 'damaged', paths, [[1, 0, ...own]]);
    writeFileSync(join(damaged, 'posterior.csv'), 'particle,weight,distance,model.needGain\n0,1,0,0.9,extra\n');
    await expectRefused(dir, ['compare', DEFAULT_SCENARIO, '--posterior', damaged], /posterior\.csv cannot be read/);
    const unknown = posterior(dir, 'unknown', ['model.noSuchThing'], [[1, 0, 3]]);
    await expectRefused(dir, ['compare', DEFAULT_SCENARIO, '--posterior', unknown], /posterior\.csv/, /model\.noSuchThing/);
    const sweep = fileIn(
      dir,
      'sweep.yaml',
      `scenario: ${DEFAULT_SCENARIO}\ndesign: lhs\nsamples: 2\nparameters:\n  model.needGain: { min: 0.5, max: 1 }\n`,
    );
    await expectRefused(dir, ['compare', sweep, '--posterior', spread], /--posterior compares a scenario/);
  });
});
