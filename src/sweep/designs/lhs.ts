/**
 * Latin hypercube: each parameter's range is cut into `samples` equal strata
 * and every stratum is used exactly once (McKay, Beckman & Conover 1979); the
 * strata are matched across parameters by independent random permutations.
 */
import type { Random } from '../../model/rng.js';
import { type Design, mapUnit, type Value } from './design.js';

function permutation(n: number, random: Random): Int32Array {
  const p = Int32Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const tmp = p[i] as number;
    p[i] = p[j] as number;
    p[j] = tmp;
  }
  return p;
}

/** The unit-cube coordinates: u[point][dimension]. */
export function latinHypercube(samples: number, dimensions: number, random: Random): number[][] {
  const perms = Array.from({ length: dimensions }, () => permutation(samples, random));
  return Array.from({ length: samples }, (_, i) => perms.map((p) => ((p[i] as number) + random()) / samples));
}

export const lhs: Design = {
  count: (_parameters, samples) => samples ?? 0,
  points(parameters, samples, random) {
    return latinHypercube(samples ?? 0, parameters.length, random).map((u) =>
      parameters.map(({ spec }, j): Value => mapUnit(spec, u[j] as number)),
    );
  },
};
