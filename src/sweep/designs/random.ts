/** Independent uniform draws in the unit hypercube, mapped to each parameter. */
import { type Design, mapUnit, type Value } from './design.js';

export const random: Design = {
  count: (_parameters, samples) => samples ?? 0,
  points(parameters, samples, rnd) {
    return Array.from({ length: samples ?? 0 }, () => parameters.map(({ spec }): Value => mapUnit(spec, rnd())));
  },
};
