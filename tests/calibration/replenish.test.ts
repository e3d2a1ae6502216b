/**
 * ABC-SMC by replenishment (src/calibration/abc/replenish.ts) on the simulators whose posterior is
 * known in closed form that the importance sampler is tested on (abc.test.ts), with the same
 * tolerances stated before the runs: posterior mean within 5% and sd within 10% at 1,000
 * particles; and in many dimensions, where the importance sampler's weights degenerate: 30
 * parameters, 27 of them unread by any summary, the 3 read ones within the same tolerances and
 * the unread ones still spread over their prior; simulation-based calibration (Talts et al. 2018):
 * nominal 90% intervals cover the truth in 85–95% of 200 synthetic calibrations, the importance
 * sampler's bounds. Reproducible: the same generations for a batch-by-batch model and a
 * one-at-a-time one.
 */
import { describe, expect, it } from 'vitest';
import { standardNormal } from '../../src/calibration/abc/priors.js';
import { type AbcProblem, abcSmc, fromSimulator, type Generation, marginal, weightedQuantile } from '../../src/calibration/abc/smc.js';
import { designRandom, makeRandom } from '../../src/model/rng.js';

const N_OBS = 10;
const last = (gs: readonly Generation[]) => gs[gs.length - 1] as Generation;
const replenish = { sampler: 'replenish' as const };

describe('ABC-SMC by replenishment against known posteriors', () => {
  it('a normal mean with a conjugate prior: mean within 5%, sd within 10%; every weight equal', async () => {
    const problem: AbcProblem = {
      priors: [{ kind: 'normal', mean: 0, sd: 2 }],
      observed: [1.3],
      scales: [1],
      simulate: (theta, seed) => [(theta[0] as number) + standardNormal(makeRandom(seed)) / Math.sqrt(N_OBS)],
    };
    const result = await abcSmc(fromSimulator(problem, 11), { particles: 1000, seed: 11, ...replenish });
    const g = last(result.generations);
    const variance = 1 / (1 / 4 + N_OBS);
    const { mean, sd } = marginal(g, 0);
    expect(Math.abs(mean / (variance * N_OBS * 1.3) - 1)).toBeLessThan(0.05);
    expect(Math.abs(sd / Math.sqrt(variance) - 1)).toBeLessThan(0.1);
    expect(new Set(g.weights).size).toBe(1);
    // The tolerance falls every generation.
    const tolerances = result.generations.map((x) => x.tolerance);
    for (let t = 2; t < tolerances.length; t++) expect(tolerances[t]).toBeLessThan(tolerances[t - 1] as number);
  });

  it('30 parameters, 27 unread: the three read ones’ posteriors within tolerance, the unread ones their prior’s spread', async () => {
    // s_j = θ_j + e_j/√n for j < 3 with priors U(−3, 3); θ_3 … θ_29 ~ U(0, 1) read by nothing.
    const problem: AbcProblem = {
      priors: [
        ...Array.from({ length: 3 }, () => ({ kind: 'uniform' as const, min: -3, max: 3 })),
        ...Array.from({ length: 27 }, () => ({ kind: 'uniform' as const, min: 0, max: 1 })),
      ],
      observed: [0.5, -1, 1.5],
      scales: [1, 1, 1],
      simulate: (theta, seed) => {
        const random = makeRandom(seed);
        return [0, 1, 2].map((j) => (theta[j] as number) + standardNormal(random) / Math.sqrt(N_OBS));
      },
    };
    const result = await abcSmc(fromSimulator(problem, 3), { particles: 1000, seed: 3, maxGenerations: 25, ...replenish });
    const g = last(result.generations);
    const sd = 1 / Math.sqrt(N_OBS); // the flat prior's posterior: N(observed, 1/n), far from the bounds
    [0.5, -1, 1.5].forEach((m, j) => {
      const got = marginal(g, j);
      expect(Math.abs(got.mean - m), `mean ${j}`).toBeLessThan(0.05 * Math.abs(m) + 0.02);
      expect(Math.abs(got.sd / sd - 1), `sd ${j}`).toBeLessThan(0.15);
    });
    for (let j = 3; j < 30; j++) {
      const got = marginal(g, j);
      expect(Math.abs(got.mean - 0.5), `unread mean ${j}`).toBeLessThan(0.06);
      expect(Math.abs(got.sd / Math.sqrt(1 / 12) - 1), `unread sd ${j}`).toBeLessThan(0.15);
    }
    expect(g.ess).toBe(1000);
  }, 60_000);

  it('90% credible intervals cover the truth in 85–95% of 200 synthetic calibrations', async () => {
    const truths = designRandom(2026, 'sbc-replenish');
    let covered = 0;
    const R = 200;
    for (let r = 0; r < R; r++) {
      const truth = 2 * standardNormal(truths);
      const observed = truth + standardNormal(truths) / Math.sqrt(N_OBS);
      const problem: AbcProblem = {
        priors: [{ kind: 'normal', mean: 0, sd: 2 }],
        observed: [observed],
        scales: [1],
        simulate: (theta, seed) => [(theta[0] as number) + standardNormal(makeRandom(seed)) / Math.sqrt(N_OBS)],
      };
      const g = last(
        (await abcSmc(fromSimulator(problem, 100 + r), { particles: 200, seed: 100 + r, maxGenerations: 8, ...replenish })).generations,
      );
      const values = Float64Array.from(g.particles, (x) => x[0] as number);
      const lo = weightedQuantile(values, g.weights, 0.05);
      const hi = weightedQuantile(values, g.weights, 0.95);
      if (truth >= lo && truth <= hi) covered++;
    }
    expect(covered / R).toBeGreaterThanOrEqual(0.85);
    expect(covered / R).toBeLessThanOrEqual(0.95);
  }, 120_000);

  it('draws the same generations whatever the order the model simulates them in', async () => {
    const problem: AbcProblem = {
      priors: [{ kind: 'uniform', min: 0, max: 1 }],
      observed: [0.3],
      scales: [0.1],
      simulate: (theta, seed) => [(theta[0] as number) + 0.05 * standardNormal(makeRandom(seed))],
    };
    const batch = fromSimulator(problem, 9);
    const reversed = {
      priors: batch.priors,
      distances: async (t: number, indices: readonly number[], thetas: readonly Float64Array[]) => {
        const out: number[] = [];
        for (let j = indices.length - 1; j >= 0; j--)
          out[j] = ((await batch.distances(t, [indices[j] as number], [thetas[j] as Float64Array])) as number[])[0] as number;
        return out;
      },
    };
    const options = { particles: 200, seed: 9, maxGenerations: 6, ...replenish };
    const a = await abcSmc(batch, options);
    const b = await abcSmc(reversed, options);
    expect(b.generations.map((g) => Array.from(g.distances))).toEqual(a.generations.map((g) => Array.from(g.distances)));
  });
});
