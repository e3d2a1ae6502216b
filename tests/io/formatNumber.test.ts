/**
 * formatNumber's fast path must write exactly what the plain rule writes,
 * String(Number(v.toPrecision(7))), or outputs would change between versions.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatNumber } from '../../src/io/csvFile.js';
import { readNumber } from '../../src/io/formatNumber.js';

const reference = (v: number) => (Number.isNaN(v) ? '' : Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(7))));

describe('formatNumber', () => {
  it('writes NaN as an empty field, which readNumber reads back as NaN (Number would give 0)', () => {
    expect(formatNumber(Number.NaN)).toBe('');
    expect(readNumber(formatNumber(Number.NaN))).toBeNaN();
    expect(Number('')).toBe(0);
    for (const v of [0, -0.5, 1e-7, 123456.75]) expect(readNumber(formatNumber(v))).toBe(Number(formatNumber(v)));
  });

  it('writes what String(Number(v.toPrecision(7))) writes, for any double', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: false }), (v) => formatNumber(v) === reference(v)),
      { numRuns: 200_000 },
    );
  });

  it('and at the edges of both notations', () => {
    const edges = [
      1e-6,
      1e-6 * (1 - 1e-12),
      9.9999996e-7,
      9.99999949e-7,
      1.0000004e-6,
      9999999.4,
      9999999.6,
      1e7 - 0.5,
      0.1 + 0.2,
      2 / 3,
      -2 / 3,
      0.25,
      -0.25,
      100.00001,
      123456.75,
      0.0000012345678,
      -0.0000012345678,
      5e-324,
      Number.MAX_VALUE,
      Number.EPSILON,
      -0,
      0,
    ];
    for (const v of edges) expect(formatNumber(v), String(v)).toBe(reference(v));
    // Values of the kind the model writes: uniform in [0, 1] and [−1, 1], and their small powers.
    fc.assert(
      fc.property(fc.double({ min: -1, max: 1, noNaN: true }), fc.integer({ min: 0, max: 8 }), (u, k) => {
        const v = u * 10 ** -k;
        return formatNumber(v) === reference(v);
      }),
      { numRuns: 200_000 },
    );
  });
});
