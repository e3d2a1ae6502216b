/**
 * Verdicts per declared outcome (compare/leverOutcomes.ts): a lever is judged on every outcome the
 * scenario declares, and labelled "depends on outcome" exactly where those verdicts differ. Tested on
 * hand-made run outcomes whose answer is known, then end to end on levers.csv and a bad declaration.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { compareLevers } from '../../src/compare/compare.js';
import { verdictWithOdds } from '../../src/compare/leverOutcomes.js';
import { armOutcomes } from '../../src/compare/paired.js';
import type { RunOutcome } from '../../src/experiments/outcomes.js';
import { D } from '../../src/model/domains.js';
import { createState } from '../../src/model/state.js';
import { entente, expectRefused, fileIn, loadText, TWO_ACTORS, tempDir } from '../helpers.js';

const LEVER = `
levers:
  nudge: { set: { actors.A.costAversion: 0.4 } }
focus: [A-B]
`;

/** One run's outcomes for a scenario with P pairs and n actors, depth set by hand. */
function run(P: number, n: number, depth: { final: number; mean: number; peak: number }): RunOutcome {
  return {
    depthFinal: new Float64Array(P).fill(depth.final),
    depthMean: new Float64Array(P).fill(depth.mean),
    depthPeak: new Float64Array(P).fill(depth.peak),
    rhetoricFinal: new Float64Array(P),
    mutualFinal: new Float64Array(P * D),
    costMean: new Float64Array(n),
    welfareMean: new Float64Array(n),
  };
}

/** Compare the lever over R units where it leaves final depth alone and lowers the mean by `meanDrop`. */
function judged(declared: string, meanDrop: number) {
  const loaded = loadText(`${TWO_ACTORS}${LEVER}${declared}`);
  const { P, n } = loaded.config;
  const R = 8;
  const outcomes = Array.from({ length: R }, (_, r) => [
    run(P, n, { final: 0.3, mean: 0.3, peak: 0.35 }),
    run(P, n, { final: 0.3 + (r % 2 ? 1e-4 : -1e-4), mean: 0.3 - meanDrop, peak: 0.35 }),
  ]);
  return compareLevers(loaded, { levers: ['nudge'], replications: R, seed: 1, minEffect: 0.005 }, () => {}, outcomes).find((e) => e.focus);
}

describe('verdicts per declared outcome', () => {
  it('a lever that leaves no trace at the end but lowers the mean depends on outcome', () => {
    const e = judged('', 0.02);
    expect(e?.byOutcome.map((o) => [o.outcome, o.verdict])).toEqual([
      ['depth_final', 'unclear'],
      ['depth_mean', 'apart'],
    ]);
    expect(e?.byOutcome[1]?.deltaMean).toBeCloseTo(-0.02, 12);
    expect(e?.outcomeVerdict).toBe('depends on outcome');
    // The original columns stay depth at the end's.
    expect(e?.verdict).toBe('unclear');
  });

  it('where every declared outcome agrees, the shared verdict is reported', () => {
    const e = judged('', 0.0001);
    expect(e?.byOutcome.map((o) => o.verdict)).toEqual(['unclear', 'unclear']);
    expect(e?.outcomeVerdict).toBe('unclear');
  });

  it('only the declared outcomes count: declared alone, the mean gives the verdict', () => {
    const e = judged('outcomes: [depth_mean, depth_peak]', 0.02);
    expect(e?.byOutcome.map((o) => [o.outcome, o.verdict])).toEqual([
      ['depth_mean', 'apart'],
      ['depth_peak', 'unclear'],
    ]);
    expect(e?.outcomeVerdict).toBe('depends on outcome');
    expect(judged('outcomes: [depth_mean]', 0.02)?.outcomeVerdict).toBe('apart');
  });

  it('a run’s peak depth is its highest month: at least its mean and its final depth', () => {
    const loaded = loadText(TWO_ACTORS);
    const [o] = armOutcomes(createState(loaded.config, { welfare: true }), {
      config: loaded.config,
      seed: 3,
      point: 0,
      replications: 1,
      place: 'test',
    });
    for (let p = 0; p < loaded.config.P; p++) {
      // the mean is a sum of depth / ticks, which can pass a flat path's depth by an ulp
      expect(o?.depthPeak[p]).toBeGreaterThanOrEqual((o?.depthMean[p] as number) - 1e-12);
      expect(o?.depthPeak[p]).toBeGreaterThanOrEqual(o?.depthFinal[p] as number);
      expect(Number.isFinite(o?.depthPeak[p])).toBe(true);
    }
  });

  it('a verdict cell carries the probability behind it', () => {
    expect(verdictWithOdds({ verdict: 'apart', probCloser: 0, probApart: 0.996, probNegligible: 0.004 })).toBe('apart 100%');
    expect(verdictWithOdds({ verdict: 'uncertain', probCloser: 0.05, probApart: 0.61, probNegligible: 0.34 })).toBe(
      'uncertain (apart 61%)',
    );
  });
});

describe('levers.csv per outcome', () => {
  const dir = tempDir();

  it('holds each declared outcome’s columns and outcome_verdict; the manifest names them', async () => {
    const file = fileIn(dir, 'two.yaml', `${TWO_ACTORS}${LEVER}outcomes: [depth_final, depth_peak]\n`);
    const out = join(dir, 'out');
    const r = await entente(['compare', file, '-r', '4', '--out', out, '-q']);
    expect(r.status, r.stderr).toBe(0);
    const [row] = parse(readFileSync(join(out, 'levers.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
    const header = Object.keys(row ?? {});
    expect(header.slice(header.indexOf('verdict_depth_final'))).toEqual([
      'verdict_depth_final',
      'delta_depth_peak',
      'ci_low_depth_peak',
      'ci_high_depth_peak',
      'prob_closer_depth_peak',
      'prob_apart_depth_peak',
      'prob_negligible_depth_peak',
      'verdict_depth_peak',
      'outcome_verdict',
    ]);
    expect(header).not.toContain('verdict_depth_mean');
    expect(row?.verdict_depth_final).toBe(row?.verdict);
    expect(row?.delta_depth_final).toBe(row?.delta_mean);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.outcomes).toEqual(['depth_final', 'depth_peak']);
  });

  it('an unknown outcome is refused, naming the field', async () => {
    const file = fileIn(dir, 'bad.yaml', `${TWO_ACTORS}${LEVER}outcomes: [depth_final, depth_max]\n`);
    await expectRefused(dir, ['compare', file], /bad\.yaml/, /outcomes/);
  });
});
