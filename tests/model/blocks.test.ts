/**
 * The tick loop processes ties in blocks of TIE_BLOCK. A scenario spanning
 * several blocks must give what the unblocked fused reference loop gives:
 * block edges must not change which commitments a term reads.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { fusedStep, weightsOf } from '../../src/bench/fused.js';
import { largeScenario } from '../../src/bench/generate.js';
import { bind } from '../../src/model/bound.js';
import type { ModelConfig } from '../../src/model/config.js';
import { curvatureOf } from '../../src/model/curvature.js';
import { D } from '../../src/model/domains.js';
import { makeRandom } from '../../src/model/rng.js';
import { initialise, simulate } from '../../src/model/simulate.js';
import { createState, TIE_BLOCK } from '../../src/model/state.js';
import { loadText } from '../helpers.js';

describe('blocked tick loop', () => {
  let cfg: ReturnType<typeof loadText>['config'];
  beforeAll(() => {
    cfg = loadText(JSON.stringify(largeScenario(30, 7)), {}, 'generated-30.json').config;
  });

  it('spans several blocks', () => {
    expect(cfg.K).toBeGreaterThan(3 * TIE_BLOCK);
  });

  /** The largest gap between the engine and the fused reference over every tick of one run. */
  function gap(config: ModelConfig): number {
    const engine = createState(config);
    const reference = createState(config);
    const prev = new Float64Array(config.K * D);
    const gain = curvatureOf(config, bind(config)).stepGain;
    initialise(config, reference);
    const random = makeRandom(11);
    let worst = 0;
    simulate(config, engine, makeRandom(11), {
      tick: (t, s) => {
        fusedStep(config, reference, t, random, weightsOf(config), prev, true, gain); // every term computed, inert or not
        for (let x = 0; x < config.K * D; x++) worst = Math.max(worst, Math.abs(s.commitment[x] - reference.commitment[x]));
      },
    });
    return worst;
  }

  it('matches the unblocked reference loop at every tick', () => {
    expect(gap(cfg)).toBeLessThan(1e-12);
  });

  it('and with mechanisms switched off, as the tutorial teaches (the oracle reads weights by name)', () => {
    const scenario = largeScenario(30, 7);
    for (const off of ['reciprocity', 'economicGain', 'inertia']) {
      const { config } = loadText(JSON.stringify({ ...scenario, model: { mechanisms: { [off]: 0 } } }), {}, 'generated-30.json');
      expect(config.mechanisms.map((m) => m.name)).not.toContain(off);
      expect(gap(config), off).toBeLessThan(1e-12);
    }
  });

  it('records contributions that, summed with the baseline, give each tie’s step', () => {
    const s = createState(cfg, { contributions: true });
    const noiseless = { ...cfg, params: { ...cfg.params, noise: 0, maxStep: 1 } };
    let before = Float64Array.from(cfg.commitment0);
    simulate(noiseless, s, makeRandom(1), {
      tick: (t, st) => {
        const len = cfg.K * D;
        // At tick 1 the generated scenario's sanctions cut commitments before the terms are computed.
        for (let x = 0; t !== 1 && x < len; x += 97) {
          let net = st.baseline[x];
          for (let m = 0; m < cfg.mechanisms.length; m++) net += (st.contributions as Float64Array)[m * len + x] as number;
          const expected = Math.min(1, Math.max(0, before[x] + cfg.params.stepSize * net));
          expect(st.commitment[x]).toBeCloseTo(expected, 12);
        }
        before = Float64Array.from(st.commitment);
      },
    });
  });
});
