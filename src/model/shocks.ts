/**
 * The shock phase: resets what shocks press on this tick, then lets every
 * shock in force act on state (docs/model.md §5.2). Shocks never set outcomes;
 * they move stress, need, grievance, exposure, divergence and the pressures
 * the mechanisms read. Inducements go first (cfg.shockOrder) because
 * secondary sanctions read the exposure they create.
 */

import { inc } from './arrays.js';
import type { ModelConfig, ShockConfig } from './config.js';
import { D, DEFENSE, FINANCE, MILITARY } from './domains.js';
import type { ModelState } from './state.js';

export const ShockEvent = { started: 0, ended: 1, withdrawn: 2 } as const;
export type ShockEventCode = (typeof ShockEvent)[keyof typeof ShockEvent];
export type EventSink = (t: number, shock: number, event: ShockEventCode) => void;

function resetPush(cfg: ModelConfig, s: ModelState): void {
  s.push.zeroed.fill(0); // stress … conditional: one buffer, one call
  s.push.grievance.set(cfg.grievance0);
  s.push.divergence.set(cfg.divergence0);
  s.exposure.set(cfg.exposure0);
  exposureFollowsExchange(cfg, s);
}

/**
 * What i would lose with s moves with what they still exchange: exposure_is = exposure0_is · X_p,
 * X_p the pair's exchange relative to its initial exchange (last tick's, as conditions left it;
 * 1 for a pair that began with none). A sender whose own sanctions have already cut its exchange
 * with i has less left to threaten: coercion that leaves nothing more to lose unites.
 */
function exposureFollowsExchange(cfg: ModelConfig, s: ModelState): void {
  const { n } = cfg;
  for (let p = 0; p < cfg.P; p++) {
    if ((cfg.exchangePaid0[p] as number) === 0) continue;
    const x = s.volume[p] as number;
    if (x === 1) continue;
    const a = cfg.pairA[p] as number;
    const b = cfg.pairB[p] as number;
    s.exposure[a * n + b] = (s.exposure[a * n + b] as number) * x;
    s.exposure[b * n + a] = (s.exposure[b * n + a] as number) * x;
  }
}

/**
 * What complying with a conditional inducement would cost its target this tick: the surplus
 * it gives up by bringing its mean commitment to the partner over the masked domains down to
 * the bound, valued with its own marginal values. Near its rest point the marginal value of
 * commitment d falls at |s_d| (its own-slope, model/curvature.ts), so the cheapest way to cut
 * a total C = Σ_d c_d − n·max is cut_d ∝ 1/|s_d|, and the surplus lost is
 *   L = ½ C⁺² / Σ_d (1/|s_d|)
 * (the area under the marginal values between the two points). 0 if the target already complies.
 */
export function complianceCost(cfg: ModelConfig, s: ModelState, sh: ShockConfig): number {
  const k = cfg.tieOf[sh.target * cfg.n + sh.conditionPartner] as number;
  if (k < 0) return 0;
  let excess = 0;
  let give = 0;
  for (let d = 0; d < D; d++) {
    if (!sh.conditionMask[d]) continue;
    excess += (s.commitment[k * D + d] as number) - sh.conditionMax;
    const slope = Math.abs(s.ownSlope[k * D + d] as number);
    give += slope > 0 ? 1 / slope : Number.POSITIVE_INFINITY;
  }
  // A commitment that costs nothing to cut (slope 0) can absorb any cut for free.
  return excess > 0 && Number.isFinite(give) ? (0.5 * excess * excess) / give : 0;
}

function inducement(cfg: ModelConfig, s: ModelState, q: number, sh: ShockConfig, t: number, emit: EventSink): void {
  const { n } = cfg;
  const m = sh.magnitude[t] as number;
  if (sh.conditionPartner >= 0) {
    const k = cfg.tieOf[sh.target * n + sh.conditionPartner] as number;
    // A choice against the partnership's value (Crawford 2011): the target walks away from the
    // reward when complying would cost it more than the reward is worth to it (p_I per unit of size).
    if (k >= 0 && cfg.params.inducementPrice * m < complianceCost(cfg, s, sh)) {
      s.inForce[q] = 0;
      emit(t, q, ShockEvent.withdrawn);
      return;
    }
    // "You can't have it both ways": committing more to the partner risks the reward.
    if (k >= 0) for (let d = 0; d < D; d++) if (sh.conditionMask[d]) inc(s.push.conditional, k * D + d, m);
  }
  inc(s.exposure, sh.target * n + sh.actor, m);
  inc(s.push.grievance, sh.target * n + sh.actor, -m);
  inc(s.push.shockCost, sh.actor, m);
  inc(s.push.spend, sh.actor, m);
}

