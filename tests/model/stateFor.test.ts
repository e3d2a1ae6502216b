/**
 * A sweep's points share one state (stateFor). That is sound only if nothing of one
 * config's runs leaks into the next: a run on a state that another config used must
 * step every commitment, and every actor's welfare, to the same bits as a run on a
 * fresh state. A state of another shape must not be reused at all.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { ModelConfig } from '../../src/model/config.js';
import { makeRandom } from '../../src/model/rng.js';
import { simulate } from '../../src/model/simulate.js';
import { createState, type ModelState, stateFor } from '../../src/model/state.js';
import { loadScenario } from '../../src/scenario/load.js';
import { DEFAULT_SCENARIO, loadText, TWO_ACTORS } from '../helpers.js';

/** Commitments and welfare at every tick, as bytes. */
function trace(cfg: ModelConfig, s: ModelState): Buffer {
  const parts: Buffer[] = [];
  simulate(cfg, s, makeRandom(11), {
    tick: (_, st) => {
      parts.push(Buffer.from(Float64Array.from(st.commitment).buffer), Buffer.from(Float64Array.from(st.welfare ?? []).buffer));
    },
  });
  return Buffer.concat(parts);
}

describe('stateFor', () => {
  // Two points of a sweep: other traits, another enforcement, another model parameter.
  let a: ReturnType<typeof loadScenario>['config'];
  let b: ReturnType<typeof loadScenario>['config'];
  beforeAll(() => {
    a = loadScenario(DEFAULT_SCENARIO).config;
    b = loadScenario(DEFAULT_SCENARIO, {
      set: ['actors.CHN.costAversion=0.95', 'shocks.eo14114.enforcement=0.2', 'model.stepSize=0.3'],
    }).config;
  });

  it('reuses a state of the same shape, and a run on it is the same bits as on a fresh state, welfare included', () => {
    const used = createState(a, { welfare: true });
    trace(a, used);
    const reused = stateFor(b, used, { welfare: true });
    expect(reused).toBe(used);
    const fresh = trace(b, createState(b, { welfare: true }));
    expect(trace(b, reused).equals(fresh)).toBe(true);
    expect(fresh.equals(trace(a, createState(a, { welfare: true })))).toBe(false); // the two points differ
  });

  it('makes a new state for another shape or other options', () => {
    const s = createState(a);
    const other = loadText(TWO_ACTORS).config;
    expect(stateFor(other, s)).not.toBe(s);
    expect(stateFor(a, s, { welfare: true })).not.toBe(s);
    expect(stateFor(a, s, { contributions: true })).not.toBe(s);
    expect(stateFor(a, s)).toBe(s);
  });
});
