/**
 * A design turns the sweep's parameters into a table of points. Sampling
 * designs draw points in the unit hypercube from the sweep's seed; `mapUnit`
 * turns a coordinate into a parameter value (ranges linearly or on a log
 * scale, lists by equal-width bins).
 */
import type { Random } from '../../model/rng.js';
import type { ParameterSpec } from '../sweepSchema.js';

export type Value = number | string;

export interface Parameter {
  readonly path: string;
  readonly spec: ParameterSpec;
}

export interface Design {
  /** Why `samples` does not suit this design for `parameters` parameters, if it does not. */
  checkSamples?(samples: number, parameters: number): string | undefined;
  /** How many points the design draws, known before drawing them (so a huge design is refused, not built). */
  count(parameters: readonly Parameter[], samples: number | undefined): number;
  /**
   * The points one by one, in order, each a row of values in parameter order: a sweep of 10⁸ points
   * streams them chunk by chunk instead of holding them. Drawing from `random` in the same order as
   * building the whole table did, so the points are the same bytes as ever.
   */
  stream(parameters: readonly Parameter[], samples: number | undefined, random: Random): Iterable<Value[]>;
  /** Bytes the stream holds while it runs (a Latin hypercube keeps its permutations), for the memory limit. */
  streamBytes?(parameters: readonly Parameter[], samples: number | undefined): number;
}

/** Every point of a design at once: what needs them all (PRIM, calibration, sensitivity) uses this. */
export function drawPoints(design: Design, parameters: readonly Parameter[], samples: number | undefined, random: Random): Value[][] {
  return [...design.stream(parameters, samples, random)];
}

export function mapUnit(spec: ParameterSpec, u: number): Value {
  if (Array.isArray(spec)) return spec[Math.min(spec.length - 1, Math.floor(u * spec.length))] as Value;
  return onRange(spec, u);
}

/**
 * The value at `u` ∈ [0, 1] of a range, linear or on a log scale, kept inside [min, max]: the
 * arithmetic rounds (exp(log 10) is 10.000000000000002), and a value past a bound the schema sets
 * would be refused.
 */
export function onRange(spec: { readonly min: number; readonly max: number; readonly log?: boolean | undefined }, u: number): number {
  if (u <= 0) return spec.min; // a grid's ends are the bounds as written
  if (u >= 1) return spec.max;
  const v = spec.log ? Math.exp(Math.log(spec.min) + u * (Math.log(spec.max) - Math.log(spec.min))) : spec.min + u * (spec.max - spec.min);
  return Math.min(spec.max, Math.max(spec.min, v));
}
