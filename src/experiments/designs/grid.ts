/**
 * Full factorial over lists and stepped ranges. The first parameter varies
 * slowest, so the table reads like nested loops in file order.
 */
import type { ParameterSpec } from '../sweepSchema.js';
import { type Design, onRange, type Value } from './design.js';

export function levels(spec: ParameterSpec): Value[] {
  if (Array.isArray(spec)) return spec;
  const steps = spec.steps ?? 2;
  return Array.from({ length: steps }, (_, i) => onRange(spec, i / (steps - 1)));
}

export const grid: Design = {
  count: (parameters) => parameters.reduce((n, { spec }) => n * (Array.isArray(spec) ? spec.length : (spec.steps ?? 2)), 1),
  /** Every combination of levels, the first parameter slowest: an odometer whose last wheel turns fastest. */
  *stream(parameters) {
    const wheels = parameters.map(({ spec }) => levels(spec));
    if (wheels.some((w) => w.length === 0)) return;
    const at = wheels.map(() => 0);
    for (;;) {
      yield at.map((i, j) => (wheels[j] as Value[])[i] as Value);
      let j = wheels.length - 1;
      for (; j >= 0; j--) {
        at[j] += 1;
        if (at[j] < (wheels[j] as Value[]).length) break;
        at[j] = 0; // this wheel rolls over: the next one turns
      }
      if (j < 0) return;
    }
  },
};
