/**
 * Sobol indices from a design in Saltelli's layout (experiments/designs/sobol.ts:
 * per base sample i, k + 2 consecutive outputs A_i, AB_i^(1..k), B_i).
 * First order: S1_j = mean((f_B − m) (f_ABj − f_A)) / V (Saltelli et al. 2010, centred on
 * the mean m of f_A and f_B as SALib does);
 * total: ST_j = mean((f_A − f_ABj)²) / (2V) (Jansen 1999); V is the variance
 * of all f_A and f_B. Intervals: a seeded percentile bootstrap over base samples.
 */
import seedrandom from 'seedrandom';
import { percentileInterval } from '../compare/stats.js';

export interface SobolIndices {
  readonly first: number[];
  readonly total: number[];
  readonly firstCi: [number, number][];
  readonly totalCi: [number, number][];
}

function estimate(y: ArrayLike<number>, k: number, rows: ArrayLike<number>): { first: number[]; total: number[] } {
  const n = rows.length;
  const block = k + 2;
  // Outputs are centred on the mean of f_A and f_B (as SALib does): S1's product f_B (f_ABj − f_A)
  // otherwise carries the mean, and an outcome whose mean is large against its spread (depth ≈ 0.27,
  // sd ≈ 0.03) gives intervals two wide. Two passes, so the variance has no cancellation either.
  let sum = 0;
  for (let r = 0; r < n; r++) {
    const i = rows[r];
    sum += y[i * block] + y[i * block + k + 1];
  }
  const mean = sum / (2 * n);
  let squares = 0;
  for (let r = 0; r < n; r++) {
    const i = rows[r];
    squares += (y[i * block] - mean) ** 2 + (y[i * block + k + 1] - mean) ** 2;
  }
  const variance = squares / (2 * n);
  const first: number[] = [];
  const total: number[] = [];
  for (let j = 0; j < k; j++) {
    let s1 = 0;
    let st = 0;
    for (let r = 0; r < n; r++) {
      const i = rows[r];
      const fA = y[i * block];
      const fB = y[i * block + k + 1] - mean;
      const fAB = y[i * block + 1 + j];
      s1 += fB * (fAB - fA);
      st += (fA - fAB) ** 2;
    }
    first.push(variance > 0 ? s1 / n / variance : Number.NaN);
    total.push(variance > 0 ? st / n / (2 * variance) : Number.NaN);
  }
  return { first, total };
}

export function sobolIndices(y: ArrayLike<number>, k: number, key: string, resamples = 1000, level = 0.95): SobolIndices {
  const block = k + 2;
  if (y.length % block !== 0) throw new Error(`expected a multiple of ${block} outputs (Saltelli layout), found ${y.length}`);
  const n = y.length / block;
  const all = Int32Array.from({ length: n }, (_, i) => i);
  const point = estimate(y, k, all);
  const random = seedrandom.alea(`entente/sensitivity/${key}`);
  const firstDraws = Array.from({ length: k }, () => new Float64Array(resamples));
  const totalDraws = Array.from({ length: k }, () => new Float64Array(resamples));
  const rows = new Int32Array(n);
  for (let b = 0; b < resamples; b++) {
    for (let r = 0; r < n; r++) rows[r] = Math.floor(random() * n);
    const e = estimate(y, k, rows);
    for (let j = 0; j < k; j++) {
      (firstDraws[j] as Float64Array)[b] = e.first[j];
      (totalDraws[j] as Float64Array)[b] = e.total[j];
    }
  }
  const ci = (draws: Float64Array) => percentileInterval(draws, level);
  return { ...point, firstCi: firstDraws.map(ci), totalCi: totalDraws.map(ci) };
}
