import { describe, expect, it } from 'vitest';
import type { ModelConfig } from '../../src/model/config.js';
import { D, domainIndex } from '../../src/model/domains.js';
import { MECHANISMS } from '../../src/model/mechanisms/index.js';
import type { MechanismName } from '../../src/model/parameters.js';
import { applyShocks } from '../../src/model/shocks.js';
import { initialise } from '../../src/model/simulate.js';
import { createState, type ModelState } from '../../src/model/state.js';
import { loadText, TWO_ACTORS } from '../helpers.js';

const AB = 0; // tie A→B is declared first
const at = (d: string) => AB * D + domainIndex(d);

function setup(extra = '', set: string[] = []): { cfg: ModelConfig; s: ModelState } {
  const { config: cfg } = loadText(TWO_ACTORS + extra, { set });
  const s = createState(cfg);
  initialise(cfg, s);
  return { cfg, s };
}

function term(name: MechanismName, cfg: ModelConfig, s: ModelState): Float64Array {
  const out = new Float64Array(cfg.K * D);
  MECHANISMS.get(name)?.contribute(cfg, s, out, 1, 0, cfg.K);
  return out;
}

describe('mechanisms, hand-computed for tie A→B at the initial state (weight 1)', () => {
  it('economicGain: complementarity × channel; need, open markets and discounts raise exchange, not this term', () => {
    const { cfg, s } = setup();
    let out = term('economicGain', cfg, s);
    expect(out[at('trade')]).toBeCloseTo(0.6, 12); // default trade complementarity, channel 1
    expect(out[at('finance')]).toBeCloseTo(0.3, 12); // dollar access intact: no payment-channel bonus
    s.need[0] = 0.5;
    s.need[1] = 0.2;
    s.concession[1] = 0.1;
    out = term('economicGain', cfg, s);
    expect(out[at('trade')]).toBeCloseTo(0.6, 12);
    s.channel[0] = 0.5; // payment-bound domains are worth what the channel clears
    out = term('economicGain', cfg, s);
    expect(out[at('trade')]).toBeCloseTo(0.6 * 0.5, 12);
    expect(out[at('defense')]).toBeCloseTo(0.4, 12); // not payment-bound
  });

  it('economicGain: finance ties gain the trade they clear for a partner without dollars, in proportion to the exchange to clear', () => {
    const { cfg, s } = setup();
    s.dollarAccess[1] = 0.25; // B, the partner of tie A→B, has lost three quarters of its dollar access
    let out = term('economicGain', cfg, s);
    // 0.3 (finance complementarity) + (1 − 0.25)(1 − ω) × mean(trade 0.6, energy 0.7) × volume 1, with
    // ω = 0.3 (informalChannel's default): what neither dollars nor informal routes clear.
    expect(cfg.params.informalChannel).toBe(0.3);
    expect(out[at('finance')]).toBeCloseTo(0.3 + 0.75 * 0.7 * 0.65, 12);
    // B→A: A keeps its dollars, so B's finance ties clear nothing A cannot pay for otherwise.
    expect(out[D + domainIndex('finance')]).toBeCloseTo(0.3, 12);
    s.volume[0] = 2; // twice the initial exchange to clear
    out = term('economicGain', cfg, s);
    expect(out[at('finance')]).toBeCloseTo(0.3 + 0.75 * 0.7 * 0.65 * 2, 12);
    const informal = setup('', ['model.informalChannel=1']); // every payment clears informally: finance ties add nothing
    informal.s.dollarAccess[1] = 0.25;
    expect(term('economicGain', informal.cfg, informal.s)[at('finance')]).toBeCloseTo(0.3, 12);
  });

  it('abandonment: v_d × shared grievance × need_i; nothing without a shared threat or without pressure', () => {
    const { cfg, s } = setup();
    expect(term('abandonment', cfg, s)[at('diplomatic')]).toBe(0); // no need yet
    s.need[0] = 0.5;
    let out = term('abandonment', cfg, s);
    expect(out[at('diplomatic')]).toBeCloseTo(0.4 * 0.5, 12); // shared grievance min(0.6, 0.4)
    expect(out[at('defense')]).toBeCloseTo(0.6 * 0.4 * 0.5, 12);
    expect(out[D + domainIndex('diplomatic')]).toBe(0); // B→A: B is under no pressure
    s.shared[0] = 0;
    out = term('abandonment', cfg, s);
    expect(out[at('diplomatic')]).toBe(0);
  });

  it('strategicValue: v_d × (alignment + shared grievance)(1 + λ·need_j)', () => {
    const { cfg, s } = setup();
    expect(s.shared[0]).toBeCloseTo(0.4, 12); // min(g_AC 0.6, g_BC 0.4)
    let out = term('strategicValue', cfg, s);
    expect(out[at('diplomatic')]).toBeCloseTo(0.9, 12);
    expect(out[at('defense')]).toBeCloseTo(0.6 * 0.9, 12);
    s.need[1] = 0.5;
    out = term('strategicValue', cfg, s);
    expect(out[at('diplomatic')]).toBeCloseTo(0.9 * (1 + 0.3 * 0.5), 12);
  });

  it('partnerRisk: −exposureAversion_i × f_d × stress_j', () => {
    const { cfg, s } = setup();
    expect(term('partnerRisk', cfg, s)[at('finance')]).toBe(0); // no stress, no risk (toBe: exactly zero)
    s.stress[1] = 0.5;
    const out = term('partnerRisk', cfg, s);
    expect(out[at('finance')]).toBeCloseTo(-0.4 * 1.0 * 0.5, 12);
    expect(out[at('trade')]).toBeCloseTo(-0.4 * 0.3 * 0.5, 12);
    expect(out[at('diplomatic')]).toBeCloseTo(0, 12);
  });

  it('reciprocity: commitmentNorm_i × (c_ji − c_ij)', () => {
    const { cfg, s } = setup();
    const out = term('reciprocity', cfg, s);
    expect(out[at('trade')]).toBeCloseTo(0.5 * (0.2 - 0.4), 12);
    expect(out[at('military')]).toBeCloseTo(0.5 * 0.1, 12);
  });

  it('divergence: −δ_p × v_d', () => {
    const { cfg, s } = setup();
    const out = term('divergence', cfg, s);
    expect(out[at('diplomatic')]).toBeCloseTo(-0.2, 12);
    expect(out[at('trade')]).toBeCloseTo(-0.2 * 0.2, 12);
  });

  it('commitmentCost: −costAversion_i × w_d × c', () => {
    const { cfg, s } = setup();
    expect(term('commitmentCost', cfg, s)[at('defense')]).toBeCloseTo(-0.5 * 2.5 * 0.3, 12);
  });

  it('inertia: −c', () => {
    const { cfg, s } = setup();
    expect(term('inertia', cfg, s)[at('diplomatic')]).toBeCloseTo(-0.5, 12);
  });

  it('sanctionExposure: third parties pay severity × enforcement × exposure to the sender × costAversion', () => {
    const { cfg, s } = setup(`
shocks:
  - { id: sec, kind: secondarySanctions, sender: C, target: B, domains: [finance], at: 0, severity: 0.5, enforcement: 0.8 }
  - { id: own, kind: sanctions, sender: C, target: A, domains: [trade], at: 0, severity: 0.5, enforcement: 1 }
`);
    applyShocks(cfg, s, 0, () => {});
    const out = term('sanctionExposure', cfg, s);
    expect(out[at('finance')]).toBeCloseTo(-(0.5 * 0.4 * 0.5), 12);
    expect(out[at('trade')]).toBeCloseTo(0, 12);
    const ca = cfg.tieOf[2 * cfg.n + 0] * D + domainIndex('trade'); // C→A: C obeys its own sanctions
    expect(out[ca]).toBeCloseTo(-0.5, 12);
  });

  it('rewardCondition: −costAversion_i × size of the reward at risk', () => {
    const { cfg, s } = setup(`
shocks:
  - { id: carrot, kind: inducement, sender: C, target: A, at: 0, size: 0.3, condition: { partner: B, domains: [defense], max: 0.9 } }
`);
    applyShocks(cfg, s, 0, () => {});
    const out = term('rewardCondition', cfg, s);
    expect(out[at('defense')]).toBeCloseTo(-0.5 * 0.3, 12);
    expect(out[at('trade')]).toBeCloseTo(0, 12);
    expect(s.exposure[0 * cfg.n + 2]).toBeCloseTo(0.5 + 0.3, 12); // A now stands to lose more with C
  });
});
