/**
 * Three mechanisms skip a tie whose term is zero (Mechanism, "a tie whose multiplier
 * is zero"): sanctionExposure where no sanction pressed on the tie this tick
 * (ModelState.push.sanctioned), partnerRisk where the risk is 0, divergence where the
 * pair's divergence is 0. That is sound only if the skipped term really is −0: adding
 * the mechanism to any running sum, with the skips, must give the very bits that
 * adding every term gives. Checked at every tick of every shipped scenario and lever.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ModelConfig } from '../../src/model/config.js';
import { D } from '../../src/model/domains.js';
import { MECHANISMS } from '../../src/model/mechanisms/index.js';
import type { Mechanism } from '../../src/model/mechanisms/mechanism.js';
import { makeRandom } from '../../src/model/rng.js';
import { simulate } from '../../src/model/simulate.js';
import { createState, type ModelState } from '../../src/model/state.js';
import { loadScenario } from '../../src/scenario/load.js';
import { ROOT } from '../helpers.js';

const mechanism = (name: string): Mechanism => {
  const m = MECHANISMS.get(name as Parameters<typeof MECHANISMS.get>[0]);
  if (!m) throw new Error(`no mechanism ${name}`);
  return m;
};

/** Every term added, no tie skipped: the formula of docs/model.md §5.4 for each. */
const REFERENCE: Record<string, (cfg: ModelConfig, s: ModelState, out: Float64Array, w: number) => void> = {
  sanctionExposure(cfg, s, out, w) {
    const saved = Float64Array.from(s.push.sanctioned);
    s.push.sanctioned.fill(1); // the mechanism's own arithmetic, with nothing skipped
    mechanism('sanctionExposure').contribute(cfg, s, out, w, 0, cfg.K);
    s.push.sanctioned.set(saved);
  },
  partnerRisk(cfg, s, out, w) {
    const f = cfg.domains.financialExposure;
    for (let k = 0; k < cfg.K; k++) {
      const risk = w * cfg.exposureAversion[cfg.tieFrom[k]] * s.stress[cfg.tieTo[k]];
      for (let d = 0; d < D; d++) out[k * D + d] = out[k * D + d] + -risk * f[d];
    }
  },
  divergence(cfg, s, out, w) {
    const v = cfg.domains.strategic;
    for (let k = 0; k < cfg.K; k++) {
      const delta = w * s.divergence[cfg.tiePair[k]];
      for (let d = 0; d < D; d++) out[k * D + d] = out[k * D + d] + -delta * v[d];
    }
  },
};

/** Running sums to add to: ordinary values, and both zeros, whose sign a +0 added would change. */
function runningSums(len: number): Float64Array {
  return Float64Array.from({ length: len }, (_, x) => [0.25, -0, 0, -1.5e-3][x % 4] as number);
}

const scenarios = readdirSync(join(ROOT, 'scenarios'))
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => join(ROOT, 'scenarios', f));

describe('mechanisms skip only terms that are zero', () => {
  const runs = scenarios.flatMap((file) => {
    const levers = Object.keys(loadScenario(file).spec.levers ?? {});
    return [undefined, ...levers].map((lever) => ({ file, lever, cfg: loadScenario(file, { lever }).config }));
  });

  it('a tie not flagged as sanctioned has no sanction pressure, and both kinds of tie occur', () => {
    let flagged = 0;
    let unflagged = 0;
    for (const { cfg, file, lever } of runs) {
      const s = createState(cfg);
      simulate(cfg, s, makeRandom(3), {
        tick: (t, st) => {
          for (let k = 0; k < cfg.K; k++) {
            if (st.push.sanctioned[k] === 1) {
              flagged++;
              continue;
            }
            unflagged++;
            for (let d = 0; d < D; d++) {
              const x = k * D + d;
              if (st.push.primary[x] !== 0 || st.push.thirdParty[x] !== 0)
                expect.fail(`${file} ${lever ?? ''} tick ${t} tie ${k}: unflagged pressure`);
            }
          }
        },
      });
    }
    expect(flagged).toBeGreaterThan(0);
    expect(unflagged).toBeGreaterThan(0);
  });

  for (const name of Object.keys(REFERENCE)) {
    it(`${name} adds to any running sum exactly what adding every term does`, () => {
      let skippable = 0;
      for (const { cfg, file, lever } of runs) {
        const w = cfg.mechanisms.find((m) => m.name === name)?.weight ?? 0;
        if (w === 0) continue;
        const s = createState(cfg);
        const len = cfg.K * D;
        const before = runningSums(len);
        simulate(cfg, s, makeRandom(3), {
          tick: (t, st) => {
            const skipping = runningSums(len);
            const every = runningSums(len);
            mechanism(name).contribute(cfg, st, skipping, w, 0, cfg.K);
            REFERENCE[name]?.(cfg, st, every, w);
            for (let x = 0; x < len; x++) {
              if (!Object.is(skipping[x], every[x]))
                expect.fail(`${file} ${lever ?? ''} tick ${t} element ${x}: ${skipping[x]} ≠ ${every[x]}`);
              if (Object.is(every[x], before[x])) skippable++;
            }
          },
        });
      }
      expect(skippable).toBeGreaterThan(0); // the skip was exercised, not only the arithmetic
    });
  }
});
