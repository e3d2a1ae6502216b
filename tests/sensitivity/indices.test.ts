/**
 * Sensitivity indices checked against analytic functions with known indices,
 * through the code the CLI uses: the sweep's design points (designRandom(seed),
 * as loadSweep draws them) → outputs per point → analyse().
 */
import { describe, expect, it } from 'vitest';
import type { Parameter } from '../../src/experiments/designs/design.js';
import { drawPoints } from '../../src/experiments/designs/design.js';
import { DESIGN_REGISTRY } from '../../src/experiments/designs/index.js';
import { designRandom } from '../../src/model/rng.js';
import { analyse, type IndexRow } from '../../src/sensitivity/analyse.js';

const value = (rows: IndexRow[], parameter: string, index: IndexRow['index']) =>
  rows.find((r) => r.parameter === parameter && r.index === index) as IndexRow;

function run(method: 'sobol' | 'morris', parameters: Parameter[], samples: number, seed: number, f: (x: number[]) => number): IndexRow[] {
  const points = drawPoints(DESIGN_REGISTRY[method], parameters, samples, designRandom(seed)) as number[][];
  return analyse({ method, parameters, samples, seed }, Float64Array.from(points, f), 'test');
}

describe('Sobol indices (Saltelli first order, Jansen total)', () => {
  // An outcome's mean must not matter: Ishigami + 100 (and + 10⁴, far larger than its spread of ~3.7)
  // gives the same indices within the same tolerance, and intervals as narrow.
  for (const offset of [0, 100, 10_000]) {
    it(`Ishigami (a = 7, b = 0.1) + ${offset}: within 0.03 of the analytic indices, and inside their 95% intervals`, () => {
      const a = 7;
      const b = 0.1;
      const pi = Math.PI;
      const V1 = 0.5 * (1 + (b * pi ** 4) / 5) ** 2;
      const V2 = a ** 2 / 8;
      const V13 = (b ** 2 * pi ** 8) / 18 - (b ** 2 * pi ** 8) / 50;
      const V = V1 + V2 + V13;
      const expected = { x1: [V1 / V, (V1 + V13) / V], x2: [V2 / V, V2 / V], x3: [0, V13 / V] };
      const params = ['x1', 'x2', 'x3'].map((path) => ({ path, spec: { min: -pi, max: pi } }));
      const rows = run(
        'sobol',
        params,
        8192,
        1,
        ([x1 = 0, x2 = 0, x3 = 0]) => offset + Math.sin(x1) + a * Math.sin(x2) ** 2 + b * x3 ** 4 * Math.sin(x1),
      );
      for (const [name, [s1, st]] of Object.entries(expected)) {
        const S1 = value(rows, name, 'S1');
        const ST = value(rows, name, 'ST');
        expect(Math.abs(S1.value - (s1 as number))).toBeLessThan(0.03);
        expect(Math.abs(ST.value - (st as number))).toBeLessThan(0.03);
        expect(S1.ciLow as number).toBeLessThanOrEqual((s1 as number) + 0.01);
        expect(S1.ciHigh as number).toBeGreaterThanOrEqual((s1 as number) - 0.01);
        expect(ST.ciLow as number).toBeLessThanOrEqual(st as number);
        expect(ST.ciHigh as number).toBeGreaterThanOrEqual(st as number);
        expect((S1.ciHigh as number) - (S1.ciLow as number)).toBeLessThan(0.1);
      }
    });
  }

  it("Sobol's G function (a = 0, 1, 4.5, 9, 99, 99): within 0.03 of the analytic indices", () => {
    const coeffs = [0, 1, 4.5, 9, 99, 99];
    const Vi = coeffs.map((ai) => 1 / (3 * (1 + ai) ** 2));
    const V = Vi.reduce((prod, v) => prod * (1 + v), 1) - 1;
    const params = coeffs.map((_, i) => ({ path: `x${i + 1}`, spec: { min: 0, max: 1 } }));
    const rows = run('sobol', params, 8192, 2, (x) =>
      x.reduce((prod, xi, i) => (prod * (Math.abs(4 * xi - 2) + coeffs[i])) / (1 + coeffs[i]), 1),
    );
    Vi.forEach((v, i) => {
      const others = Vi.reduce((prod, w, j) => (j === i ? prod : prod * (1 + w)), 1);
      expect(Math.abs(value(rows, `x${i + 1}`, 'S1').value - v / V)).toBeLessThan(0.03);
      expect(Math.abs(value(rows, `x${i + 1}`, 'ST').value - (v * others) / V)).toBeLessThan(0.03);
    });
  });
});

