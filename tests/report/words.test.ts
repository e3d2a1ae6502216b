/** Intervals as a reader reads them (src/report/words.ts): never "−0.040 to −0.040" (issue 32). */
import { describe, expect, it } from 'vitest';
import { interval } from '../../src/report/words.js';

describe('interval', () => {
  it('prints both ends where they differ at the printed precision', () => {
    expect(interval(0.0501, 0.0523)).toBe('+0.050 to +0.052');
    expect(interval(-0.0051, 0.0049)).toBe('−0.005 to +0.005');
  });

  it('prints one value and its bound where both ends print alike', () => {
    expect(interval(-0.04012, -0.03996)).toBe('−0.040 ±<0.0005');
    expect(interval(0.00041, 0.00043, 4)).toBe('+0.0004 ±<0.00005');
  });
});
