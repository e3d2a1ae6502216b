/**
 * The fused reference loop: the same arithmetic as the ten mechanisms on by default (autonomy, off, is not fused) and the
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
    const i = cfg.tieFrom[k];
    const j = cfg.tieTo[k];
    const p = cfg.tiePair[k];
    const back = cfg.tieReverse[k] * D;
    const channel = s.channel[p];
    const fear = wA * s.shared[p] * s.need[i];
    const strategic = (cfg.alignment[p] + s.shared[p]) * (1 + partnerNeedGain * s.need[j]) + cfg.stake[i * n + j] * threat[j];
    const aversion = cfg.costAversion[i];
    const risk = wR * cfg.exposureAversion[i] * s.stress[j];
    const norm = wC * cfg.commitmentNorm[i];
    const delta = wV * s.divergence[p];
    for (let d = 0; d < D; d++) {
      const x = k * D + d;
      const pd = domains.payment[d];
      const cx = prev[x];
      // No variable reassigned along branches (model/decide.ts says why).
      const clears =
        d === FINANCE
          ? wE * (1 - s.dollarAccess[cfg.tieTo[k]]) * (1 - cfg.params.informalChannel) * cfg.paymentComplementarity[p] * s.volume[p]
          : 0;
      const econ = wE * cfg.complementarity[p * D + d] * (1 - pd + pd * channel) + clears;
      let sum = s.baseline[x];
      sum += econ;
      sum += wS * domains.strategic[d] * strategic;
      if (fear !== 0) sum += fear * domains.strategic[d];
      if (sanctioned[k] !== 0) sum += -wX * (primary[x] + aversion * thirdParty[x]);
      if (conditioned) sum += -(wQ * aversion) * conditional[x];
      if (risk !== 0) sum += -risk * domains.financialExposure[d];
      sum += norm * (prev[back + d] - cx);
      if (delta !== 0) sum += -delta * domains.strategic[d];
      sum += -(wK * aversion) * domains.cost[d] * cx;
      sum += -wI * cx;
      const move = Math.min(maxStep, Math.max(-maxStep, stepGain[x] * sum));
      const shake = spread > 0 ? spread * (2 * random() - 1) : 0;
      c[x] = clamp01(cx + (move + shake));
    }
  }
  updateConcessions(cfg, s);
  updateRhetoric(cfg, s);
}