describe('Morris elementary effects', () => {
  it('a linear function: mu = mu_star = |coefficient| (unit scale), sigma = 0', () => {
    const c = [2, -3, 0.5];
    const params = c.map((_, i) => ({ path: `x${i}`, spec: { min: 0, max: 1 } }));
    const rows = run('morris', params, 20, 3, (x) => x.reduce((s, xi, i) => s + c[i] * xi, 0));
    c.forEach((ci, i) => {
      expect(value(rows, `x${i}`, 'mu').value).toBeCloseTo(ci, 10);
      expect(value(rows, `x${i}`, 'mu_star').value).toBeCloseTo(Math.abs(ci), 10);
      expect(value(rows, `x${i}`, 'sigma').value).toBeCloseTo(0, 10);
      // Every elementary effect is the coefficient: every resample gives it, so the interval is the point.
      expect(value(rows, `x${i}`, 'mu_star').ciLow).toBeCloseTo(Math.abs(ci), 10);
      expect(value(rows, `x${i}`, 'mu_star').ciHigh).toBeCloseTo(Math.abs(ci), 10);
      expect(value(rows, `x${i}`, 'mu').ciLow).toBeCloseTo(ci, 10);
    });
  });

  it('intervals: the 95% interval of mu covers the true mean effect in 88–99% of noisy repetitions', () => {
    // f = 2·x0 − x1 + noise: each elementary effect is the coefficient plus the noise's difference over the step.
    const params = ['x0', 'x1'].map((path) => ({ path, spec: { min: 0, max: 1 } }));
    let covered = 0;
    const repetitions = 200;
    for (let rep = 0; rep < repetitions; rep++) {
      const noise = designRandom(1000 + rep);
      const rows = run('morris', params, 30, rep, ([x0 = 0, x1 = 0]) => 2 * x0 - x1 + 0.3 * (noise() - 0.5));
      const mu = value(rows, 'x0', 'mu');
      if ((mu.ciLow as number) <= 2 && 2 <= (mu.ciHigh as number)) covered++;
      expect(mu.ciLow as number).toBeLessThanOrEqual(mu.value);
      expect(mu.ciHigh as number).toBeGreaterThanOrEqual(mu.value);
    }
    expect(covered / repetitions).toBeGreaterThanOrEqual(0.88);
    expect(covered / repetitions).toBeLessThanOrEqual(0.99);
  });

  it('Ishigami: x3 acts only through its interaction with x1 (mu near 0, sigma large)', () => {
    const params = ['x1', 'x2', 'x3'].map((path) => ({ path, spec: { min: -Math.PI, max: Math.PI } }));
    const rows = run(
      'morris',
      params,
      200,
      4,
      ([x1 = 0, x2 = 0, x3 = 0]) => Math.sin(x1) + 7 * Math.sin(x2) ** 2 + 0.1 * x3 ** 4 * Math.sin(x1),
    );
    const x3 = (i: IndexRow['index']) => value(rows, 'x3', i).value;
    expect(x3('sigma')).toBeGreaterThan(3 * Math.abs(x3('mu')));
    expect(value(rows, 'x2', 'mu_star').value).toBeGreaterThan(0);
  });
});
