/**
 * What a lever's effect depends on across a posterior: weighted standardised
 * regression coefficients (SRC) of the particles' effects on their parameter
 * values (Saltelli et al. 2008, §1.2.5), with the regression's R². src_j is the
 * change in the effect, in its posterior standard deviations, per posterior
 * standard deviation of parameter j, the others held; when R² is near 1 the
 * SRCs squared share out the effect's variance, and when it is low the effect
 * depends on the parameters in ways a line does not capture (or on noise).
 */
import { cholesky, choleskySolve } from '../../calibration/abc/linalg.js';

export interface Drivers {
  /** One per parameter; 0 for a parameter the posterior holds fixed. */
  readonly src: Float64Array;
  readonly r2: number;
}

/** Weighted mean and standard deviation of column j of rows x. */
function moments(x: readonly Float64Array[], w: Float64Array, j: number): [number, number] {
  let mean = 0;
  for (let i = 0; i < x.length; i++) mean += w[i] * ((x[i] as Float64Array)[j] as number);
  let variance = 0;
  for (let i = 0; i < x.length; i++) variance += w[i] * (((x[i] as Float64Array)[j] as number) - mean) ** 2;
  return [mean, Math.sqrt(variance)];
}

/** Whether a weighted standard deviation is more than rounding in the sum that made the mean. */
const varies = ([mean, sd]: readonly [number, number]) => sd > 1e-12 * Math.max(1, Math.abs(mean));

/** Weights sum to 1; x[i] holds particle i's parameter values, y[i] its effect. */
export function drivers(x: readonly Float64Array[], y: Float64Array, w: Float64Array): Drivers {
  const p = (x[0] as Float64Array | undefined)?.length ?? 0;
  const src = new Float64Array(p);
  const [yMean, ySd] = moments(
    Array.from(y, (v) => Float64Array.of(v)),
    w,
    0,
  );
  const scale = Array.from({ length: p }, (_, j) => moments(x, w, j));
  const free = scale.map((_, j) => j).filter((j) => varies(scale[j] as [number, number]));
  if (!varies([yMean, ySd]) || free.length === 0) return { src, r2: 0 };
  const k = free.length;
  const z = (i: number, a: number) => {
    const j = free[a];
    const [m, sd] = scale[j] as [number, number];
    return (((x[i] as Float64Array)[j] as number) - m) / sd;
  };
  // Normal equations of the weighted regression on standardised values: (Zᵀ W Z) β = Zᵀ W ỹ.
  const gram = new Float64Array(k * k);
  const rhs = new Float64Array(k);
  for (let i = 0; i < x.length; i++) {
    const wi = w[i];
    const yi = (y[i] - yMean) / ySd;
    for (let a = 0; a < k; a++) {
      const za = z(i, a);
      rhs[a] += wi * za * yi;
      for (let b = 0; b <= a; b++) gram[a * k + b] += wi * za * z(i, b);
    }
  }
  // A tiny ridge: two parameters the posterior ties together (δ and opportunism enter as a product) must not make it singular.
  for (let a = 0; a < k; a++) gram[a * k + a] += 1e-9;
  const beta = choleskySolve(cholesky(gram, k), k, rhs);
  let explained = 0;
  for (let a = 0; a < k; a++) {
    src[free[a]] = beta[a];
    explained += beta[a] * rhs[a];
  }
  // R² = βᵀ Zᵀ W ỹ for standardised ỹ (its weighted variance is 1).
  return { src, r2: Math.min(1, Math.max(0, explained)) };
}
