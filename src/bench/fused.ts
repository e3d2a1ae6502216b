/**
 * The fused reference loop: the same arithmetic as the ten mechanisms and the
 * decision step, in one pass over the same typed arrays, with no per-mechanism
 * output arrays. It is the practical speed limit the engine is compared with;
 * the benchmark also checks that both give the same commitments.
 */

import { clamp01 } from '../model/arrays.js';
import { updateConditions } from '../model/conditions.js';
import type { ModelConfig } from '../model/config.js';
import { D, FINANCE } from '../model/domains.js';
import { MECHANISM_NAMES, type MechanismName } from '../model/parameters.js';
import type { Random } from '../model/rng.js';
import { applyShocks } from '../model/shocks.js';
import { updateConcessions, updateRhetoric } from '../model/social.js';
import type { ModelState } from '../model/state.js';

const silent = () => {};

/** Each mechanism's weight by name, 0 for one switched off (a config lists only the enabled ones). */
export type Weights = Readonly<Record<MechanismName, number>>;

export function weightsOf(cfg: ModelConfig): Weights {
  const w = Object.fromEntries(MECHANISM_NAMES.map((name) => [name, 0])) as Record<MechanismName, number>;
  for (const { name, weight } of cfg.mechanisms) w[name] = weight;
  return w;
}

/**
 * `prev` is scratch of length K·D: every term reads the tick-start commitments, as the engine's do.
 * `conditioned` is false where the reward-condition term is inert under cfg (the caller decides it once, from the engine's bindings);
 * `stepGain` is the engine's step gain (model/curvature.ts), computed once per config as the engine does.
 */
export function fusedStep(
  cfg: ModelConfig,
  s: ModelState,
  t: number,
  random: Random,
  w: Weights,
  prev: Float64Array,
  conditioned: boolean,
  stepGain: Float64Array,
): void {
  applyShocks(cfg, s, t, silent);
  updateConditions(cfg, s);
  // By name: a position would shift when a mechanism is switched off (model.mechanisms.reciprocity: 0).
  const {
    economicGain: wE,
    strategicValue: wS,
    abandonment: wA,
    sanctionExposure: wX,
    rewardCondition: wQ,
    partnerRisk: wR,
    reciprocity: wC,
    divergence: wV,
    commitmentCost: wK,
    inertia: wI,
  } = w;
  const { n, params, domains } = cfg;
  const { partnerNeedGain, maxStep, noise } = params;
  const spread = noise * Math.sqrt(3);
  const c = s.commitment;
  prev.set(c);
  const { primary, thirdParty, conditional, threat, sanctioned } = s.push;
  // Terms are skipped where the engine skips them, so both do the same work: the reward-condition term without
  // a conditional inducement (Mechanism.inert), and the zero terms of abandonment, sanction exposure, partner
  // risk and divergence (a −0 added changes no sum; Mechanism).
  for (let k = 0; k < cfg.K; k++) {
    const i = cfg.tieFrom[k] as number;
    const j = cfg.tieTo[k] as number;
    const p = cfg.tiePair[k] as number;
    const back = (cfg.tieReverse[k] as number) * D;
    const channel = s.channel[p] as number;
    const fear = wA * (s.shared[p] as number) * (s.need[i] as number);
    const strategic =
      ((cfg.alignment[p] as number) + (s.shared[p] as number)) * (1 + partnerNeedGain * (s.need[j] as number)) +
      (cfg.stake[i * n + j] as number) * (threat[j] as number);
    const aversion = cfg.costAversion[i] as number;
    const risk = wR * (cfg.exposureAversion[i] as number) * (s.stress[j] as number);
    const norm = wC * (cfg.commitmentNorm[i] as number);
    const delta = wV * (s.divergence[p] as number);
    for (let d = 0; d < D; d++) {
      const x = k * D + d;
      const pd = domains.payment[d] as number;
      const cx = prev[x] as number;
      // No variable reassigned along branches (model/decide.ts says why).
      const clears =
        d === FINANCE ? wE * (1 - (s.conventional[p] as number)) * (cfg.paymentComplementarity[p] as number) * (s.volume[p] as number) : 0;
      const econ = wE * (cfg.complementarity[p * D + d] as number) * (1 - pd + pd * channel) + clears;
      let sum = s.baseline[x] as number;
      sum += econ;
      sum += wS * (domains.strategic[d] as number) * strategic;
      if (fear !== 0) sum += fear * (domains.strategic[d] as number);
      if (sanctioned[k] !== 0) sum += -wX * ((primary[x] as number) + aversion * (thirdParty[x] as number));
      if (conditioned) sum += -(wQ * aversion) * (conditional[x] as number);
      if (risk !== 0) sum += -risk * (domains.financialExposure[d] as number);
      sum += norm * ((prev[back + d] as number) - cx);
      if (delta !== 0) sum += -delta * (domains.strategic[d] as number);
      sum += -(wK * aversion) * (domains.cost[d] as number) * cx;
      sum += -wI * cx;
      const move = Math.min(maxStep, Math.max(-maxStep, (stepGain[x] as number) * sum));
      const shake = spread > 0 ? spread * (2 * random() - 1) : 0;
      c[x] = clamp01(cx + (move + shake));
    }
  }
  updateConcessions(cfg, s);
  updateRhetoric(cfg, s);
}
