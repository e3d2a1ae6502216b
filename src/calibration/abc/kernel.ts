/**
 * The perturbation kernel of ABC-SMC: a multivariate normal with twice the weighted
 * covariance of the previous population (Beaumont et al. 2009), by its Cholesky factor.
 */
import type { Random } from '../../model/rng.js';
import { cholesky } from './linalg.js';
import { standardNormal } from './priors.js';
import { logMass, truncatedStandardNormal } from './truncatedNormal.js';

/**
 * How a proposal is kept inside the priors' box. `box`: the normal kernel, redrawn (new particle,
 * new perturbation) until it lies inside, the default; `truncated`: each coordinate drawn from its
 * conditional normal given the ones before it, truncated to its range, so no draw is wasted and the
 * density is known exactly (logKernelTruncated). Past about 20 parameters almost no box draw lies
 * inside every range, and drawing proposals, not simulating them, takes the time.
 */
export type KernelKind = 'box' | 'truncated';

export interface Kernel {
  readonly dim: number;
  /** Lower-triangular L with L Lᵀ = Σ, row-major. */
  readonly chol: Float64Array;
  /** log of (2π)^(−d/2) |Σ|^(−1/2). */
  readonly logNorm: number;
}

/** Twice the weighted covariance of the particles (rows of `x`, weights summing to 1); a tiny ridge keeps it positive definite. */
export function fitKernel(x: readonly Float64Array[], w: Float64Array): Kernel {
  const dim = (x[0] as Float64Array).length;
  const mean = new Float64Array(dim);
  x.forEach((row, i) => {
    for (let a = 0; a < dim; a++) mean[a] += w[i] * row[a];
  });
  const cov = new Float64Array(dim * dim);
  x.forEach((row, i) => {
    for (let a = 0; a < dim; a++) for (let b = 0; b <= a; b++) cov[a * dim + b] += w[i] * (row[a] - mean[a]) * (row[b] - mean[b]);
  });
  for (let a = 0; a < dim; a++) {
    for (let b = 0; b <= a; b++) cov[a * dim + b] = 2 * cov[a * dim + b];
    cov[a * dim + a] = cov[a * dim + a] * (1 + 1e-9) + 1e-300;
  }
  const chol = cholesky(cov, dim);
  let logDet = 0;
  for (let a = 0; a < dim; a++) logDet += 2 * Math.log(chol[a * dim + a]);
  return { dim, chol, logNorm: -0.5 * (dim * Math.log(2 * Math.PI) + logDet) };
}

/**
 * center + L z, z standard normal, or undefined as soon as a coordinate falls outside [lo, hi]:
 * L is lower-triangular, so coordinate i is known once z_0 … z_i are drawn, and a proposal that
 * leaves the prior's box costs only the coordinates drawn before it did.
 */
export function perturb(k: Kernel, center: Float64Array, random: Random, lo?: Float64Array, hi?: Float64Array): Float64Array | undefined {
  const z = new Float64Array(k.dim);
  const out = Float64Array.from(center);
  for (let i = 0; i < k.dim; i++) {
    z[i] = standardNormal(random);
    let sum = 0;
    for (let j = 0; j <= i; j++) sum += k.chol[i * k.dim + j] * z[j];
    const x = out[i] + sum;
    if ((lo && x < lo[i]) || (hi && x > hi[i])) return undefined;
    out[i] = x;
  }
  return out;
}

/** log density of N(center, Σ) at x. */
export function logKernel(k: Kernel, center: Float64Array, x: Float64Array, scratch: Float64Array): number {
  // Solve L y = x − center by forward substitution; the density is exp(logNorm − ½|y|²).
  let q = 0;
  for (let i = 0; i < k.dim; i++) {
    let v = x[i] - center[i];
    for (let j = 0; j < i; j++) v -= k.chol[i * k.dim + j] * scratch[j];
    const y = v / k.chol[i * k.dim + i];
    scratch[i] = y;
    q += y * y;
  }
  return k.logNorm - 0.5 * q;
}

/**
 * center perturbed coordinate by coordinate: z_i from the standard normal truncated so that
 * x_i = center_i + Σ_{j<i} L_ij z_j + L_ii z_i lies in [lo_i, hi_i]. Always inside the box.
 */
export function perturbTruncated(k: Kernel, center: Float64Array, random: Random, lo: Float64Array, hi: Float64Array): Float64Array {
  const z = new Float64Array(k.dim);
  const out = new Float64Array(k.dim);
  for (let i = 0; i < k.dim; i++) {
    let mean = center[i] as number;
    for (let j = 0; j < i; j++) mean += k.chol[i * k.dim + j] * z[j];
    const sd = k.chol[i * k.dim + i] as number;
    z[i] = truncatedStandardNormal((lo[i] - mean) / sd, (hi[i] - mean) / sd, random);
    out[i] = Math.min(Math.max(mean + sd * z[i], lo[i]), hi[i]);
  }
  return out;
}

/** log density of perturbTruncated's draw from `center` at x: Σ_i log φ(z_i) − log L_ii − log(Φ(β_i) − Φ(α_i)). */
export function logKernelTruncated(
  k: Kernel,
  center: Float64Array,
  x: Float64Array,
  lo: Float64Array,
  hi: Float64Array,
  scratch: Float64Array,
): number {
  let log = 0;
  for (let i = 0; i < k.dim; i++) {
    let mean = center[i] as number;
    for (let j = 0; j < i; j++) mean += k.chol[i * k.dim + j] * scratch[j];
    const sd = k.chol[i * k.dim + i] as number;
    const z = (x[i] - mean) / sd;
    scratch[i] = z;
    log += -0.5 * z * z - Math.log(sd) - logMass((lo[i] - mean) / sd, (hi[i] - mean) / sd);
  }
  return log - 0.5 * k.dim * Math.log(2 * Math.PI);
}
