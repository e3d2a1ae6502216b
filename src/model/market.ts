/**
 * Exchange: what a pair trades because it pays for itself (docs/model.md §5.3).
 * Nothing here moves a commitment; commitments move only through the mechanisms.
 *
 * Each pair's exchange in a payment-bound domain has two parts:
 * - its own: x0_pd · ½(g_ab + g_ba) · open_pd, with g_ij = 1 + ν·need_i + μ·need_j + κ·conc_ji
 *   (each side's need for substitutes, the other's open market, the discount received),
 *   and open_pd = e^(−barrier), the sanctions on exchange in either direction of the pair in d
 *   (the sender's own, and third parties' exposure to secondary sanctions; shocks.ts);
 * - redirected: what sanctions closed elsewhere. Actor i's closed exchange in d,
 *   L_id = Σ_{p ∋ i} x0_pd (1 − open_pd), is bought by i's open partners in proportion to
 *   their appetite w_j = E_j · opportunism_j · open_pd (a large economy willing to deal with
 *   a sanctioned seller), up to a share ψ (model.redirection) of it.
 * Exchange falls at once when its target falls (a contract is cancelled on the day) and
 * rises toward it at ρ_x a month (a new buyer, route or fleet takes months).
 *
 * The glut of actor i is the share of its initial exchange that sanctions closed and
 * no buyer has yet taken: glut_i = Σ_d (L_id − R_id)⁺ / Σ_d S_id, with R_id the exchange
 * redirected to i's pairs so far and S_id = Σ_p x0_pd. It spikes when a barrier closes and
 * falls as buyers compete for what is on offer: the discount a seller concedes follows it
 * (social.ts), so bargaining power comes from outside options, not from a fixed share.
 */
import { decay, inc } from './arrays.js';
import type { ModelConfig } from './config.js';
import { D } from './domains.js';
import type { ModelState } from './state.js';

/** open_pd of every pair and payment-bound domain, and each actor's closed exchange and partners' appetite. */
function openness(cfg: ModelConfig, s: ModelState): void {
  const { barrier } = s.push;
  const { open, closed, appetite } = s.market;
  const pay = cfg.domains.payment;
  closed.fill(0);
  appetite.fill(0);
  for (let p = 0; p < cfg.P; p++) {
    const a = cfg.pairA[p] as number;
    const b = cfg.pairB[p] as number;
    const kab = (cfg.pairAB[p] as number) * D;
    const kba = (cfg.pairBA[p] as number) * D;
    for (let d = 0; d < D; d++) {
      if ((pay[d] as number) === 0) continue;
      const o = decay((barrier[kab + d] as number) + (barrier[kba + d] as number));
      open[p * D + d] = o;
      const lost = (cfg.exchange0[p * D + d] as number) * (1 - o);
      inc(closed, a * D + d, lost);
      inc(closed, b * D + d, lost);
      inc(appetite, a * D + d, (cfg.appetite[b] as number) * o);
      inc(appetite, b * D + d, (cfg.appetite[a] as number) * o);
    }
  }
}

/** Move toward target: at once if it is lower, at `rate` if it is higher. */
function follow(x: Float64Array, at: number, target: number, rate: number): void {
  const now = x[at] as number;
  x[at] = target < now ? target : now + rate * (target - now);
}

export function updateExchange(cfg: ModelConfig, s: ModelState): void {
  const { needGain, marketGain, concessionGain, exchangeRate, redirection } = cfg.params;
  const pay = cfg.domains.payment;
  const { open, closed, appetite, redirected, received } = s.market;
  openness(cfg, s);
  received.fill(0);
  for (let p = 0; p < cfg.P; p++) {
    const a = cfg.pairA[p] as number;
    const b = cfg.pairB[p] as number;
    const needA = s.need[a] as number;
    const needB = s.need[b] as number;
    const gainA = 1 + needGain * needA + marketGain * needB + concessionGain * (s.concession[cfg.pairBA[p] as number] as number);
    const gainB = 1 + needGain * needB + marketGain * needA + concessionGain * (s.concession[cfg.pairAB[p] as number] as number);
    const opportunity = 0.5 * (gainA + gainB);
    let paidSum = 0;
    for (let d = 0; d < D; d++) {
      const pd = pay[d] as number;
      if (pd === 0) continue;
      const x = p * D + d;
      const o = open[x] as number;
      follow(s.own, x, (cfg.exchange0[x] as number) * opportunity * o, exchangeRate);
      const fromA = share(closed, appetite, a * D + d, (cfg.appetite[b] as number) * o);
      const fromB = share(closed, appetite, b * D + d, (cfg.appetite[a] as number) * o);
      const total = fromA + fromB;
      // Most pairs, most ticks: nothing closed on either side, nothing redirected here.
      if (total > 0 || (redirected[x] as number) !== 0) {
        follow(redirected, x, redirection * total, exchangeRate);
        // What each side has placed with new buyers, in proportion to what it redirected here.
        if (total > 0) {
          inc(received, a * D + d, ((redirected[x] as number) * fromA) / total);
          inc(received, b * D + d, ((redirected[x] as number) * fromB) / total);
        }
      }
      const exchange = (s.own[x] as number) + (redirected[x] as number);
      s.exchange[x] = exchange;
      paidSum += pd * exchange;
    }
    s.market.paid[p] = paidSum;
  }
  for (let i = 0; i < cfg.n; i++) {
    let unplaced = 0;
    for (let d = 0; d < D; d++) unplaced += Math.max(0, (closed[i * D + d] as number) - (received[i * D + d] as number));
    const initial = cfg.exchangeTotal0[i] as number;
    s.glut[i] = initial > 0 ? unplaced / initial : 0;
  }
}

/** The part of closed[at] that a partner of appetite w takes, of all partners' appetite[at]. */
function share(closed: Float64Array, appetite: Float64Array, at: number, w: number): number {
  const lost = closed[at] as number;
  if (lost === 0) return 0;
  const all = appetite[at] as number;
  return all > 0 ? (lost * w) / all : 0;
}
