/**
 * Successive zoom (docs/model.md §10): round r samples a Latin hypercube in a
 * box around the best point so far whose width is shrink^r of each original
 * range (on a log scale for log ranges), moved inside the range where it would
 * cross a bound. Every value stays within the ranges the loader checked.
 */
import type { Parameter, Value } from '../experiments/designs/design.js';
import type { ParameterSpec } from '../experiments/sweepSchema.js';

type Range = Exclude<ParameterSpec, readonly unknown[]>;

export function zoomBox(range: Range, centre: number, width: number): Range {
  const log = range.log === true;
  const to = (x: number) => (log ? Math.log(x) : x);
  const from = (x: number) => (log ? Math.exp(x) : x);
  const lo = to(range.min);
  const hi = to(range.max);
  const half = ((hi - lo) * width) / 2;
  const c = Math.min(hi - half, Math.max(lo + half, to(centre)));
  return { min: from(c - half), max: from(c + half), ...(log ? { log } : {}) };
}

/** The parameters of round `round`, centred on `best`. */
export function zoomedParameters(parameters: readonly Parameter[], best: readonly Value[], shrink: number, round: number): Parameter[] {
  return parameters.map((p, j) => {
    if (Array.isArray(p.spec)) return p; // a list cannot be zoomed: keep sampling its levels
    return { path: p.path, spec: zoomBox(p.spec as Range, best[j] as number, shrink ** round) };
  });
}
