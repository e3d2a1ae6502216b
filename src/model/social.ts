/**
 * After commitments move (docs/model.md §5.6): concessions, rhetoric and the
 * costs each actor bears.
 * - Concessions: a seller with sales that sanctions closed and no buyer has taken
 *   (its glut, model/market.ts) concedes to each buyer as far as the buyer is opportunistic and
 *   its buyers are few (the markdown m_i: the glut weighted by the buyers' Herfindahl index),
 *   and pays the counter-bid it offered when an outside power's reward against it was turned
 *   down (β · need_i · x, while the offer's window lasts): conc_ij → min(1, δ · opportunism_j ·
 *   m_i + bid_ij). Buyers competing for the glut shrink it, and more of them shrink it faster.
 * - Rhetoric (cheap talk) follows shared grievance and divergence, not costs:
 *   r_p → clamp(r0_p + γ(G_p − G0_p) − γ(δ_p − δ0_p)).
 * - Costs borne: Σ_j [Σ_d w_d c_ijd (1 + pressures_ijd) + conc_ij] + shock costs.
 */
import { clamp01 } from './arrays.js';
import type { ModelConfig } from './config.js';
import { D } from './domains.js';
import type { ModelState } from './state.js';

export function updateConcessions(cfg: ModelConfig, s: ModelState): void {
  const { concessionRate: rate, counterBid } = cfg.params;
  if (counterBid > 0) bids(cfg, s);
  for (let k = 0; k < cfg.K; k++) {
    let target = glutTarget(cfg, s, k);
    if (counterBid > 0) target += s.bid[k];
    s.concession[k] += rate * (Math.min(1, target) - s.concession[k]);
  }
}

/** δ · opportunism_j · m_i: what tie k's `from` (the seller i) concedes to j for its unsold glut, as its buyers compete. */
export function glutTarget(cfg: ModelConfig, s: ModelState, k: number): number {
  return cfg.params.glutDiscount * cfg.opportunism[cfg.tieTo[k]] * s.markdown[cfg.tieFrom[k]];
}

/**
 * The counter-bids of this tick into s.bid: on tie i→j, β · need_i · x for each reward of size x
 * an outside power offered j on condition that it scale back its ties to i, which j turned down
 * (the inducement withdrawn, model/shocks/inducement.ts) and whose window is still open. What i
 * pays to keep j: promised when the offer is made, paid only if j stays; 0 while j holds the
 * reward instead. One pass over the shocks a tick, not one per tie.
 */
function bids(cfg: ModelConfig, s: ModelState): void {
  s.bid.fill(0);
  for (let q = 0; q < cfg.shocks.length; q++) {
    const sh = cfg.shocks[q];
    if (sh.conditionPartner < 0 || s.inForce[q] || s.t < sh.at || s.t > sh.until) continue;
    const k = cfg.tieOf[sh.conditionPartner * cfg.n + sh.target];
    if (k >= 0) s.bid[k] += cfg.params.counterBid * s.need[sh.conditionPartner] * sh.magnitude[s.t];
  }
}

export function updateRhetoric(cfg: ModelConfig, s: ModelState): void {
  const { rhetoricRate, rhetoricGain } = cfg.params;
  for (let p = 0; p < cfg.P; p++) {
    const target = clamp01(
      cfg.rhetoric0[p] + rhetoricGain * (s.shared[p] - s.shared0[p]) - rhetoricGain * (s.divergence[p] - cfg.divergence0[p]),
    );
    s.rhetoric[p] += rhetoricRate * (target - s.rhetoric[p]);
  }
}

/**
 * Costs are an output that no mechanism reads, so they are computed when
 * collected (from this tick's state and pressures), not in every tick.
 */
export function updateCosts(cfg: ModelConfig, s: ModelState): void {
  const w = cfg.domains.cost;
  const { primary, thirdParty, conditional, shockCost } = s.push;
  s.costBorne.set(shockCost);
  for (let k = 0; k < cfg.K; k++) {
    let cost = s.concession[k];
    for (let d = 0; d < D; d++) {
      const x = k * D + d;
      const pressure = primary[x] + thirdParty[x] + conditional[x];
      cost += w[d] * s.commitment[x] * (1 + pressure);
    }
    const i = cfg.tieFrom[k];
    s.costBorne[i] += cost;
  }
}
