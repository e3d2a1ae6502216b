/**
 * Scores of a forecast given as a weighted sample (a posterior's particles, each with its weight)
 * against one observation: the continuous ranked probability score, the probability integral
 * transform, and the central intervals whose coverage `entente validate` counts (docs/validation.md).
 *
 * CRPS(F, y) = E|X − y| − ½ E|X − X′| (Gneiting & Raftery 2007, eq. 21), for X, X′ independent
 * draws from F; for a weighted sample both expectations are weighted sums, the second computed
 * after sorting in O(n log n) (Σ_{i<j} w_i w_j (x_j − x_i) = Σ_j w_j x_j W_{<j} − Σ_i w_i x_i W_{>i}).
 * A point forecast x has CRPS |x − y|: the naive forecasts are scored on the same scale.
 */

/** Indices of `values` in ascending order of value (ties by index, so the order is fixed). */
function ascending(values: Float64Array): number[] {
  return Array.from(values.keys()).sort((a, b) => (values[a] as number) - (values[b] as number) || a - b);
}

/** The weights' sum, which every score divides by (weights need not be normalised). */
function total(weights: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += weights[i] as number;
  if (!(sum > 0)) throw new Error('a forecast needs weights with a positive sum');
  return sum;
}

/** CRPS of the weighted sample (values, weights) against the observation y, in y's units. */
export function crps(values: Float64Array, weights: Float64Array, y: number): number {
  const sum = total(weights);
  let toObservation = 0;
  for (let i = 0; i < values.length; i++) toObservation += ((weights[i] as number) / sum) * Math.abs((values[i] as number) - y);
  const order = ascending(values);
  let below = 0; // weight of the values before this one in the order
  let spread = 0; // Σ_{i<j} w_i w_j (x_j − x_i)
  let weightedBelow = 0; // Σ w_i x_i over the values before this one
  for (const j of order) {
    const w = (weights[j] as number) / sum;
    const x = values[j] as number;
    spread += w * (x * below - weightedBelow);
    below += w;
    weightedBelow += w * x;
  }
  return toObservation - spread; // ½ E|X − X′| = ½ · 2 Σ_{i<j} w_i w_j |x_j − x_i|
}

/** The probability integral transform F(y): the weight below y, with half the weight at y (uniform over [0,1] for a calibrated forecast). */
export function pit(values: Float64Array, weights: Float64Array, y: number): number {
  const sum = total(weights);
  let below = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i] as number;
    if (x < y) below += weights[i] as number;
    else if (x === y) below += (weights[i] as number) / 2;
  }
  return below / sum;
}

/** The weighted q-quantile of each q: the smallest value whose cumulative weight reaches it, the sample sorted once. */
export function quantiles(values: Float64Array, weights: Float64Array, qs: readonly number[]): number[] {
  const sum = total(weights);
  const order = ascending(values);
  const cumulative = new Float64Array(order.length);
  let running = 0;
  order.forEach((i, k) => {
    running += (weights[i] as number) / sum;
    cumulative[k] = running;
  });
  return qs.map((q) => {
    for (let k = 0; k < order.length; k++) if ((cumulative[k] as number) >= q - 1e-12) return values[order[k] as number] as number;
    return values[order[order.length - 1] as number] as number;
  });
}

/** The weighted q-quantile. */
export const quantile = (values: Float64Array, weights: Float64Array, q: number): number => quantiles(values, weights, [q])[0] as number;

/** A central interval of the forecast and whether it holds the observation. */
export interface Interval {
  readonly low: number;
  readonly high: number;
  readonly covered: boolean;
}

/** The central interval holding `level` of the weight, from the (1 − level)/2 and (1 + level)/2 quantiles, against y. */
export function central(low: number, high: number, y: number): Interval {
  return { low, high, covered: low <= y && y <= high };
}
