import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { binomialTail } from '../../src/discovery/binomial.js';
import { prim } from '../../src/discovery/prim.js';
import { designRandom } from '../../src/model/rng.js';
import { DEFAULT_SCENARIO, entente, tempDir } from '../helpers.js';

describe('PRIM', () => {
  it('recovers a planted box on synthetic data: edges within 0.05, high coverage and density', () => {
    const random = designRandom(42);
    const xs = Array.from({ length: 3000 }, () => [random(), random(), random()]);
    // Cases of interest: x0 in [0.2, 0.5] and x1 in [0.6, 0.9]; x2 is irrelevant.
    const y = xs.map(([a = 0, b = 0]) => a >= 0.2 && a <= 0.5 && b >= 0.6 && b <= 0.9);
    const result = prim(xs, y);
    expect(Math.abs(result.box.low[0] - 0.2)).toBeLessThan(0.05);
    expect(Math.abs(result.box.high[0] - 0.5)).toBeLessThan(0.05);
    expect(Math.abs(result.box.low[1] - 0.6)).toBeLessThan(0.05);
    expect(Math.abs(result.box.high[1] - 0.9)).toBeLessThan(0.05);
    // The irrelevant dimension stays (almost) unrestricted.
    expect(result.box.low[2]).toBeLessThan(0.1);
    expect(result.box.high[2]).toBeGreaterThan(0.9);
    expect(result.density).toBeGreaterThan(0.85);
    expect(result.coverage).toBeGreaterThan(0.8);
    expect(result.trajectory.length).toBeGreaterThan(5);
  });

  it('ends on small designs: every box it peels holds fewer points than the one before, down to one point', () => {
    const random = designRandom(7);
    for (const n of [1, 2, 3, 5, 12, 20]) {
      for (let trial = 0; trial < 20; trial++) {
        const xs = Array.from({ length: n }, () => [random(), random()]);
        const y = xs.map(() => random() < 0.5);
        const result = prim(xs, y, { minSupport: 0 });
        const sizes = [n, ...result.trajectory.map((t) => t.inBox)];
        for (let i = 1; i < sizes.length; i++) expect(sizes[i]).toBeLessThan(sizes[i - 1]);
        expect(result.inBox).toBeGreaterThan(0);
      }
    }
  });

  it('binomial tails: exact small cases, symmetry, and the normal approximation for large n', () => {
    expect(binomialTail(8, 10, 0.5)).toBeCloseTo(56 / 1024, 12); // C(10,8)+C(10,9)+C(10,10) = 45+10+1
    expect(binomialTail(0, 10, 0.3)).toBe(1);
    expect(binomialTail(11, 10, 0.3)).toBe(0);
    expect(binomialTail(3, 3, 0.2)).toBeCloseTo(0.008, 14);
    // P(X ≥ k) + P(X ≥ n − k + 1 at 1 − p) = 1: the two tails of one distribution.
    expect(binomialTail(4, 9, 0.35) + binomialTail(6, 9, 0.65)).toBeCloseTo(1, 12);
    // n = 10,000, p = 0.5: P(X ≥ 5,100) ≈ P(Z ≥ 1.99) = 0.0233 (continuity-corrected normal).
    expect(binomialTail(5100, 10_000, 0.5)).toBeCloseTo(0.0233, 3);
    expect(binomialTail(9000, 10_000, 0.5)).toBe(0); // e^−3,700: below the smallest double
    expect(binomialTail(5400, 10_000, 0.5)).toBeGreaterThan(0);
    expect(binomialTail(5400, 10_000, 0.5)).toBeLessThan(1e-14); // z = 8
  });

  it('quasi-p-values: tiny for the planted restrictions; a noise dimension is left unrestricted', () => {
    const random = designRandom(42);
    const xs = Array.from({ length: 3000 }, () => [random(), random(), random()]);
    const y = xs.map(([a = 0, b = 0]) => a >= 0.2 && a <= 0.5 && b >= 0.6 && b <= 0.9);
    const result = prim(xs, y);
    expect(result.restricted).toEqual([true, true, false]);
    expect(result.quasiP[0]).toBeLessThan(1e-10);
    expect(result.quasiP[1]).toBeLessThan(1e-10);
    expect(result.quasiP[2]).toBeNaN();
    // The chosen box is on the trajectory, which peels monotonically toward smaller boxes.
    expect(result.chosen).toBeGreaterThanOrEqual(-1);
    expect(result.chosen).toBeLessThan(result.trajectory.length);
    const sizes = result.trajectory.map((t) => t.inBox);
    expect(sizes.every((n, i) => i === 0 || n <= sizes[i - 1])).toBe(true);
  });

  it('drops restrictions that narrow their range by less than minNarrowing', () => {
    const random = designRandom(42);
    const xs = Array.from({ length: 3000 }, () => [random(), random(), random()]);
    const y = xs.map(([a = 0, b = 0]) => a >= 0.2 && a <= 0.5 && b >= 0.6 && b <= 0.9);
    // Both planted restrictions narrow their range by about 70%: kept at 0.5, dropped at 0.8.
    expect(prim(xs, y, { minNarrowing: 0.5 }).restricted).toEqual([true, true, false]);
    const lax = prim(xs, y, { minNarrowing: 0.8 });
    expect(lax.restricted).toEqual([false, false, false]);
    expect(lax.box.low).toEqual(xs[0]?.map((_, d) => Math.min(...xs.map((x) => x[d]))));
  });

  it('keeps a weak real restriction, with a larger quasi-p than the strong one', () => {
    const random = designRandom(9);
    const xs = Array.from({ length: 4000 }, () => [random(), random()]);
    // Strong signal in x0 > 0.5; a weak one in x1 < 0.8 (cases a little denser there).
    const y = xs.map(([a = 0, b = 0]) => a > 0.5 && random() < (b < 0.8 ? 0.95 : 0.85));
    const result = prim(xs, y);
    expect(result.restricted[0]).toBe(true);
    const width1 = result.box.high[1] - result.box.low[1];
    if (result.restricted[1]) {
      expect(width1).toBeLessThan(0.95);
      expect(result.quasiP[1]).toBeGreaterThan(result.quasiP[0]);
    } else expect(width1).toBeGreaterThan(0.99);
  });

  it('with noisy labels still finds the box', () => {
    const random = designRandom(7);
    const xs = Array.from({ length: 3000 }, () => [random(), random()]);
    const y = xs.map(([a = 0, b = 0]) => (a > 0.6 && b < 0.4 ? random() < 0.9 : random() < 0.1));
    const result = prim(xs, y);
    expect(Math.abs(result.box.low[0] - 0.6)).toBeLessThan(0.07);
    expect(Math.abs(result.box.high[1] - 0.4)).toBeLessThan(0.07);
    expect(result.density).toBeGreaterThan(0.75);
  });
});

