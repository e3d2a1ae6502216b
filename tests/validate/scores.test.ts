/**
 * The scores of entente validate (src/validate/scores.ts, figureScore.ts) on cases with known
 * answers: the CRPS of a point mass is the absolute error, of a weighted sample the O(n²)
 * definition, of a fine normal sample the closed form (Gneiting & Raftery 2007); and on a
 * synthetic model whose true parameter is known (a normal mean observed with noise, its posterior
 * drawn as weighted particles from the prior, as ABC's are), the predictive's 50% and 90% intervals
 * cover near their nominal rates, its PIT is uniform, and its CRPS beats the naive forecast of no change.
 */
import { describe, expect, it } from 'vitest';
import { scoreFigure } from '../../src/validate/figureScore.js';
import { central, crps, pit, quantile, quantiles } from '../../src/validate/scores.js';

/** A seeded uniform stream (mulberry32), so the test's draws are fixed. */
function uniform(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const normal = (u: () => number) => () => Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());

/** Φ by Abramowitz–Stegun 7.1.26 (error below 1.5e-7). */
function Phi(z: number): number {
  const t = 1 / (1 + (0.3275911 * Math.abs(z)) / Math.SQRT2);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-(z * z) / 2);
  return 0.5 * (1 + Math.sign(z) * erf);
}
/** Φ⁻¹ by bisection on Phi. */
function PhiInverse(p: number): number {
  let lo = -10;
  let hi = 10;
  for (let k = 0; k < 80; k++) {
    const mid = (lo + hi) / 2;
    if (Phi(mid) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

describe('CRPS, PIT and quantiles of a weighted sample', () => {
  it('a point forecast scores its absolute error', () => {
    expect(crps(Float64Array.of(3), Float64Array.of(1), 7.5)).toBeCloseTo(4.5, 12);
    expect(crps(Float64Array.of(2, 2, 2), Float64Array.of(0.2, 0.3, 0.5), -1)).toBeCloseTo(3, 12);
  });

  it('a weighted sample scores E|X − y| − ½E|X − X′|, as the double sum defines it', () => {
    const u = uniform(7);
    for (let trial = 0; trial < 20; trial++) {
      const n = 1 + Math.floor(u() * 40);
      const x = Float64Array.from({ length: n }, () => Math.round(u() * 10) / 2); // ties on purpose
      const w = Float64Array.from({ length: n }, () => u());
      const y = u() * 6;
      const W = w.reduce((s, v) => s + v, 0);
      let first = 0;
      let second = 0;
      for (let i = 0; i < n; i++) {
        first += ((w[i] as number) / W) * Math.abs((x[i] as number) - y);
        for (let j = 0; j < n; j++) second += ((w[i] as number) * (w[j] as number) * Math.abs((x[i] as number) - (x[j] as number))) / W / W;
      }
      expect(crps(x, w, y)).toBeCloseTo(first - second / 2, 10);
    }
  });

  it('a fine sample of N(μ, σ²) scores the closed form σ[z(2Φ(z) − 1) + 2φ(z) − 1/√π]', () => {
    const n = 20_000;
    const [mu, sigma] = [1.5, 2];
    const x = Float64Array.from({ length: n }, (_, i) => mu + sigma * PhiInverse((i + 0.5) / n));
    const w = new Float64Array(n).fill(1);
    for (const y of [-3, 0, 1.5, 4.2]) {
      const z = (y - mu) / sigma;
      const exact = sigma * (z * (2 * Phi(z) - 1) + (2 * Math.exp(-(z * z) / 2)) / Math.sqrt(2 * Math.PI) - 1 / Math.sqrt(Math.PI));
      expect(crps(x, w, y)).toBeCloseTo(exact, 3);
      expect(pit(x, w, y)).toBeCloseTo(Phi(z), 3);
    }
    expect(quantile(x, w, 0.5)).toBeCloseTo(mu, 3);
    const [q05, q95] = quantiles(x, w, [0.05, 0.95]) as [number, number];
    const i90 = central(q05, q95, mu);
    expect(i90.low).toBeCloseTo(mu - 1.6449 * sigma, 2);
    expect(i90.high).toBeCloseTo(mu + 1.6449 * sigma, 2);
  });
});

describe('a synthetic model whose true parameter is known', () => {
  // θ ~ N(0, 1); the calibration observes y = θ + ε, the held-out figure is z = θ + η, ε and η ~ N(0, s²).
  // The posterior is drawn as ABC's particles are: prior draws, weighted by the likelihood of y.
  const s = 0.7;
  const worlds = 1_000;
  const particles = 400;
  const u = uniform(2024);
  const gauss = normal(u);
  const scores = Array.from({ length: worlds }, () => {
    const theta = gauss();
    const y = theta + s * gauss();
    const z = theta + s * gauss();
    const draws = Float64Array.from({ length: particles }, () => gauss());
    const weights = Float64Array.from(draws, (t) => Math.exp(-((y - t) ** 2) / (2 * s * s)));
    const predictive = Float64Array.from(draws, (t) => t + s * gauss());
    const ignoring = scoreFigure(predictive, new Float64Array(particles).fill(1), z); // the prior's predictive: the data unread
    return { ...scoreFigure(predictive, weights, z, { noChange: y }), crpsIgnoring: ignoring.crps };
  });

  it('90% and 50% intervals cover near their nominal rates', () => {
    const share = (pick: (f: (typeof scores)[number]) => boolean) => scores.filter(pick).length / worlds;
    expect(share((f) => f.i90.covered)).toBeGreaterThan(0.86);
    expect(share((f) => f.i90.covered)).toBeLessThan(0.94);
    expect(share((f) => f.i50.covered)).toBeGreaterThan(0.45);
    expect(share((f) => f.i50.covered)).toBeLessThan(0.55);
  });

  it('its PIT is uniform: each tenth of [0, 1] holds about a tenth of the worlds', () => {
    const bins = new Array(10).fill(0);
    for (const f of scores) bins[Math.min(9, Math.floor(f.pit * 10))]++;
    for (const count of bins) expect(Math.abs(count - worlds / 10)).toBeLessThan(40); // ±4 sd of a binomial(1000, 0.1)
  });

  it('its mean CRPS beats the naive forecast of no change and the forecast that ignores the data', () => {
    const mean = (pick: (f: (typeof scores)[number]) => number) => scores.reduce((sum, f) => sum + pick(f), 0) / worlds;
    const model = mean((f) => f.crps);
    const noChange = mean((f) => f.crpsNoChange as number);
    expect(model).toBeLessThan(noChange);
    expect(model).toBeLessThan(mean((f) => f.crpsIgnoring));
    // No change errs by η − ε ~ N(0, 2s²), whose mean absolute value is 2s/√π.
    expect(noChange).toBeCloseTo((2 * s) / Math.sqrt(Math.PI), 1);
  });
});
