/**
 * A design turns the sweep's parameters into a table of points. Sampling
 * designs draw points in the unit hypercube from the sweep's seed; `mapUnit`
 * turns a coordinate into a parameter value (ranges linearly or on a log
 * scale, lists by equal-width bins).
 */
import type { Random } from '../../model/rng.js';
import type { ParameterSpec } from '../schema.js';

export type Value = number | string;

export interface Parameter {
  readonly path: string;
  readonly spec: ParameterSpec;
}

export interface Design {
  /** Why `samples` does not suit this design for `parameters` parameters, if it does not. */
  checkSamples?(samples: number, parameters: number): string | undefined;
  /** How many points `points` will draw, known before drawing them (so a huge design is refused, not built). */
  count(parameters: readonly Parameter[], samples: number | undefined): number;
  /** Rows of values, one per point, in parameter order. */
  points(parameters: readonly Parameter[], samples: number | undefined, random: Random): Value[][];
}

export function mapUnit(spec: ParameterSpec, u: number): Value {
  if (Array.isArray(spec)) return spec[Math.min(spec.length - 1, Math.floor(u * spec.length))] as Value;
  if (spec.log) return Math.exp(Math.log(spec.min) + u * (Math.log(spec.max) - Math.log(spec.min)));
  return spec.min + u * (spec.max - spec.min);
}
