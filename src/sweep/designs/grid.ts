/**
 * Full factorial over lists and stepped ranges. The first parameter varies
 * slowest, so the table reads like nested loops in file order.
 */
import type { ParameterSpec } from '../schema.js';
import type { Design, Value } from './design.js';

export function levels(spec: ParameterSpec): Value[] {
  if (Array.isArray(spec)) return spec;
  const steps = spec.steps ?? 2;
  return Array.from({ length: steps }, (_, i) => {
    const u = i / (steps - 1);
    return spec.log ? Math.exp(Math.log(spec.min) + u * (Math.log(spec.max) - Math.log(spec.min))) : spec.min + u * (spec.max - spec.min);
  });
}

export const grid: Design = {
  count: (parameters) => parameters.reduce((n, { spec }) => n * (Array.isArray(spec) ? spec.length : (spec.steps ?? 2)), 1),
  points(parameters) {
    let rows: Value[][] = [[]];
    for (const { spec } of parameters) {
      const values = levels(spec);
      rows = rows.flatMap((row) => values.map((v) => [...row, v]));
    }
    return rows;
  },
};
