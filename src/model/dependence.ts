/** Dependence: an output of the state, computed on collection (ties.csv, observables). */
import { inc } from './arrays.js';
import type { ModelConfig } from './config.js';
import { D, TRADE } from './domains.js';
import type { ModelState } from './state.js';

/**
 * Each tie's dependence, from the structure of trade: the share of the `from` actor's
 * critical supply (goods, the trade domain's exchange as cleared) that the `to` actor
 * provides, each partner's supply weighted by its economy (what it can make):
 *   dep_ij = E_j x_p,trade ch_p / Σ_j' E_j' x_p',trade ch_p'.
 * It changes as trade does: when sanctions close an actor's other sources, the partner
 * left supplies a larger share of what it needs. Only the autonomy mechanism reads it (off by
 * default): the tick loop computes it every tick where that mechanism is on, and otherwise, like
 * costs (social.ts), it is computed when collected.
 */
export function updateDependence(cfg: ModelConfig, s: ModelState): Float64Array {
  const supply = s.supply;
  supply.fill(0);
  for (let p = 0; p < cfg.P; p++) {
    const a = cfg.pairA[p];
    const b = cfg.pairB[p];
    const goods = s.exchange[p * D + TRADE] * s.channel[p];
    inc(supply, a, cfg.economy[b] * goods);
    inc(supply, b, cfg.economy[a] * goods);
  }
  for (let k = 0; k < cfg.K; k++) {
    const p = cfg.tiePair[k];
    const i = cfg.tieFrom[k];
    const j = cfg.tieTo[k];
    const total = supply[i];
    s.dependence[k] = total > 0 ? (cfg.economy[j] * s.exchange[p * D + TRADE] * s.channel[p]) / total : 0;
  }
  return s.dependence;
}
