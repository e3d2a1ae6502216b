/**
 * model/exp.ts: fdlibm's e^x in plain double arithmetic, the same bits in every engine. It must
 * equal this Node's Math.exp (so the command's results do not change) over the whole range, at
 * the edges of its argument reduction and its thresholds, and in a browser engine (tests/explore).
 */
import { describe, expect, it } from 'vitest';
import { exp } from '../../src/model/exp.js';
import { designRandom } from '../../src/model/rng.js';

describe('exp', () => {
  const sample = () => {
    const random = designRandom(1, 'exp');
    const edges = [
      0,
      -0,
      1,
      -1,
      1e-30,
      -1e-30,
      2 ** -28,
      -(2 ** -28),
      0.5 * Math.LN2,
      1.5 * Math.LN2,
      709.78,
      709.79,
      -745.13,
      -745.14,
      -708,
    ];
    const xs = [...edges];
    for (let i = 0; i < 1_000_000; i++) {
      const u = random();
      xs.push(i % 3 === 0 ? u * 1460 - 750 : i % 3 === 1 ? u * 20 - 10 : (u - 0.5) * 1e-6);
    }
    return xs;
  };

  // Node 20's V8 computes Math.exp with fdlibm too: equal there, so the command's results did not change with it.
  it.runIf(process.versions.node.startsWith('20.'))(
    'equals Node 20’s Math.exp on a million arguments over its whole range, edges included',
    () => {
      expect(sample().filter((x) => !Object.is(exp(x), Math.exp(x)))).toEqual([]);
    },
  );

  it('is within an ulp of this engine’s Math.exp everywhere', () => {
    const ulp = (y: number) => (y === 0 ? Number.MIN_VALUE : 2 ** (Math.floor(Math.log2(Math.abs(y))) - 52));
    expect(sample().filter((x) => Math.abs(exp(x) - Math.exp(x)) > ulp(Math.exp(x)))).toEqual([]);
  });

  it('keeps the special values', () => {
    expect(exp(Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
    expect(exp(Number.NEGATIVE_INFINITY)).toBe(0);
    expect(exp(Number.NaN)).toBeNaN();
    expect(exp(710)).toBe(Number.POSITIVE_INFINITY);
    expect(exp(-746)).toBe(0);
    expect(exp(1)).toBe(Math.E);
  });
});
