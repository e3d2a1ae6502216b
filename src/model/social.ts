/**
 * After commitments move (docs/model.md §5.6): concessions, rhetoric and the
 * costs each actor bears.
 * - Concessions: a seller with exchange that sanctions closed and no buyer has taken
 *   (its glut, model/market.ts) concedes to each buyer as far as the buyer is opportunistic,
 *   and bids back when an outside power offers the buyer a reward against it (the counter-bid,
 *   β · need_i · R_j): conc_ij → min(1, δ · opportunism_j · glut_i + β · need_i · R_j). Buyers
 *   competing for the glut shrink it.
 * - Rhetoric (cheap talk) follows shared grievance and divergence, not costs:
 *   r_p → clamp(r0_p + γ(G_p − G0_p) − γ(δ_p − δ0_p)).
 * - Costs borne: Σ_j [Σ_d w_d c_ijd (1 + pressures_ijd) + conc_ij] + shock costs.
 */
import { clamp01 } from './arrays.js';
import type { ModelConfig } from './config.js';
import { D } from './domains.js';
import type { ModelState } from './state.js';

export function updateConcessions(cfg: ModelConfig, s: ModelState): void {
  const { concessionRate: rate, glutDiscount, counterBid } = cfg.params;
  for (let k = 0; k < cfg.K; k++) {
    const i = cfg.tieFrom[k];
    let target = glutDiscount * cfg.opportunism[cfg.tieTo[k]] * s.glut[i];
    if (counterBid > 0) target += bidOf(cfg, s, k);
    s.concession[k] += rate * (Math.min(1, target) - s.concession[k]);
  }
}

/**
 * The counter-bid on tie k (i→j): β · need_i · R, R the largest reward an outside power offers j on
 * condition that j scale back its ties to i (ψ on the reverse tie, model/shocks/inducement.ts).
 * What i adds to the discount it concedes to j to keep it; 0 without such an offer.
 */
export function bidOf(cfg: ModelConfig, s: ModelState, k: number): number {
  const back = cfg.tieReverse[k] * D;
  let reward = 0;
  for (let d = 0; d < D; d++) reward = Math.max(reward, s.push.conditional[back + d]);
  return cfg.params.counterBid * s.need[cfg.tieFrom[k]] * reward;
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
