import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prim } from '../../src/discovery/prim.js';
import { designRandom } from '../../src/model/rng.js';
import { cli, DEFAULT_SCENARIO, tempDir } from '../helpers.js';

describe('PRIM', () => {
  it('recovers a planted box on synthetic data: edges within 0.05, high coverage and density', () => {
    const random = designRandom(42);
    const xs = Array.from({ length: 3000 }, () => [random(), random(), random()]);
    // Cases of interest: x0 in [0.2, 0.5] and x1 in [0.6, 0.9]; x2 is irrelevant.
    const y = xs.map(([a = 0, b = 0]) => a >= 0.2 && a <= 0.5 && b >= 0.6 && b <= 0.9);
    const result = prim(xs, y);
    expect(Math.abs((result.box.low[0] as number) - 0.2)).toBeLessThan(0.05);
    expect(Math.abs((result.box.high[0] as number) - 0.5)).toBeLessThan(0.05);
    expect(Math.abs((result.box.low[1] as number) - 0.6)).toBeLessThan(0.05);
    expect(Math.abs((result.box.high[1] as number) - 0.9)).toBeLessThan(0.05);
    // The irrelevant dimension stays (almost) unrestricted.
    expect(result.box.low[2] as number).toBeLessThan(0.1);
    expect(result.box.high[2] as number).toBeGreaterThan(0.9);
    expect(result.density).toBeGreaterThan(0.85);
    expect(result.coverage).toBeGreaterThan(0.8);
    expect(result.trajectory.length).toBeGreaterThan(5);
  });

  it('with noisy labels still finds the box', () => {
    const random = designRandom(7);
    const xs = Array.from({ length: 3000 }, () => [random(), random()]);
    const y = xs.map(([a = 0, b = 0]) => (a > 0.6 && b < 0.4 ? random() < 0.9 : random() < 0.1));
    const result = prim(xs, y);
    expect(Math.abs((result.box.low[0] as number) - 0.6)).toBeLessThan(0.07);
    expect(Math.abs((result.box.high[1] as number) - 0.4)).toBeLessThan(0.07);
    expect(result.density).toBeGreaterThan(0.75);
  });
});

describe('entente discover (CLI)', () => {
  it('writes discovery.csv with the box, coverage and density, and prints readable ranges', () => {
    const dir = tempDir('entente-discover-');
    const file = join(dir, 'd.yaml');
    writeFileSync(
      file,
      `scenario: ${DEFAULT_SCENARIO}\ndesign: lhs\nsamples: 60\nreplications: 1\nseed: 5\nparameters:\n  actors.CHN.costAversion: { min: 0.2, max: 1.0 }\n  actors.CHN.exposureAversion: { min: 0.2, max: 1.0 }\n`,
    );
    const out = join(dir, 'out');
    const r = cli(['discover', file, '--lever', 'rewardWedge', '--threshold', '-0.04', '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    const lines = readFileSync(join(out, 'discovery.csv'), 'utf8').trim().split('\n');
    expect(lines[0]).toBe('lever,a,b,condition,parameter,low,high,restricted,coverage,density,in_box,cases,points');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^rewardWedge,CHN,RUS,delta > -0\.04,actors\.CHN\.costAversion,/);
    expect(r.stdout).toMatch(/rewardWedge on CHN-RUS: delta > -0\.04 at \d+ of 60 points/);
  });
});
