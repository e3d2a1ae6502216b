/**
 * Sobol design laid out for Saltelli's estimators (Saltelli 2002; Saltelli et
 * al. 2010): from N digitally shifted Sobol points in 2k dimensions, A is the
 * first k coordinates and B the last k. For each i the design holds k + 2
 * consecutive points: A_i, then AB_i^(1) … AB_i^(k) (A_i with coordinate j
 * taken from B_i), then B_i — the order SALib uses, so first-order and total
 * indices (Jansen) can be computed from runs.csv. N must be a power of two.
 */
import { type Design, mapUnit, type Value } from './design.js';
import { MAX_SOBOL_DIMENSIONS, sobolStream } from './sobolSequence.js';

export const sobol: Design = {
  count: (parameters, samples) => (samples ?? 0) * (parameters.length + 2),
  checkSamples(samples, parameters) {
    if (!Number.isInteger(Math.log2(samples)))
      return `the sobol design needs a power of two (Saltelli sampling), e.g. ${2 ** Math.round(Math.log2(samples))}`;
    if (2 * parameters > MAX_SOBOL_DIMENSIONS) return `the sobol design handles at most ${(MAX_SOBOL_DIMENSIONS / 2) | 0} parameters`;
    return undefined;
  },
  *stream(parameters, samples, random) {
    const k = parameters.length;
    const map = (u: readonly number[]): Value[] => parameters.map(({ spec }, j) => mapUnit(spec, u[j]));
    for (const u of sobolStream(samples ?? 0, 2 * k, random)) {
      const a = u.slice(0, k);
      const b = u.slice(k);
      yield map(a);
      for (let j = 0; j < k; j++) yield map(a.map((x, d) => (d === j ? b[d] : x)));
      yield map(b);
    }
  },
};
