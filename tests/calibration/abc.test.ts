/**
 * ABC-SMC (src/calibration/abc/) on simulators whose posterior is known in closed form
 * (issue 15): a normal mean with a conjugate normal prior, and a two-parameter linear
 * Gaussian model. Tolerances stated here before the runs: posterior mean within 5% and
 * standard deviation within 10% of the analytic values, at 1,000 particles; coverage of
 * nominal 90% credible intervals between 85% and 95% over 200 synthetic calibrations whose
 * truth is drawn from the prior (simulation-based calibration, Talts et al. 2018).
 */
import { describe, expect, it } from 'vitest';
import { spikeValue } from '../../src/calibration/abc/model.js';
import { priorDensity, samplePrior, standardNormal } from '../../src/calibration/abc/priors.js';
import {
  type AbcOptions,
  type AbcProblem,
  abcSmc,
  fromSimulator,
  type Generation,
  marginal,
  observationFloor,
  weightedQuantile,
} from '../../src/calibration/abc/smc.js';
import { designRandom, makeRandom } from '../../src/model/rng.js';
import { moments } from './quadrature.js';

const N_OBS = 10; // observations behind each summary mean: its sampling sd is 1/√10

/** ȳ | μ ~ N(μ, 1/n), prior μ ~ N(0, 2²). */
function normalMean(observed: number): AbcProblem {
  return {
    priors: [{ kind: 'normal', mean: 0, sd: 2 }],
    observed: [observed],
    scales: [1],
    simulate: (theta, seed) => [theta[0] + standardNormal(makeRandom(seed)) / Math.sqrt(N_OBS)],
  };
}

/** The analytic posterior of normalMean: precision 1/4 + n, mean = variance · n · ȳ. */
function normalMeanPosterior(observed: number): { mean: number; sd: number } {
  const variance = 1 / (1 / 4 + N_OBS);
  return { mean: variance * N_OBS * observed, sd: Math.sqrt(variance) };
}

const last = (gs: readonly Generation[]) => gs[gs.length - 1] as Generation;

/** ABC on a simulator, its runs seeded from the options' seed. */
const run = (problem: AbcProblem, options: AbcOptions) => abcSmc(fromSimulator(problem, options.seed), options);

