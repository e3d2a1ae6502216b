/** Independent uniform draws in the unit hypercube, mapped to each parameter. */
import { type Design, mapUnit, type Value } from './design.js';

export const random: Design = {
  count: (_parameters, samples) => samples ?? 0,
  *stream(parameters, samples, rnd) {
    for (let i = 0; i < (samples ?? 0); i++) yield parameters.map(({ spec }): Value => mapUnit(spec, rnd()));
  },
};
