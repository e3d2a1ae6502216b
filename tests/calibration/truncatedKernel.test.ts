/**
 * ABC's truncated kernel (calibration `kernel: truncated`, src/calibration/abc/kernel.ts): the
 * truncated standard normal it is built from, against quadrature, including intervals far in a
 * tail; the kernel's density, which must integrate to 1 over the box and describe its draws; and
 * ABC with it on a posterior known by quadrature, and on 30 bounded parameters.
 */
import { describe, expect, it } from 'vitest';
import { fitKernel, logKernelTruncated, perturbTruncated } from '../../src/calibration/abc/kernel.js';
import { standardNormal } from '../../src/calibration/abc/priors.js';
import { type AbcProblem, abcSmc, fromSimulator, type Generation, marginal, weightedQuantile } from '../../src/calibration/abc/smc.js';
import { logMass, truncatedStandardNormal } from '../../src/calibration/abc/truncatedNormal.js';
import { designRandom, makeRandom } from '../../src/model/rng.js';
import { moments } from './quadrature.js';

/** log ∫_a^b φ by the midpoint rule, scaled by the endpoint nearest 0 so that nothing underflows. */
function exactLogMass(a: number, b: number): number {
  const m = a > 0 ? a : Math.min(b, 0);
  const n = 200_000;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const x = a + ((i + 0.5) / n) * (b - a);
    sum += Math.exp(-(x * x - m * m) / 2);
  }
  return Math.log((sum * (b - a)) / n) - (m * m) / 2 - 0.5 * Math.log(2 * Math.PI);
}

const INTERVALS: readonly [number, number][] = [
  [-1, 2],
  [0.3, 0.31],
  [3, 4],
  [-4, -3],
  [8, 9],
  [-12, 12],
  [20, 20.5],
  [-40, -39],
  [45, 60],
];

describe('the truncated standard normal', () => {
  it('has the mass quadrature gives, to 1e-6 in log, however far into a tail', () => {
    for (const [a, b] of INTERVALS) expect(logMass(a, b), `[${a}, ${b}]`).toBeCloseTo(exactLogMass(a, b), 6);
    expect(logMass(Number.NEGATIVE_INFINITY, 0)).toBeCloseTo(Math.log(0.5), 7);
    expect(logMass(Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY)).toBeCloseTo(0, 7);
    expect(logMass(1, Number.POSITIVE_INFINITY)).toBeCloseTo(exactLogMass(1, 40), 6);
  });

  it('draws inside its interval, with the mean quadrature gives (within 4 standard errors)', () => {
    const random = makeRandom(17);
    for (const [a, b] of INTERVALS) {
      const n = 20_000;
      let sum = 0;
      for (let i = 0; i < n; i++) {
        const x = truncatedStandardNormal(a, b, random);
        expect(x >= a && x <= b, `[${a}, ${b}]: ${x}`).toBe(true);
        sum += x;
      }
      const m = a > 0 ? a : Math.min(b, 0);
      const exact = moments((x) => Math.exp(-(x * x - m * m) / 2), a, b);
      expect(Math.abs(sum / n - exact.mean), `[${a}, ${b}]`).toBeLessThan((4 * exact.sd) / Math.sqrt(n) + 1e-12);
    }
  });
});

describe('the truncated kernel', () => {
  // Two correlated parameters on the unit box, the centre near a corner: most of a plain normal's draws would leave it.
  const particles = Array.from({ length: 50 }, (_, i) =>
    Float64Array.of(0.5 + 0.3 * Math.sin(i), 0.5 + 0.25 * Math.sin(i) + 0.1 * Math.cos(3 * i)),
  );
  const kernel = fitKernel(particles, new Float64Array(50).fill(1 / 50));
  const lo = Float64Array.of(0, 0);
  const hi = Float64Array.of(1, 1);
  const center = Float64Array.of(0.05, 0.9);
  const density = (x: number, y: number) =>
    Math.exp(logKernelTruncated(kernel, center, Float64Array.of(x, y), lo, hi, new Float64Array(2)));

  it('has a density that integrates to 1 over the box', () => {
    const n = 400;
    let total = 0;
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) total += density((i + 0.5) / n, (j + 0.5) / n) / (n * n);
    expect(total).toBeCloseTo(1, 3);
  });

  it('and its draws fall in each quarter of the box as that density says (within 4 standard errors)', () => {
    const random = makeRandom(3);
    const draws = 40_000;
    const counts = [0, 0, 0, 0];
    for (let k = 0; k < draws; k++) {
      const [x, y] = perturbTruncated(kernel, center, random, lo, hi) as unknown as [number, number];
      expect(x >= 0 && x <= 1 && y >= 0 && y <= 1).toBe(true);
      counts[(x < 0.5 ? 0 : 1) + (y < 0.5 ? 0 : 2)] += 1;
    }
    const n = 200;
    const mass = [0, 0, 0, 0];
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) {
        const [x, y] = [(i + 0.5) / n, (j + 0.5) / n];
        mass[(x < 0.5 ? 0 : 1) + (y < 0.5 ? 0 : 2)] += density(x, y) / (n * n);
      }
    mass.forEach((p, q) => {
      const se = Math.sqrt((p * (1 - p)) / draws);
      expect(Math.abs((counts[q] as number) / draws - p), `quarter ${q}`).toBeLessThan(4 * se + 1e-3);
    });
  });
});

