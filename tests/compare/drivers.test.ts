/** Standardised regression coefficients on cases with a known answer. */
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { drivers } from '../../src/compare/posterior/drivers.js';

/** n particles with three parameters, uniform on [0,1], [0,4], [2,3]; weights from `weight`. */
function particles(n: number, weight: (i: number) => number) {
  const random = seedrandom.alea('drivers-test');
  const x = Array.from({ length: n }, () => Float64Array.of(random(), 4 * random(), 2 + random()));
  const raw = Float64Array.from({ length: n }, (_, i) => weight(i));
  const total = raw.reduce((a, b) => a + b, 0);
  return { x, w: raw.map((v) => v / total) };
}

function weightedSd(values: Float64Array, w: Float64Array): number {
  const m = values.reduce((s, v, i) => s + w[i] * v, 0);
  return Math.sqrt(values.reduce((s, v, i) => s + w[i] * (v - m) ** 2, 0));
}

describe('drivers: standardised regression coefficients', () => {
  it('recover b_j · sd_j / sd_y for a linear effect with a large mean, under unequal weights, with R² = 1', () => {
    const { x, w } = particles(500, (i) => 1 + (i % 7));
    const y = Float64Array.from(x, (r) => 1000 + 3 * r[0] - 1 * r[1]);
    const { src, r2 } = drivers(x, y, w);
    const sdY = weightedSd(y, w);
    const sd = (j: number) =>
      weightedSd(
        Float64Array.from(x, (r) => r[j]),
        w,
      );
    expect(src[0]).toBeCloseTo((3 * sd(0)) / sdY, 6);
    expect(src[1]).toBeCloseTo((-1 * sd(1)) / sdY, 6);
    expect(Math.abs(src[2])).toBeLessThan(1e-6);
    expect(r2).toBeCloseTo(1, 6);
  });

  it('report a low R² when the effect does not depend on the parameters along a line', () => {
    const { x, w } = particles(2000, () => 1);
    const y = Float64Array.from(x, (r) => (r[0] - 0.5) ** 2); // symmetric about the mean: no linear trend
    const { r2 } = drivers(x, y, w);
    expect(r2).toBeLessThan(0.05);
  });

  it('give 0 for a parameter the posterior holds fixed, and nothing for an effect that never varies', () => {
    const { x, w } = particles(100, () => 1);
    for (const r of x) r[2] = 2.5;
    const y = Float64Array.from(x, (r) => 2 * r[0]);
    const { src } = drivers(x, y, w);
    expect(src[2]).toBe(0);
    expect(src[0]).toBeCloseTo(1, 6);
    expect(drivers(x, new Float64Array(100).fill(0.3), w)).toEqual({ src: new Float64Array(3), r2: 0 });
  });
});
