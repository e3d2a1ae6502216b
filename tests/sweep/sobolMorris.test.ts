import { describe, expect, it } from 'vitest';
import type { Parameter } from '../../src/experiments/designs/design.js';
import { drawPoints } from '../../src/experiments/designs/design.js';
import { morris, morrisTrajectories } from '../../src/experiments/designs/morris.js';
import { sobol } from '../../src/experiments/designs/sobol.js';
import { sobolPoints } from '../../src/experiments/designs/sobolSequence.js';
import { designRandom } from '../../src/model/rng.js';

describe('Sobol sequence', () => {
  it('matches the published Joe–Kuo sequence (unshifted)', () => {
    const p = sobolPoints(8, 3);
    expect(p.map((r) => r[0])).toEqual([0, 0.5, 0.75, 0.25, 0.375, 0.875, 0.625, 0.125]);
    expect(p.map((r) => r[1])).toEqual([0, 0.5, 0.25, 0.75, 0.375, 0.875, 0.125, 0.625]);
    expect(p.map((r) => r[2])).toEqual([0, 0.5, 0.25, 0.75, 0.625, 0.125, 0.875, 0.375]);
  });

  it('digitally shifted, 2^m points stay a net: every 1-D projection is exactly stratified', () => {
    const n = 1024;
    const p = sobolPoints(n, 12, designRandom(3));
    for (let d = 0; d < 12; d++) {
      const cells = p.map((r) => Math.floor(r[d] * n)).sort((a, b) => a - b);
      expect(cells).toEqual(Array.from({ length: n }, (_, i) => i));
    }
  });

  it('the first two dimensions form a (0, m, 2)-net: one point in each 32 × 32 cell', () => {
    const p = sobolPoints(1024, 2, designRandom(9));
    const cells = new Set(p.map(([x, y]) => `${Math.floor((x as number) * 32)},${Math.floor((y as number) * 32)}`));
    expect(cells.size).toBe(1024);
  });

  it('is far more uniform than random points (centred L2 discrepancy in 4-D)', () => {
    const cd = (pts: number[][]) => {
      const s = (pts[0] as number[]).length;
      const n = pts.length;
      let sum1 = 0;
      for (const x of pts) sum1 += x.reduce((prod, xi) => prod * (1 + 0.5 * Math.abs(xi - 0.5) - 0.5 * (xi - 0.5) ** 2), 1);
      let sum2 = 0;
      for (const x of pts)
        for (const y of pts)
          sum2 += x.reduce(
            (prod, xi, i) => prod * (1 + 0.5 * Math.abs(xi - 0.5) + 0.5 * Math.abs(y[i] - 0.5) - 0.5 * Math.abs(xi - y[i])),
            1,
          );
      return Math.sqrt((13 / 12) ** s - (2 / n) * sum1 + sum2 / n ** 2);
    };
    const rnd = designRandom(1);
    const random = Array.from({ length: 256 }, () => Array.from({ length: 4 }, () => rnd()));
    expect(cd(sobolPoints(256, 4, designRandom(1)))).toBeLessThan(cd(random) / 2);
  });
});

describe('sobol design (Saltelli layout)', () => {
  const params: Parameter[] = [
    { path: 'a', spec: { min: 0, max: 1 } },
    { path: 'b', spec: { min: 0, max: 1 } },
    { path: 'c', spec: { min: 0, max: 1 } },
  ];
  it('has k + 2 rows per base sample: A, AB_1..AB_k (A with column j from B), B', () => {
    const rows = drawPoints(sobol, params, 16, designRandom(2)) as number[][];
    expect(rows).toHaveLength(16 * 5);
    for (let i = 0; i < 16; i++) {
      const a = rows[i * 5] as number[];
      const b = rows[i * 5 + 4] as number[];
      for (let j = 0; j < 3; j++) {
        const ab = rows[i * 5 + 1 + j] as number[];
        expect(ab).toEqual(ab.map((_, d) => (d === j ? b[d] : a[d])));
      }
    }
  });
  it('refuses a sample count that is not a power of two', () => {
    expect(sobol.checkSamples?.(100, 3)).toMatch(/power of two.*128/);
    expect(sobol.checkSamples?.(128, 3)).toBeUndefined();
  });
});

describe('morris design', () => {
  it('trajectories move one parameter at a time by ±Δ on the grid, each parameter once', () => {
    const k = 5;
    const levels = 4;
    const delta = levels / (2 * (levels - 1));
    const rows = morrisTrajectories(20, k, levels, designRandom(4));
    expect(rows).toHaveLength(20 * (k + 1));
    for (let t = 0; t < 20; t++) {
      const moved = new Set<number>();
      for (let s = 1; s <= k; s++) {
        const prev = rows[t * (k + 1) + s - 1] as number[];
        const next = rows[t * (k + 1) + s] as number[];
        const changed = next.map((v, j) => (Math.abs(v - prev[j]) > 1e-12 ? j : -1)).filter((j) => j >= 0);
        expect(changed).toHaveLength(1);
        const j = changed[0];
        expect(Math.abs(Math.abs(next[j] - prev[j]) - delta)).toBeLessThan(1e-12);
        moved.add(j);
      }
      expect(moved.size).toBe(k);
      for (const row of rows.slice(t * (k + 1), (t + 1) * (k + 1))) {
        for (const v of row) {
          expect(v).toBeGreaterThanOrEqual(-1e-12);
          expect(v).toBeLessThanOrEqual(1 + 1e-12);
          expect(Math.abs(v * (levels - 1) - Math.round(v * (levels - 1)))).toBeLessThan(1e-9); // on a grid level
        }
      }
    }
  });
  it('maps trajectories to parameter values', () => {
    const rows = drawPoints(morris, [{ path: 'a', spec: { min: 10, max: 20 } }], 3, designRandom(1));
    expect(rows).toHaveLength(6);
    for (const [v] of rows) expect([10, 10 + 10 / 3, 10 + 20 / 3, 20].some((l) => Math.abs(l - (v as number)) < 1e-9)).toBe(true);
  });
});
