/**
 * A mechanism that declares itself inert for a config (Mechanism.inert) is
 * skipped when the tick loop only sums terms. That is sound only if its terms
 * really are zero: the run that skips it and the run that records every term
 * must step every commitment to the same bits.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { ModelConfig } from '../../src/model/config.js';
import { D } from '../../src/model/domains.js';
import { MECHANISMS } from '../../src/model/mechanisms/index.js';
import { makeRandom } from '../../src/model/rng.js';
import { simulate } from '../../src/model/simulate.js';
import { createState } from '../../src/model/state.js';
import { loadScenario } from '../../src/scenario/load.js';
import { DEFAULT_SCENARIO } from '../helpers.js';

const rewardCondition = MECHANISMS.get('rewardCondition');

/** Commitments at every tick, and the largest |term| rewardCondition recorded (when recording). */
function trajectory(cfg: ModelConfig, record: boolean): { commitments: Float64Array[]; largest: number } {
  const s = createState(cfg, { contributions: record });
  const m = cfg.mechanisms.findIndex((x) => x.name === 'rewardCondition');
  const len = cfg.K * D;
  const commitments: Float64Array[] = [];
  let largest = 0;
  simulate(cfg, s, makeRandom(7), {
    tick: (_, st) => {
      commitments.push(Float64Array.from(st.commitment));
      const terms = st.contributions?.subarray(m * len, (m + 1) * len) ?? [];
      for (const v of terms) largest = Math.max(largest, Math.abs(v));
    },
  });
  return { commitments, largest };
}

describe('inert mechanisms', () => {
  let base: ReturnType<typeof loadScenario>['config'];
  let conditional: ReturnType<typeof loadScenario>['config'];
  beforeAll(() => {
    base = loadScenario(DEFAULT_SCENARIO).config;
    conditional = loadScenario(DEFAULT_SCENARIO, { lever: 'rewardWedge' }).config;
  });

  it('rewardCondition is inert exactly when no inducement carries a condition', () => {
    expect(rewardCondition?.inert?.(base)).toBe(true);
    expect(rewardCondition?.inert?.(conditional)).toBe(false);
  });

  it('skipping an inert mechanism steps every commitment to the same bits as computing it', () => {
    const skipped = trajectory(base, false);
    const computed = trajectory(base, true);
    expect(computed.largest).toBe(0);
    expect(skipped.commitments.length).toBe(base.ticks);
    skipped.commitments.forEach((c, t) => {
      expect(Buffer.from(c.buffer).equals(Buffer.from((computed.commitments[t] as Float64Array).buffer)), `tick ${t}`).toBe(true);
    });
  });

  it('and where it is not inert its terms are not zero', () => {
    expect(trajectory(conditional, true).largest).toBeGreaterThan(0);
  });
});