describe('entente discover (CLI)', () => {
  it('writes discovery.csv with the box, coverage and density, and prints readable ranges', async () => {
    const dir = tempDir('entente-discover-');
    const file = join(dir, 'd.yaml');
    writeFileSync(
      file,
      `scenario: ${DEFAULT_SCENARIO}\ndesign: lhs\nsamples: 60\nreplications: 1\nseed: 5\nparameters:\n  actors.CHN.costAversion: { min: 0.2, max: 1.0 }\n  actors.CHN.exposureAversion: { min: 0.2, max: 1.0 }\n`,
    );
    const out = join(dir, 'out');
    const r = await entente(['discover', file, '--lever', 'rewardWedge', '--threshold', '-0.04', '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    const lines = readFileSync(join(out, 'discovery.csv'), 'utf8').trim().split('\n');
    expect(lines[0]).toBe('lever,a,b,condition,parameter,low,high,restricted,coverage,density,in_box,cases,points,quasi_p');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^rewardWedge,CHN,RUS,delta > -0\.04,actors\.CHN\.costAversion,/);
    // A restricted parameter has its quasi-p-value, an unrestricted one an empty field.
    for (const line of lines.slice(1)) expect(line).toMatch(/,true,.*,[\d.e-]+$|,false,.*,$/);
    expect(r.stdout).toMatch(/rewardWedge on CHN-RUS: delta > -0\.04 at \d+ of 60 points/);
    // The peeling trajectory, one row per peel, exactly one of them the chosen box (or none: the whole space).
    const trajectory = readFileSync(join(out, 'trajectory.csv'), 'utf8').trim().split('\n');
    expect(trajectory[0]).toBe('peel,coverage,density,in_box,restrictions,chosen');
    expect(trajectory.slice(1).filter((l) => l.endsWith(',true')).length).toBeLessThanOrEqual(1);
    // report draws a discover folder: the trajectory and the box.
    const report = await entente(['report', out, '-q']);
    expect(report.status, report.stderr).toBe(0);
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).toContain('data-chart="box"');
    expect(html).toMatch(/<p class="headline">[^<]+\.<\/p>/);
  });
});
