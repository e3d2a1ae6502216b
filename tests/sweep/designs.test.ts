import { describe, expect, it } from 'vitest';
import type { Parameter } from '../../src/experiments/designs/design.js';
import { drawPoints } from '../../src/experiments/designs/design.js';
import { grid } from '../../src/experiments/designs/grid.js';
import { latinHypercube, lhs } from '../../src/experiments/designs/lhs.js';
import { random } from '../../src/experiments/designs/random.js';
import { designRandom } from '../../src/model/rng.js';

const params: Parameter[] = [
  { path: 'a', spec: { min: 0, max: 10 } },
  { path: 'b', spec: { min: 1, max: 100, log: true } },
  { path: 'c', spec: ['x', 'y', 'z'] },
];

describe('designs', () => {
  it('lhs: every one of the n strata of every dimension is used exactly once', () => {
    for (const n of [1, 7, 50, 257]) {
      const u = latinHypercube(n, 4, designRandom(n));
      for (let j = 0; j < 4; j++) {
        const strata = u.map((row) => Math.floor(row[j] * n)).sort((a, b) => a - b);
        expect(strata).toEqual(Array.from({ length: n }, (_, i) => i));
      }
    }
  });

  it('lhs maps strata to ranges, log ranges and lists', () => {
    const points = drawPoints(lhs, params, 30, designRandom(1));
    expect(points).toHaveLength(30);
    for (const [a, b, c] of points) {
      expect(a as number).toBeGreaterThanOrEqual(0);
      expect(a as number).toBeLessThan(10);
      expect(b as number).toBeGreaterThanOrEqual(1);
      expect(b as number).toBeLessThan(100);
      expect(['x', 'y', 'z']).toContain(c);
    }
    // On a log scale each decade gets half the points: log10(b) is stratified on [0, 2).
    const low = points.filter(([, b]) => (b as number) < 10).length;
    expect(low).toBe(15);
    // Each list value gets a third of the strata.
    for (const v of ['x', 'y', 'z']) expect(points.filter(([, , c]) => c === v)).toHaveLength(10);
  });

  it('grid: full factorial, first parameter slowest, ranges in equal steps', () => {
    const points = drawPoints(
      grid,
      [
        { path: 'a', spec: { min: 0, max: 1, steps: 3 } },
        { path: 'c', spec: ['x', 'y'] },
      ],
      undefined,
      designRandom(1),
    );
    expect(points).toEqual([
      [0, 'x'],
      [0, 'y'],
      [0.5, 'x'],
      [0.5, 'y'],
      [1, 'x'],
      [1, 'y'],
    ]);
  });

  it('random: the same seed draws the same points, another seed others', () => {
    const a = drawPoints(random, params, 20, designRandom(5));
    expect(drawPoints(random, params, 20, designRandom(5))).toEqual(a);
    expect(drawPoints(random, params, 20, designRandom(6))).not.toEqual(a);
  });
});
