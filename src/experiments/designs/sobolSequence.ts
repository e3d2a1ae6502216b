/**
 * The Sobol low-discrepancy sequence (Sobol 1967), 32-bit, generated in Gray-code
 * order (Antonov & Saleev 1979) from the direction numbers of Joe & Kuo (2008,
 * new-joe-kuo-6.21201), read from the `sobol` package's copy of their table
 * (we use its data, not its generator). Randomised by a digital shift: every
 * coordinate is XOR-ed with a seeded 32-bit mask, which keeps the net property
 * (each 1-D projection of the first 2^m points is stratified exactly) while
 * giving independent replicates for different seeds.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Random } from '../../model/rng.js';

const BITS = 32;
const SCALE = 2 ** BITS;

interface Polynomial {
  readonly s: number;
  readonly a: number;
  readonly m: readonly number[];
}

let table: Polynomial[] | undefined;

/** Joe & Kuo's rows for dimensions 2, 3, …: degree s, coefficients a, initial direction numbers m. */
function polynomials(): Polynomial[] {
  if (!table) {
    const text = readFileSync(createRequire(import.meta.url).resolve('sobol/dims161.txt'), 'utf8');
    table = text
      .split('\n')
      .slice(1)
      .map((line) => line.trim().split(/\s+/).map(Number))
      .filter((cells) => cells.length >= 4)
      .map(([, s = 0, a = 0, ...m]) => ({ s, a, m }));
  }
  return table;
}

export const MAX_SOBOL_DIMENSIONS = 161;

function directions(dimension: number): Uint32Array {
  const v = new Uint32Array(BITS + 1);
  if (dimension === 0) {
    for (let i = 1; i <= BITS; i++) v[i] = 2 ** (BITS - i);
    return v;
  }
  const poly = polynomials()[dimension - 1];
  if (!poly) throw new Error(`Sobol directions are tabulated for ${MAX_SOBOL_DIMENSIONS} dimensions, not ${dimension + 1}`);
  const { s, a, m } = poly;
  for (let i = 1; i <= Math.min(s, BITS); i++) v[i] = (m[i - 1] * 2 ** (BITS - i)) >>> 0;
  for (let i = s + 1; i <= BITS; i++) {
    let value = (v[i - s] ^ (v[i - s] >>> s)) >>> 0;
    for (let k = 1; k < s; k++) if ((a >>> (s - 1 - k)) & 1) value = (value ^ v[i - k]) >>> 0;
    v[i] = value;
  }
  return v;
}

/** The first `count` points in `dimensions` dimensions: u[point][dimension] in [0, 1). */
export function sobolPoints(count: number, dimensions: number, random?: Random): number[][] {
  return [...sobolStream(count, dimensions, random)];
}

/** The points of sobolPoints one at a time. */
export function* sobolStream(count: number, dimensions: number, random?: Random): Generator<number[]> {
  const v = Array.from({ length: dimensions }, (_, d) => directions(d));
  const shift = Array.from({ length: dimensions }, () => (random ? Math.floor(random() * SCALE) >>> 0 : 0));
  const x = new Uint32Array(dimensions);
  for (let n = 0; n < count; n++) {
    if (n > 0) {
      // c: 1-based index of the lowest zero bit of n − 1 (Gray-code update).
      let c = 1;
      let value = n - 1;
      while (value & 1) {
        value >>>= 1;
        c++;
      }
      for (let d = 0; d < dimensions; d++) x[d] = (x[d] ^ ((v[d] as Uint32Array)[c] as number)) >>> 0;
    }
    yield Array.from(x, (xd, d) => (((xd ^ shift[d]) >>> 0) / SCALE) as number);
  }
}
