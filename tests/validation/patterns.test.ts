/**
 * The source's facts as constraints, measured (docs/model.md §10, and the robust-verdicts issue's
 * item 2): flat CHN–RUS depth (within 15% of January 2022 every month) and neither side's
 * cost-weighted commitment rising more than 20% by December 2025 enter
 * calibration/china-russia-constrained.yaml as pattern targets (statistics `change` and `rise`:
 * how far the run passes the bound, against 0). The shipped calibration fits the figures alone.
 * Measured here: the figures alone fit well but break the depth fact; with the facts as
 * constraints the figures fit far worse, and the facts still do not hold. So no region the
 * search finds satisfies the figures and the patterns together: a finding, reported, not hidden
 * by shipping a fit that meets neither. If a model change resolves the conflict, this test fails
 * and docs/model.md §10 must be revisited.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type CalibrationResult, calibrate } from '../../src/calibration/calibrate.js';
import { loadSweep } from '../../src/experiments/loadSweep.js';
import { loadScenario } from '../../src/scenario/load.js';
import { DEFAULT_SCENARIO, ROOT } from '../helpers.js';
import { acrossRuns, depth, runAll } from './simulate.js';

const CALIBRATION = join(ROOT, 'scenarios', 'calibration');
const isPattern = (statistic: string) => statistic === 'rise' || statistic === 'change';

/** Σ weight · ((simulated − observed) / error)² over the targets that are figures, not patterns. */
function figureLoss(r: CalibrationResult): number {
  return r.targets.reduce((sum, t, i) => {
    if (isPattern(t.spec.statistic)) return sum;
    return sum + t.weight * (((r.best.simulated[i] as number) - t.observed) / t.errorScale) ** 2;
  }, 0);
}

/** How far the best point passes a pattern's bound (0: it holds). */
function excess(r: CalibrationResult, indicator: string): number {
  const i = r.targets.findIndex((t) => t.spec.indicator === indicator && isPattern(t.spec.statistic));
  if (i < 0) throw new Error(`no pattern target on ${indicator}`);
  return r.best.simulated[i] as number;
}

describe('the figures and the source’s facts, fitted together', () => {
  let figures: CalibrationResult;
  let constrained: CalibrationResult;
  let largestDepthMove: number;
  beforeAll(async () => {
    const shippedSweep = loadSweep(join(CALIBRATION, 'china-russia.yaml'));
    figures = await calibrate(shippedSweep, 2, true);
    constrained = await calibrate(loadSweep(join(CALIBRATION, 'china-russia-constrained.yaml')), 2, true);
    // The figures' best point, run as the scenario's 30 replications: depth's largest move on January 2022.
    const best = figures.points[figures.best.point] as readonly (string | number)[];
    const set = shippedSweep.parameters.map((p, i) => `${p.path}=${best[i]}`);
    const runs = runAll(loadScenario(DEFAULT_SCENARIO, { set }), { d: depth('CHN', 'RUS') });
    largestDepthMove = acrossRuns(runs.series.d as Float64Array[], (row, r) => {
      const start = runs.initial.d?.[r] as number;
      return Math.max(...Array.from(row, (x) => Math.abs(x / start - 1)));
    });
  }, 240_000);

  it('the shipped calibration has no pattern target; the constrained one has the three facts', () => {
    expect(figures.targets.some((t) => isPattern(t.spec.statistic))).toBe(false);
    expect(constrained.targets.filter((t) => isPattern(t.spec.statistic)).map((t) => t.spec.indicator)).toEqual([
      'chn_rus_depth',
      'chn_commitment_to_rus',
      'rus_commitment_to_chn',
    ]);
  });

  it('the figures alone fit to a loss under 10, and at their best point depth moves more than 15%', () => {
    expect(figureLoss(figures)).toBeLessThan(10);
    expect(largestDepthMove).toBeGreaterThan(0.15);
  });

  it('with the facts as constraints the figures fit at least twice as badly', () => {
    expect(figureLoss(constrained)).toBeGreaterThan(2 * figureLoss(figures));
  });

  it('and the facts still do not hold at the constrained best point: depth and Russia’s commitment pass their bounds', () => {
    expect(excess(constrained, 'chn_rus_depth')).toBeGreaterThan(0);
    expect(excess(constrained, 'rus_commitment_to_chn')).toBeGreaterThan(0);
  });
});
