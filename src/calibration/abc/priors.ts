/**
 * Prior distributions for ABC: uniform, log-uniform, normal and beta,
 * each optionally bounded (a bounded normal is truncated; a beta lives on [min, max]).
 * Each gives a density (up to nothing: normalised, so prior ratios are exact) and a
 * sampler that draws only from the seeded stream it is given (model/rng.ts).
 */
import type { Random } from '../../model/rng.js';

export type Prior =
  | { readonly kind: 'uniform'; readonly min: number; readonly max: number }
  | { readonly kind: 'logUniform'; readonly min: number; readonly max: number }
  | { readonly kind: 'normal'; readonly mean: number; readonly sd: number; readonly min?: number; readonly max?: number }
  | { readonly kind: 'beta'; readonly a: number; readonly b: number; readonly min?: number; readonly max?: number };

/** The interval outside which the prior has no mass (infinite where it is unbounded). */
export function priorSupport(p: Prior): [number, number] {
  switch (p.kind) {
    case 'uniform':
    case 'logUniform':
      return [p.min, p.max];
    case 'normal':
      return [p.min ?? Number.NEGATIVE_INFINITY, p.max ?? Number.POSITIVE_INFINITY];
    case 'beta':
      return [p.min ?? 0, p.max ?? 1];
  }
}

/** A standard normal draw (Box–Muller; one of the pair). */
export function standardNormal(random: Random): number {
  const u = 1 - random(); // (0, 1]: log(0) never
  const v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** Gamma(shape, 1) by Marsaglia and Tsang (2000); shape < 1 by the boost x·U^(1/shape). */
function gamma(shape: number, random: Random): number {
  if (shape < 1) return gamma(shape + 1, random) * random() ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = standardNormal(random);
    const v = (1 + c * x) ** 3;
    if (v <= 0) continue;
    const u = random();
    if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
  }
}

/** log Γ(x) (Lanczos, g = 7): the beta density's normaliser. */
function logGamma(x: number): number {
  const g = 7;
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905,
    -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let a = c[0];
  const t = z + g + 0.5;
  for (let i = 1; i < g + 2; i++) a += c[i] / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Φ(x), the standard normal distribution function (Abramowitz and Stegun 7.1.26, |error| < 1.5e-7). */
function normalCdf(x: number): number {
  const t = 1 / (1 + 0.3275911 * (Math.abs(x) / Math.SQRT2));
  const y = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-(x * x) / 2);
  return x >= 0 ? 0.5 * (1 + y) : 0.5 * (1 - y);
}

export function priorDensity(p: Prior, x: number): number {
  switch (p.kind) {
    case 'uniform':
      return x >= p.min && x <= p.max ? 1 / (p.max - p.min) : 0;
    case 'logUniform':
      return x >= p.min && x <= p.max ? 1 / (x * Math.log(p.max / p.min)) : 0;
    case 'normal': {
      const lo = p.min ?? Number.NEGATIVE_INFINITY;
      const hi = p.max ?? Number.POSITIVE_INFINITY;
      if (x < lo || x > hi) return 0;
      const mass = normalCdf((hi - p.mean) / p.sd) - normalCdf((lo - p.mean) / p.sd);
      const z = (x - p.mean) / p.sd;
      return Math.exp(-0.5 * z * z) / (p.sd * Math.sqrt(2 * Math.PI) * mass);
    }
    case 'beta': {
      const lo = p.min ?? 0;
      const hi = p.max ?? 1;
      if (x < lo || x > hi) return 0;
      const u = (x - lo) / (hi - lo);
      if ((u === 0 && p.a < 1) || (u === 1 && p.b < 1)) return Number.POSITIVE_INFINITY;
      const logB = logGamma(p.a) + logGamma(p.b) - logGamma(p.a + p.b);
      return Math.exp((p.a - 1) * Math.log(u) + (p.b - 1) * Math.log(1 - u) - logB) / (hi - lo);
    }
  }
}

export function samplePrior(p: Prior, random: Random): number {
  switch (p.kind) {
    case 'uniform':
      return p.min + (p.max - p.min) * random();
    case 'logUniform':
      return p.min * (p.max / p.min) ** random();
    case 'normal': {
      const lo = p.min ?? Number.NEGATIVE_INFINITY;
      const hi = p.max ?? Number.POSITIVE_INFINITY;
      for (;;) {
        const x = p.mean + p.sd * standardNormal(random); // rejection: fine while the bounds keep most of the mass
        if (x >= lo && x <= hi) return x;
      }
    }
    case 'beta': {
      const x = gamma(p.a, random);
      const y = gamma(p.b, random);
      return (p.min ?? 0) + ((p.max ?? 1) - (p.min ?? 0)) * (x / (x + y));
    }
  }
}
