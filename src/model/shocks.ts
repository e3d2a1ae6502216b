/**
 * The shock phase: resets what shocks press on this tick, then lets every
 * shock in force act on state through its kind (model/shocks/, docs/model.md
 * §5.2). Shocks never set outcomes; they move stress, need, grievance,
 * exposure, divergence and the pressures the mechanisms and the market read.
 * Kinds marked `early` go first (cfg.shockOrder): secondary sanctions read the
 * exposure inducements create.
 */

import type { ModelConfig, ShockConfig } from './config.js';
import { D } from './domains.js';
import { SHOCK_KINDS } from './shocks/index.js';
import { type EventSink, ShockEvent } from './shocks/kind.js';
import type { ModelState } from './state.js';

export { complianceCost, counterBidWorth } from './shocks/inducement.js';
export { type EventSink, ShockEvent, type ShockEventCode } from './shocks/kind.js';

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
    if (cfg.exchangePaid0[p] === 0) continue;
    const x = s.volume[p];
    if (x === 1) continue;
    const a = cfg.pairA[p];
    const b = cfg.pairB[p];
    s.exposure[a * n + b] = s.exposure[a * n + b] * x;
    s.exposure[b * n + a] = s.exposure[b * n + a] * x;
  }
}

export function applyShocks(cfg: ModelConfig, s: ModelState, t: number, emit: EventSink): void {
  resetPush(cfg, s);
  const { shocks, shockOrder } = cfg;
  for (let x = 0; x < shockOrder.length; x++) {
    const q = shockOrder[x];
    const sh = shocks[q] as ShockConfig;
    if (t < sh.at || t > sh.until || !s.inForce[q]) continue;
    const first = t === sh.at;
    if (first) emit(t, q, ShockEvent.started);
    // Arguments, not an object: the phase runs every tick of every run and allocates nothing.
    SHOCK_KINDS[sh.kindIndex]?.apply(cfg, s, sh, q, t, first, emit);
    if (t === sh.until && sh.until < cfg.ticks - 1) emit(t, q, ShockEvent.ended);
  }
  if (cfg.params.sanctionBlame > 0) blame(cfg, s);
}

/**
 * Blame (λ_B = sanctionBlame): an actor i that a sender s coerces together with its partner j reads
 * the partnership as the reason, and its tie to j bears third-party pressure λ_B Σ_s min(π_s→i, π_s→j)
 * in every domain, which the sanction-exposure mechanism turns into a cost of committing to j. Off
 * (and skipped) at 0; O(K·n) a tick when on.
 */
function blame(cfg: ModelConfig, s: ModelState): void {
  const { n } = cfg;
  const coerced = s.push.coerced;
  const weight = cfg.params.sanctionBlame;
  for (let k = 0; k < cfg.K; k++) {
    const i = cfg.tieFrom[k] as number;
    const j = cfg.tieTo[k] as number;
    let both = 0;
    for (let x = 0; x < n; x++) if (x !== i && x !== j) both += Math.min(coerced[i * n + x] as number, coerced[j * n + x] as number);
    if (both <= 0) continue;
    s.push.sanctioned[k] = 1;
    for (let d = 0; d < D; d++) s.push.thirdParty[k * D + d] += weight * both;
  }
}