describe('ABC-SMC against known posteriors', () => {
  it('a normal mean: posterior mean within 5%, sd within 10% (1,000 particles)', async () => {
    const result = await run(normalMean(1.3), { particles: 1000, seed: 11 });
    const { mean, sd } = marginal(last(result.generations), 0);
    const exact = normalMeanPosterior(1.3);
    expect(Math.abs(mean / exact.mean - 1)).toBeLessThan(0.05);
    expect(Math.abs(sd / exact.sd - 1)).toBeLessThan(0.1);
    // The tolerance falls every generation and the population stays well spread.
    const tolerances = result.generations.map((g) => g.tolerance);
    for (let t = 2; t < tolerances.length; t++) expect(tolerances[t]).toBeLessThan(tolerances[t - 1]);
    expect(last(result.generations).ess).toBeGreaterThan(300);
  });

  it('two parameters (a + b and a − b observed): both means within 5%, both sds within 10%', async () => {
    // s1 = a + b + e1/√n, s2 = a − b + e2/√n; priors N(0, 2²): posterior precision 1/4 + 2n on each, independent.
    const problem: AbcProblem = {
      priors: [
        { kind: 'normal', mean: 0, sd: 2 },
        { kind: 'normal', mean: 0, sd: 2 },
      ],
      observed: [1.0, 0.2],
      scales: [1, 1],
      simulate: (theta, seed) => {
        const random = makeRandom(seed);
        const [a, b] = theta as unknown as [number, number];
        return [a + b + standardNormal(random) / Math.sqrt(N_OBS), a - b + standardNormal(random) / Math.sqrt(N_OBS)];
      },
    };
    const variance = 1 / (1 / 4 + 2 * N_OBS);
    const exact = [variance * N_OBS * (1.0 + 0.2), variance * N_OBS * (1.0 - 0.2)];
    const g = last((await run(problem, { particles: 1000, seed: 5 })).generations);
    exact.forEach((m, a) => {
      const { mean, sd } = marginal(g, a);
      expect(Math.abs(mean / m - 1), `mean ${a}`).toBeLessThan(0.05);
      expect(Math.abs(sd / Math.sqrt(variance) - 1), `sd ${a}`).toBeLessThan(0.1);
    });
  });

  it('a uniform prior on [0, 1] with the likelihood against its upper bound: the truncated normal posterior, mean within 5%, sd within 10%', async () => {
    // ȳ | θ ~ N(θ, 0.1²), observed 0.95: the posterior is N(0.95, 0.1²) truncated to [0, 1]. The box kernel
    // redraws a proposal until it lies inside the prior; the truncated kernel's test is truncatedKernel.test.ts.
    const problem: AbcProblem = {
      priors: [{ kind: 'uniform', min: 0, max: 1 }],
      observed: [0.95],
      scales: [1],
      simulate: (theta, seed) => [theta[0] + 0.1 * standardNormal(makeRandom(seed))],
    };
    const result = await run(problem, { particles: 1000, seed: 5 });
    const { mean, sd } = marginal(last(result.generations), 0);
    // The analytic posterior by quadrature on a fine grid.
    const { mean: exactMean, sd: exactSd } = moments((x) => Math.exp(-0.5 * ((x - 0.95) / 0.1) ** 2), 0, 1, 100_000);
    expect(Math.abs(mean / exactMean - 1), `mean ${mean} vs ${exactMean}`).toBeLessThan(0.05);
    expect(Math.abs(sd / exactSd - 1), `sd ${sd} vs ${exactSd}`).toBeLessThan(0.1);
    for (const g of result.generations) for (const p of g.particles) expect(p[0]).toBeLessThanOrEqual(1);
  });

  it('a spike prior (a mechanism that may not exist): the posterior probability of the point mass is the Bayes factor’s, within 0.03', async () => {
    // θ = 0 with prior probability ½, else uniform on (0, 2]; ȳ | θ ~ N(θ, 0.1²), observed 0. Analytically
    // P(θ = 0 | ȳ) = ½ φ(0; 0, 0.1) / (½ φ(0; 0, 0.1) + ½ · ½ ∫₀² φ(0; θ, 0.1) dθ) = 3.989 / (3.989 + 0.25) = 0.941.
    const problem: AbcProblem = {
      priors: [{ kind: 'uniform', min: 0, max: 1 }],
      observed: [0],
      scales: [1],
      simulate: (theta, seed) => [spikeValue(theta[0], 0.5, 0, 2) + 0.1 * standardNormal(makeRandom(seed))],
    };
    const result = await run(problem, { particles: 1000, seed: 8 });
    const g = last(result.generations);
    const atZero = g.particles.reduce((p, u, i) => p + (spikeValue(u[0], 0.5, 0, 2) === 0 ? g.weights[i] : 0), 0);
    const density = (x: number) => Math.exp(-0.5 * (x / 0.1) ** 2) / (0.1 * Math.sqrt(2 * Math.PI));
    const slab = 0.5 * 0.5 * 0.5; // ½ prior × density ½ on (0, 2] × the half of N(0, 0.1) on θ > 0
    const exact = (0.5 * density(0)) / (0.5 * density(0) + slab);
    expect(Math.abs(atZero - exact), `P(θ = 0) ${atZero} vs ${exact}`).toBeLessThan(0.03);
  });

  it('is reproducible to the bit whatever the batch size', async () => {
    const a = await run(normalMean(0.7), { particles: 200, seed: 3, batch: 37, maxGenerations: 5 });
    const b = await run(normalMean(0.7), { particles: 200, seed: 3, batch: 500, maxGenerations: 5 });
    expect(b.generations.map((g) => [g.tolerance, g.simulations, Array.from(g.weights), g.particles.map((x) => Array.from(x))])).toEqual(
      a.generations.map((g) => [g.tolerance, g.simulations, Array.from(g.weights), g.particles.map((x) => Array.from(x))]),
    );
  });

  it('90% credible intervals cover the truth in 85–95% of 200 synthetic calibrations', async () => {
    const truths = designRandom(2026, 'sbc');
    let covered = 0;
    const R = 200;
    for (let r = 0; r < R; r++) {
      const truth = 2 * standardNormal(truths);
      const observed = truth + standardNormal(truths) / Math.sqrt(N_OBS);
      const g = last((await run(normalMean(observed), { particles: 200, seed: 100 + r, maxGenerations: 8 })).generations);
      const values = Float64Array.from(g.particles, (x) => x[0]);
      const lo = weightedQuantile(values, g.weights, 0.05);
      const hi = weightedQuantile(values, g.weights, 0.95);
      if (truth >= lo && truth <= hi) covered++;
    }
    expect(covered / R).toBeGreaterThanOrEqual(0.85);
    expect(covered / R).toBeLessThanOrEqual(0.95);
  }, 120_000);
});

