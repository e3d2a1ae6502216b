/** Posterior verdicts, probabilities and ranks on cases worked by hand. */
import { describe, expect, it } from 'vitest';
import { effectProbabilities, posteriorVerdict, rankProbabilities, weightedMean } from '../../src/compare/stats.js';

describe('probabilities over weighted units', () => {
  const deltas = [0.02, 0.004, -0.001, -0.03];
  const weights = [0.1, 0.2, 0.3, 0.4];

  it('closer, apart and negligible split the weight at ±min-effect and sum to 1', () => {
    const [closer, apart, negligible] = effectProbabilities(deltas, weights, 0.005);
    expect(closer).toBeCloseTo(0.1, 12);
    expect(apart).toBeCloseTo(0.4, 12);
    expect(negligible).toBeCloseTo(0.5, 12);
    // With no minimum effect, only an exact zero is negligible.
    expect(effectProbabilities([0, 0.001, -0.001], [0.2, 0.3, 0.5], 0)).toEqual([0.3, 0.5, 0.2]);
  });

  it('the weighted mean is Σ w x', () => {
    expect(weightedMean(deltas, weights)).toBeCloseTo(0.002 + 0.0008 - 0.0003 - 0.012, 12);
  });

  it('a verdict needs its probability to reach the confidence', () => {
    expect(posteriorVerdict([0.95, 0.01, 0.04], 0.9)).toBe('closer');
    expect(posteriorVerdict([0.02, 0.9, 0.08], 0.9)).toBe('apart');
    expect(posteriorVerdict([0.02, 0.03, 0.95], 0.9)).toBe('negligible');
    expect(posteriorVerdict([0.5, 0.3, 0.2], 0.9)).toBe('uncertain');
    expect(posteriorVerdict([0.85, 0.05, 0.1], 0.8)).toBe('closer');
  });

  it('rank probabilities: most dividing first, each lever and each rank sums to 1', () => {
    // Three levers at two units of weight 0.25 and 0.75.
    const a = [-0.05, 0.01];
    const b = [-0.01, -0.02];
    const c = [0.03, 0.0];
    const rank = rankProbabilities([a, b, c], [0.25, 0.75]);
    // Unit 0: a < b < c; unit 1: b < c < a.
    expect(rank).toEqual([
      [0.25, 0, 0.75],
      [0.75, 0.25, 0],
      [0, 0.75, 0.25],
    ]);
    for (let k = 0; k < 3; k++) expect(rank.reduce((s, r) => s + r[k], 0)).toBeCloseTo(1, 12);
  });

  it('ties go to the lever listed first, so ranks still sum to 1', () => {
    expect(rankProbabilities([[0], [0]], [1])).toEqual([
      [1, 0],
      [0, 1],
    ]);
  });
});