const last = (gs: readonly Generation[]) => gs[gs.length - 1] as Generation;

describe('ABC with the truncated kernel', () => {
  it('a uniform prior with the likelihood against its upper bound: the truncated normal posterior, mean within 5%, sd within 10%', async () => {
    const problem: AbcProblem = {
      priors: [{ kind: 'uniform', min: 0, max: 1 }],
      observed: [0.95],
      scales: [1],
      simulate: (theta, seed) => [theta[0] + 0.1 * standardNormal(makeRandom(seed))],
    };
    const result = await abcSmc(fromSimulator(problem, 5), { particles: 1000, seed: 5, kernel: 'truncated' });
    const { mean, sd } = marginal(last(result.generations), 0);
    const exact = moments((x) => Math.exp(-0.5 * ((x - 0.95) / 0.1) ** 2), 0, 1, 100_000);
    expect(Math.abs(mean / exact.mean - 1), `mean ${mean} vs ${exact.mean}`).toBeLessThan(0.05);
    expect(Math.abs(sd / exact.sd - 1), `sd ${sd} vs ${exact.sd}`).toBeLessThan(0.1);
  });

  it('30 bounded parameters, 3 identified near a bound and 27 no datum reads: every generation fills, the 3 narrow, the 27 keep their prior, nothing leaves the box', async () => {
    // The shape of issue 30's prior: a few parameters the targets pin, many they do not.
    const D = 30;
    const K = 3;
    const truth = Array.from({ length: K }, (_, i) => (i % 2 ? 0.93 : 0.07));
    const problem: AbcProblem = {
      priors: Array.from({ length: D }, () => ({ kind: 'uniform' as const, min: 0, max: 1 })),
      observed: truth,
      scales: Array(K).fill(1),
      simulate: (theta, seed) => {
        const random = makeRandom(seed);
        return truth.map((_, i) => (theta[i] as number) + 0.05 * standardNormal(random));
      },
    };
    // A plain normal kernel's draw would lie inside all 30 ranges about once in a million tries here.
    const result = await abcSmc(fromSimulator(problem, 9), { particles: 500, seed: 9, kernel: 'truncated', maxGenerations: 6 });
    expect(result.generations).toHaveLength(6);
    const g = last(result.generations);
    // Importance weights over 27 flat dimensions spread (ESS 77–152 of 500 from generation 1 on), as ABC-SMC's do.
    expect(g.ess).toBeGreaterThan(50);
    const priorSd = 1 / Math.sqrt(12);
    for (let i = 0; i < D; i++) {
      const { mean, sd } = marginal(g, i);
      if (i < K) {
        expect(sd, `parameter ${i}`).toBeLessThan(0.5 * priorSd);
        expect(Math.abs(mean - (truth[i] as number)), `parameter ${i}`).toBeLessThan(0.1);
      } else {
        expect(Math.abs(sd / priorSd - 1), `parameter ${i}: sd ${sd}`).toBeLessThan(0.2);
        expect(Math.abs(mean - 0.5), `parameter ${i}`).toBeLessThan(0.1);
      }
    }
    for (const gen of result.generations) for (const p of gen.particles) for (const x of p) expect(x >= 0 && x <= 1).toBe(true);
  });

  it('simulation-based calibration: on a bounded prior, with a second parameter no datum reads, 90% intervals cover the truth as the box kernel’s do (80–95% of 200 synthetic calibrations)', async () => {
    // θ ~ U(0, 1)², ȳ | θ ~ N(θ₁, 0.1²): a truth near a bound is where the truncation acts (Talts et al. 2018).
    const truths = designRandom(2026, 'sbc-truncated');
    let covered = 0;
    let unread = 0;
    const R = 200;
    for (let r = 0; r < R; r++) {
      const truth = truths();
      const observed = truth + 0.1 * standardNormal(truths);
      const problem: AbcProblem = {
        priors: [
          { kind: 'uniform', min: 0, max: 1 },
          { kind: 'uniform', min: 0, max: 1 },
        ],
        observed: [observed],
        scales: [1],
        simulate: (theta, seed) => [(theta[0] as number) + 0.1 * standardNormal(makeRandom(seed))],
      };
      const g = last(
        (await abcSmc(fromSimulator(problem, 100 + r), { particles: 200, seed: 100 + r, maxGenerations: 8, kernel: 'truncated' }))
          .generations,
      );
      const interval = (k: number) => {
        const values = Float64Array.from(g.particles, (x) => x[k] as number);
        return [weightedQuantile(values, g.weights, 0.05), weightedQuantile(values, g.weights, 0.95)] as const;
      };
      const [lo, hi] = interval(0);
      if (truth >= lo && truth <= hi) covered++;
      const [lo2, hi2] = interval(1);
      unread += (hi2 - lo2) / R;
    }
    // At 200 particles both kernels cover a little under nominal here: the box gave 84.5% on these same 200
    // calibrations, the truncated kernel 84% (noisy quantiles of few particles against a bound). The test asks
    // the truncated kernel for what the box gives: 80–95%.
    expect(covered / R).toBeGreaterThanOrEqual(0.8);
    expect(covered / R).toBeLessThanOrEqual(0.95);
    expect(Math.abs(unread - 0.9)).toBeLessThan(0.05); // the unread parameter's interval stays its prior's
  }, 180_000);
});