function sanctions(cfg: ModelConfig, s: ModelState, sh: ShockConfig, t: number, first: boolean): void {
  const { n } = cfg;
  const sender = sh.actor;
  const target = sh.target;
  const pressure = (sh.magnitude[t] as number) * (sh.enforcement[t] as number);
  const share = (cfg.economy[sender] as number) / ((cfg.economy[sender] as number) + (cfg.economy[target] as number));
  inc(s.push.stress, target, pressure * share);
  inc(s.push.need, target, pressure * share);
  if (sh.domainMask[FINANCE]) inc(s.push.financeCut, target, pressure);
  inc(s.push.grievance, target * n + sender, pressure);
  const k = cfg.tieOf[sender * n + target] as number;
  if (k < 0) return;
  for (let d = 0; d < D; d++) if (sh.onExchange && sh.domainMask[d]) inc(s.push.barrier, k * D + d, pressure);
  if (!sh.onCommitment) return;
  s.push.sanctioned[k] = 1;
  const p = cfg.tiePair[k] as number;
  for (let d = 0; d < D; d++) {
    if (!sh.domainMask[d]) continue;
    inc(s.push.primary, k * D + d, pressure);
    // The sender forgoes the gain its initial commitment brought.
    inc(s.push.shockCost, sender, pressure * (cfg.complementarity[p * D + d] as number) * (cfg.commitment0[k * D + d] as number));
    if (first) s.commitment[k * D + d] = (s.commitment[k * D + d] as number) * (1 - (sh.magnitude[t] as number));
  }
}

function secondarySanctions(cfg: ModelConfig, s: ModelState, sh: ShockConfig, t: number): void {
  const { n } = cfg;
  const pressure = (sh.magnitude[t] as number) * (sh.enforcement[t] as number);
  for (let x = cfg.incomingStart[sh.target] as number, end = cfg.incomingStart[sh.target + 1] as number; x < end; x++) {
    const k = cfg.incomingTies[x] as number;
    const i = cfg.tieFrom[k] as number;
    if (i === sh.actor) continue;
    const exposed = pressure * (s.exposure[i * n + sh.actor] as number);
    for (let d = 0; d < D; d++) if (sh.onExchange && sh.domainMask[d]) inc(s.push.barrier, k * D + d, exposed);
    if (!sh.onCommitment) continue;
    s.push.sanctioned[k] = 1;
    for (let d = 0; d < D; d++) if (sh.domainMask[d]) inc(s.push.thirdParty, k * D + d, exposed);
  }
}

/**
 * A challenge bites in proportion to the target's security reliance on the challenger, its
 * commitment to it in defence and military (Russia's leverage over Kazakhstan runs through the
 * CSTO), relative to the reliance the scenario starts from (the intensity is the pressure as it
 * was observed then). The bite threatens the target and sets the challenger at odds with every
 * actor holding a stake in the target's sovereignty. Whatever loosens that reliance (a Western
 * offer to Kazakhstan) blunts the challenge, and with it the China–Russia divergence over
 * Central Asia; a target with no security ties to the challenger is not bitten at all.
 */
function sovereigntyChallenge(cfg: ModelConfig, s: ModelState, sh: ShockConfig, t: number): void {
  const { n } = cfg;
  const k = cfg.tieOf[sh.target * n + sh.actor] as number;
  const reliance = (c: Float64Array) => (k < 0 ? 0 : (c[k * D + DEFENSE] as number) + (c[k * D + MILITARY] as number));
  const initial = reliance(cfg.commitment0);
  const bite = initial > 0 ? ((sh.magnitude[t] as number) * reliance(s.commitment)) / initial : 0;
  inc(s.push.threat, sh.target, bite);
  for (let i = 0; i < n; i++) {
    const stake = cfg.stake[i * n + sh.target] as number;
    const p = cfg.pairOf[i * n + sh.actor] as number;
    if (i !== sh.actor && stake > 0 && p >= 0) inc(s.push.divergence, p, bite * stake);
  }
}

export function applyShocks(cfg: ModelConfig, s: ModelState, t: number, emit: EventSink): void {
  resetPush(cfg, s);
  const { shocks, shockOrder } = cfg;
  for (let x = 0; x < shockOrder.length; x++) {
    const q = shockOrder[x] as number;
    const sh = shocks[q] as ShockConfig;
    if (t < sh.at || t > sh.until || !s.inForce[q]) continue;
    const first = t === sh.at;
    if (first) emit(t, q, ShockEvent.started);
    const m = sh.magnitude[t] as number;
    switch (sh.kind) {
      case 'war':
        inc(s.push.need, sh.actor, m);
        inc(s.push.stress, sh.actor, 0.5 * m);
        break;
      case 'economicShock':
        inc(s.push.stress, sh.actor, m);
        break;
      case 'sanctions':
        sanctions(cfg, s, sh, t, first);
        break;
      case 'secondarySanctions':
        secondarySanctions(cfg, s, sh, t);
        break;
      case 'inducement':
        inducement(cfg, s, q, sh, t, emit);
        break;
      case 'sovereigntyChallenge':
        sovereigntyChallenge(cfg, s, sh, t);
        break;
      case 'summit': {
        const p = cfg.pairOf[sh.actor * cfg.n + sh.target] as number;
        if (first && p >= 0) inc(s.rhetoric, p, m * (1 - (s.rhetoric[p] as number)));
        break;
      }
    }
    if (t === sh.until && sh.until < cfg.ticks - 1) emit(t, q, ShockEvent.ended);
  }
}
