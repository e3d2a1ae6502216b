/**
 * Welfare (model/welfare.ts) must be the welfare the model's own choices
 * maximise: each mechanism's declared own-slope matches its terms, the gradient
 * of W_i in c_kd is the net marginal value M_kd that the decision step follows,
 * and a concession moves welfare between the partners without creating any.
 */
import { describe, expect, it } from 'vitest';
import { bind } from '../../src/model/bound.js';
import type { ModelConfig } from '../../src/model/config.js';
import { curvatureOf } from '../../src/model/curvature.js';
import { decide } from '../../src/model/decide.js';
import { D } from '../../src/model/domains.js';
import { makeRandom } from '../../src/model/rng.js';
import { initialise, step } from '../../src/model/simulate.js';
import { createState, type ModelState } from '../../src/model/state.js';
import { welfareTap } from '../../src/model/welfare.js';
import { loadScenario } from '../../src/scenario/load.js';
import { DEFAULT_SCENARIO } from '../helpers.js';

const { config: cfg } = loadScenario(DEFAULT_SCENARIO);

/** Each enabled mechanism, with a slot of its own for its terms (mechanisms add to what they are given). */
function bound(c: ModelConfig) {
  return bind(c).map((b) => ({ ...b, out: new Float64Array(c.K * D) }));
}

/** One mechanism's terms at the current state, in its own slot. */
function termsOf(s: ModelState, m: ReturnType<typeof bound>[number]): Float64Array {
  m.out.fill(0);
  m.mechanism.contribute(cfg, s, m.out, m.weight, 0, cfg.K);
  return m.out;
}

/** A state 30 ticks into the default scenario: sanctions, need, concessions all live. */
function midState(): { s: ModelState; b: ReturnType<typeof bound> } {
  const s = createState(cfg, { welfare: true });
  const b = bound(cfg);
  initialise(cfg, s, b);
  const random = makeRandom(11);
  for (let t = 0; t < 30; t++) step(cfg, s, t, random, b, () => {});
  return { s, b };
}

/** Recompute every term and each actor's welfare at the current state (one block: K ≤ 256 here). */
function welfareNow(s: ModelState, b: ReturnType<typeof bound>): Float64Array {
  s.termSum.fill(0);
  for (const m of b) m.mechanism.contribute(cfg, s, s.termSum, m.weight, 0, cfg.K);
  const welfare = new Float64Array(cfg.n);
  const tap = welfareTap(welfare, cfg.K);
  tap.tick(cfg, s, b);
  decide(cfg, s, () => 0.5, curvatureOf(cfg, b).stepGain, 0, cfg.K); // as in a tick (it writes s.next, not the commitments)
  tap.block(cfg, s, b, 0, cfg.K);
  return welfare;
}

/** b_kd + Σ_m term_m,kd, each term computed on its own. */
function marginal(s: ModelState, b: ReturnType<typeof bound>, x: number): number {
  let sum = s.baseline[x];
  for (const m of b) sum += termsOf(s, m)[x] as number;
  return sum;
}

/** (f(c + h) − f(c − h)) / 2h in commitment x, the rest of the state fixed; the commitment is restored. */
function slopeIn(s: ModelState, x: number, h: number, f: () => number): number {
  const c0 = s.commitment[x];
  s.commitment[x] = c0 + h;
  const up = f();
  s.commitment[x] = c0 - h;
  const down = f();
  s.commitment[x] = c0;
  return (up - down) / (2 * h);
}

describe('welfare', () => {
  it('is the default scenario: one block of ties, so the test may evaluate every term at once', () => {
    expect(cfg.K).toBeLessThanOrEqual(256);
  });

  it("each mechanism's ownSlope is the derivative of its term in the commitment it values", () => {
    const { s, b } = midState();
    const h = 1e-4;
    for (const m of b) {
      for (let k = 0; k < cfg.K; k++) {
        for (let d = 0; d < D; d++) {
          const x = k * D + d;
          const slope = slopeIn(s, x, h, () => termsOf(s, m)[x] as number);
          expect(slope, `${m.mechanism.name} k=${k} d=${d}`).toBeCloseTo(m.mechanism.ownSlope(cfg, m.weight, k, d), 9);
        }
      }
    }
  });

  it('∂W_i/∂c_kd equals the net marginal value M_kd the decision step follows', () => {
    const { s, b } = midState();
    welfareNow(s, b);
    const h = 1e-5;
    let checked = 0;
    for (let k = 0; k < cfg.K; k++) {
      const i = cfg.tieFrom[k];
      for (let d = 0; d < D; d++) {
        const x = k * D + d;
        welfareNow(s, b);
        const m = marginal(s, b, x);
        expect(
          slopeIn(s, x, h, () => welfareNow(s, b)[i] as number),
          `tie ${k} domain ${d}`,
        ).toBeCloseTo(m, 6);
        if (Math.abs(m) > 1e-3) checked++;
      }
    }
    expect(checked).toBeGreaterThan(10); // the state is away from the rest point, so gradients are not all ~0
  });

  it('a concession lowers the giver’s welfare by exactly what it adds to the receiver’s', () => {
    const { s, b } = midState();
    const before = welfareNow(s, b);
    // RUS concedes to CHN (crude discounts): raise that concession and look at both sides.
    const rus = cfg.actorIds.indexOf('RUS');
    const chn = cfg.actorIds.indexOf('CHN');
    const k = cfg.tieOf[rus * cfg.n + chn];
    s.concession[k] = s.concession[k] + 0.1;
    const after = welfareNow(s, b);
    const lost = after[rus] - before[rus];
    const gained = after[chn] - before[chn];
    expect(lost).toBeLessThan(0);
    expect(gained).toBeCloseTo(-lost, 12);
    for (let i = 0; i < cfg.n; i++) if (i !== rus && i !== chn) expect(after[i]).toBe(before[i]);
  });
});
