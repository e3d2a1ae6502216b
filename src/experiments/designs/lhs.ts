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
    const tmp = p[i];
    p[i] = p[j];
    p[j] = tmp;
  }
  return p;
}

/** The unit-cube coordinates, one point at a time: the permutations are drawn first, then each point's offsets. */
function* hypercube(samples: number, dimensions: number, random: Random): Generator<number[]> {
  const perms = Array.from({ length: dimensions }, () => permutation(samples, random));
  for (let i = 0; i < samples; i++) yield perms.map((p) => (p[i] + random()) / samples);
}

/** The unit-cube coordinates: u[point][dimension]. */
export function latinHypercube(samples: number, dimensions: number, random: Random): number[][] {
  return [...hypercube(samples, dimensions, random)];
}

export const lhs: Design = {
  count: (_parameters, samples) => samples ?? 0,
  // The permutations (4 bytes per point and parameter) are the one part of the design held whole.
  streamBytes: (parameters, samples) => 4 * parameters.length * (samples ?? 0),
  *stream(parameters, samples, random) {
    for (const u of hypercube(samples ?? 0, parameters.length, random)) yield parameters.map(({ spec }, j): Value => mapUnit(spec, u[j]));
  },
};