describe('the tolerance floor', () => {
  it('is the square root of the median of χ² with k degrees of freedom (Wilson–Hilferty), within 0.3% for k ≥ 5', () => {
    // Medians of χ²_k from tables: k = 5, 10, 11, 20.
    for (const [k, median] of [
      [5, 4.35146],
      [10, 9.34182],
      [11, 10.341],
      [20, 19.33743],
    ] as const)
      expect(Math.abs(observationFloor(new Array(k).fill(1)) ** 2 / median - 1), `k = ${k}`).toBeLessThan(0.003);
    expect(observationFloor([])).toBe(0);
  });

  it('stops ABC with a last generation drawn at the floor, never below it', async () => {
    const result = await run(normalMean(1.3), { particles: 300, seed: 3, minTolerance: 0.5 });
    expect(result.stopped).toBe('floor');
    const tolerances = result.generations.map((g) => g.tolerance);
    expect(tolerances[tolerances.length - 1]).toBe(0.5);
    for (const t of tolerances) expect(t).toBeGreaterThanOrEqual(0.5);
  });
});

describe('priors', () => {
  const moments = (draw: () => number, n = 200_000) => {
    let s = 0;
    let s2 = 0;
    for (let i = 0; i < n; i++) {
      const x = draw();
      s += x;
      s2 += x * x;
    }
    const mean = s / n;
    return { mean, variance: s2 / n - mean * mean };
  };

  it.each([
    [{ kind: 'uniform', min: 1, max: 3 } as const, 2, 1 / 3],
    [{ kind: 'logUniform', min: 1, max: Math.E } as const, Math.E - 1, (Math.E ** 2 - 1) / 2 - (Math.E - 1) ** 2],
    [{ kind: 'beta', a: 2, b: 5 } as const, 2 / 7, 10 / (49 * 8)],
    [{ kind: 'beta', a: 0.5, b: 0.5, min: 0, max: 2 } as const, 1, 4 * (0.25 / 2)],
    [{ kind: 'normal', mean: 1, sd: 0.5 } as const, 1, 0.25],
  ])('%o: sample mean and variance match, and the density integrates to 1', (prior, mean, variance) => {
    const random = designRandom(1, JSON.stringify(prior));
    const m = moments(() => samplePrior(prior, random));
    expect(Math.abs(m.mean - mean)).toBeLessThan(0.01 * Math.max(1, Math.abs(mean)));
    expect(Math.abs(m.variance / variance - 1)).toBeLessThan(0.03);
    // Midpoint rule over the support (or ±8 sd), away from the beta's integrable endpoint singularities.
    const lo = 'min' in prior && prior.min !== undefined ? prior.min : prior.kind === 'normal' ? prior.mean - 8 * prior.sd : 0;
    const hi = 'max' in prior && prior.max !== undefined ? prior.max : prior.kind === 'normal' ? prior.mean + 8 * prior.sd : 1;
    const steps = 200_000;
    let integral = 0;
    for (let i = 0; i < steps; i++) integral += priorDensity(prior, lo + ((i + 0.5) * (hi - lo)) / steps) * ((hi - lo) / steps);
    expect(Math.abs(integral - 1)).toBeLessThan(prior.kind === 'beta' && prior.a < 1 ? 0.01 : 1e-4);
  });

  it('a bounded normal is truncated: no draw outside, density renormalised', () => {
    const prior = { kind: 'normal', mean: 0, sd: 1, min: 0 } as const;
    const random = designRandom(2, 'truncated');
    for (let i = 0; i < 10_000; i++) expect(samplePrior(prior, random)).toBeGreaterThanOrEqual(0);
    expect(priorDensity(prior, 0.5)).toBeCloseTo((2 * Math.exp(-0.125)) / Math.sqrt(2 * Math.PI), 6);
    expect(priorDensity(prior, -0.1)).toBe(0);
  });
});
