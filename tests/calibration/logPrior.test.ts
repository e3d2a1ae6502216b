/**
 * A log-uniform prior in ABC is moved as its logarithm (src/calibration/abc/model.ts): the latent is
 * uniform on [ln min, ln max], so the kernel's importance weights do not carry the 1/x of the density.
 * Checked against a posterior known by quadrature, and on how a calibration file's `log: true` maps.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { abcParameters } from '../../src/calibration/abc/model.js';
import { standardNormal } from '../../src/calibration/abc/priors.js';
import { type AbcProblem, abcSmc, fromSimulator, type Generation } from '../../src/calibration/abc/smc.js';
import { loadSweep } from '../../src/experiments/loadSweep.js';
import { makeRandom } from '../../src/model/rng.js';
import { DEFAULT_SCENARIO, fileIn, tempDir } from '../helpers.js';
import { moments } from './quadrature.js';

describe('log-uniform priors in ABC', () => {
  it('a calibration file’s log: true is sampled as ln x, uniform, and mapped back inside [min, max]', () => {
    const file = fileIn(
      tempDir(),
      'log.yaml',
      `scenario: ${DEFAULT_SCENARIO}
design: lhs
samples: 4
parameters:
  model.mechanisms.abandonment: { min: 0.01, max: 0.3, log: true }
calibration:
  observed: ${join(DEFAULT_SCENARIO, '..', '..', 'data', 'china-russia-observed.csv')}
  targets:
    - { indicator: bilateral_trade, period: "2022", statistic: growth, scale: 0.05 }
`,
    );
    const parameters = abcParameters(loadSweep(file, { estimate: false }), (path, message) => {
      throw new Error(`${path}: ${message}`);
    });
    expect(parameters.priors[0]).toEqual({ kind: 'uniform', min: Math.log(0.01), max: Math.log(0.3) });
    expect(parameters.declared[0]).toEqual({ kind: 'logUniform', min: 0.01, max: 0.3 });
    expect(parameters.point(Float64Array.of(Math.log(0.3)))[0]).toBeLessThanOrEqual(0.3);
    expect(parameters.point(Float64Array.of(Math.log(0.01)))[0]).toBeGreaterThanOrEqual(0.01);
    expect(parameters.point(Float64Array.of(Math.log(0.05)))[0]).toBeCloseTo(0.05, 14);
  });

  it('its posterior is the one quadrature gives: mean within 5%, sd within 10%', async () => {
    // x log-uniform on [0.01, 1], ȳ | x ~ N(x, 0.05²), observed 0.1: posterior ∝ (1/x) N(0.1; x, 0.05) on [0.01, 1].
    const [lo, hi] = [0.01, 1];
    const problem: AbcProblem = {
      priors: [{ kind: 'uniform', min: Math.log(lo), max: Math.log(hi) }],
      observed: [0.1],
      scales: [1],
      simulate: (theta, seed) => [Math.exp(theta[0] as number) + 0.05 * standardNormal(makeRandom(seed))],
    };
    const gens = (await abcSmc(fromSimulator(problem, 4), { particles: 1000, seed: 4 })).generations;
    const g = gens[gens.length - 1] as Generation;
    let mean = 0;
    let m2 = 0;
    g.particles.forEach((p, i) => {
      const x = Math.exp(p[0] as number);
      mean += g.weights[i] * x;
      m2 += g.weights[i] * x * x;
    });
    const sd = Math.sqrt(m2 - mean * mean);
    const { mean: exactMean, sd: exactSd } = moments((x) => Math.exp(-0.5 * ((x - 0.1) / 0.05) ** 2) / x, lo, hi);
    expect(Math.abs(mean / exactMean - 1), `mean ${mean} vs ${exactMean}`).toBeLessThan(0.05);
    expect(Math.abs(sd / exactSd - 1), `sd ${sd} vs ${exactSd}`).toBeLessThan(0.1);
  });
});
