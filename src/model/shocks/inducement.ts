/**
 * Inducement s→i of size x: exposure_is += x (what i would lose with s), i's grievance target
 * against s −x, and the sender pays x a tick. Conditional on partner q, domains Dq and bound m:
 * each tick the target chooses between the reward and the partnership (Crawford 2011). It
 * compares the reward's worth to it, p_I·x, with what complying would cost it (complianceCost)
 * and the partner's counter-bid it would forgo (counterBidWorth);
 * if that is more it walks away and the reward is withdrawn for good; otherwise the tie i→q
 * carries ψ_kd += x in Dq, which the reward-condition mechanism turns into a cost of committing;
 * and every other actor h with a stake in i is set at odds with q, divergence of {h, q} +ρ_V·x·stake_hi
 * (the place i leaves in q's orbit is contested).
 */
import { inc } from '../arrays.js';
import type { ModelConfig, ShockConfig } from '../config.js';
import { D } from '../domains.js';
import { glutTarget } from '../social.js';
import type { ModelState } from '../state.js';
import { concessionValue, exchangeWorth } from '../welfare.js';
import { ShockEvent, type ShockKind } from './kind.js';

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
  const k = cfg.tieOf[sh.target * cfg.n + sh.conditionPartner];
  if (k < 0) return 0;
  let excess = 0;
  let give = 0;
  for (let d = 0; d < D; d++) {
    if (!sh.conditionMask[d]) continue;
    excess += s.commitment[k * D + d] - sh.conditionMax;
    const slope = Math.abs(s.ownSlope[k * D + d]);
    give += slope > 0 ? 1 / slope : Number.POSITIVE_INFINITY;
  }
  // A commitment that costs nothing to cut (slope 0) can absorb any cut for free.
  return excess > 0 && Number.isFinite(give) ? (0.5 * excess * excess) / give : 0;
}

/**
 * What the partner's counter-bid to this offer of size m would be worth to the target a tick, were
 * it to turn the offer down: the partner q raises its discount to the target by β · need_q · m
 * (model/social.ts bids), which lifts the capped discount from min(1, g) to min(1, g + bid), g
 * what q concedes for its glut; valued as welfare values a concession (α_E κ on the pair's
 * cleared exchange, model/welfare.ts). Taking the reward forgoes it, so the target weighs it
 * with what complying costs. 0 when β is 0.
 */
export function counterBidWorth(cfg: ModelConfig, s: ModelState, sh: ShockConfig, m: number): number {
  const beta = cfg.params.counterBid;
  if (beta === 0) return 0;
  const back = cfg.tieOf[sh.conditionPartner * cfg.n + sh.target];
  if (back < 0) return 0;
  const glut = glutTarget(cfg, s, back);
  const raised = Math.min(1, glut + beta * s.need[sh.conditionPartner] * m) - Math.min(1, glut);
  return concessionValue(cfg) * raised * exchangeWorth(cfg, s, cfg.tiePair[back]);
}

/** Every actor h other than sender, target and partner with a stake in the target: divergence of {h, partner} +ρ_V · m · stake. */
function contestOrbit(cfg: ModelConfig, s: ModelState, sh: ShockConfig, m: number): void {
  const { n } = cfg;
  const q = sh.conditionPartner;
  for (let h = 0; h < n; h++) {
    if (h === sh.actor || h === sh.target || h === q) continue;
    const stake = cfg.stake[h * n + sh.target];
    const p = cfg.pairOf[h * n + q];
    if (stake > 0 && p >= 0) inc(s.push.divergence, p, cfg.params.orbitRivalry * m * stake);
  }
}

export const inducement: ShockKind = {
  kind: 'inducement',
  description: "Inducement: raises the target's exposure to the sender, lowers grievance; optionally conditional",
  fields: {
    sender: { type: 'actor' },
    target: { type: 'actor' },
    size: { type: 'value' },
    condition: { type: 'condition', optional: true },
  },
  roles: { actor: 'sender', target: 'target', magnitude: { field: 'size', min: 0, max: 1 }, condition: 'condition' },
  // Secondary sanctions read the exposure an inducement creates: inducements act first.
  early: true,
  apply(cfg, s, sh, q, t, _first, emit) {
    const { n } = cfg;
    const m = sh.magnitude[t];
    if (sh.conditionPartner >= 0) {
      const k = cfg.tieOf[sh.target * n + sh.conditionPartner];
      // A choice against the partnership's value: the target walks away from the reward when
      // complying would cost it more than the reward is worth to it (p_I per unit of size).
      if (k >= 0 && cfg.params.inducementPrice * m < complianceCost(cfg, s, sh) + counterBidWorth(cfg, s, sh, m)) {
        s.inForce[q] = 0;
        emit(t, q, ShockEvent.withdrawn);
        return;
      }
      // "You can't have it both ways": committing more to the partner risks the reward.
      if (k >= 0) for (let d = 0; d < D; d++) if (sh.conditionMask[d]) inc(s.push.conditional, k * D + d, m);
      if (k >= 0 && cfg.params.orbitRivalry > 0) contestOrbit(cfg, s, sh, m);
    }
    inc(s.exposure, sh.target * n + sh.actor, m);
    inc(s.push.grievance, sh.target * n + sh.actor, -m);
    inc(s.push.shockCost, sh.actor, m);
    inc(s.push.spend, sh.actor, m);
  },
};
