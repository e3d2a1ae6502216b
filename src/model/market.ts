/**
 * Exchange: what a pair trades because it pays for itself (docs/model.md §5.3).
 * Nothing here moves a commitment; commitments move only through the mechanisms.
 *
 * Each pair's exchange in a payment-bound domain has two parts:
 * - its own: x0_pd · open_pd · (1 + ½(ν + μ)(need_a + need_b) · open_pd + ½κ(conc_ab + conc_ba)):
 *   each side's need for substitutes and the other's market opening as others leave (sought
 *   where the market is open, so counted with open_pd again), and the discounts received;
 *   open_pd = e^(−barrier), the sanctions on exchange in either direction of the pair in d (the
 *   sender's own, and third parties' exposure to secondary sanctions; shocks.ts);
 * - redirected: what sanctions closed elsewhere. Each unit lost_q = x0_qd (1 − open_qd) that
 *   actor i lost with partner k is offered to i's *other* partners in proportion to their
 *   appetite w_j = E_j · opportunism_j · open_pd (a large economy willing to deal with a
 *   sanctioned seller), and a pair takes up to a share ψ (model.redirection) of what both its
 *   sides offer it. A pair never takes back its own closed exchange.
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

/**
 * open_pd of every pair and payment-bound domain; each actor's closed exchange and its partners' appetite;
 * then each actor's offer, its closed exchange per unit of appetite of the partners it was not lost with.
 */
function openness(cfg: ModelConfig, s: ModelState): void {
  const { barrier } = s.push;
  const { open, openFrom, closed, appetite, offer } = s.market;
  const pays = cfg.domains.paymentDomains;
  closed.fill(0);
  appetite.fill(0);
  offer.fill(0);
  let anyClosed = false;
  for (let p = 0; p < cfg.P; p++) {
    const a = cfg.pairA[p];
    const b = cfg.pairB[p];
    const kab = cfg.pairAB[p] * D;
    const kba = cfg.pairBA[p] * D;
    const wA = cfg.appetite[a];
    const wB = cfg.appetite[b];
    for (let q = 0; q < pays.length; q++) {
      const d = pays[q];
      // Barriers hold for months: e^(−x) of the sum last computed is reused, the same bits (NaN never equals).
      const x = p * D + d;
      const sum = barrier[kab + d] + barrier[kba + d];
      if (sum !== openFrom[x]) {
        open[x] = decay(sum);
        openFrom[x] = sum;
      }
      const o = open[x];
      const lost = cfg.exchange0[x] * (1 - o);
      // lost ≥ +0, and adding +0 to a sum that began at +0 changes no bit: most pairs lose nothing.
      if (lost !== 0) {
        if (lost > 0) anyClosed = true;
        inc(closed, a * D + d, lost);
        inc(closed, b * D + d, lost);
      }
      inc(appetite, a * D + d, wB * o);
      inc(appetite, b * D + d, wA * o);
    }
  }
  if (!anyClosed) return;
  for (let p = 0; p < cfg.P; p++) {
    const a = cfg.pairA[p];
    const b = cfg.pairB[p];
    for (let q = 0; q < pays.length; q++) {
      const d = pays[q];
      const o = open[p * D + d];
      const lost = cfg.exchange0[p * D + d] * (1 - o);
      if (lost === 0) continue;
      inc(offer, a * D + d, perOther(lost, appetite[a * D + d], cfg.appetite[b] * o));
      inc(offer, b * D + d, perOther(lost, appetite[b * D + d], cfg.appetite[a] * o));
    }
  }
}

/** lost / (A − w): what was lost with a partner of appetite w, per unit of the others' appetite (0 if there are none). */
function perOther(lost: number, all: number, w: number): number {
  const others = all - w;
  return others > 1e-12 * all ? lost / others : 0;
}

/** Move toward target: at once if it is lower, at `rate` if it is higher. */
function follow(x: Float64Array, at: number, target: number, rate: number): void {
  const now = x[at];
  x[at] = target < now ? target : now + rate * (target - now);
}

export function updateExchange(cfg: ModelConfig, s: ModelState): void {
  const { needGain, marketGain, concessionGain, exchangeRate, redirection } = cfg.params;
  const pay = cfg.domains.payment;
  const pays = cfg.domains.paymentDomains;
  const { open, closed, appetite, offer, redirected, received } = s.market;
  openness(cfg, s);
  received.fill(0);
  for (let p = 0; p < cfg.P; p++) {
    const a = cfg.pairA[p];
    const b = cfg.pairB[p];
    const needA = s.need[a];
    const needB = s.need[b];
    // What need adds (½(g_ab + g_ba) − 1 from the need terms) and what the discounts add.
    const needed = 0.5 * (needGain + marketGain) * (needA + needB);
    const discounted = 0.5 * concessionGain * (s.concession[cfg.pairBA[p]] + s.concession[cfg.pairAB[p]]);
    let paidSum = 0;
    for (let q = 0; q < pays.length; q++) {
      const d = pays[q];
      const pd = pay[d];
      const x = p * D + d;
      const o = open[x];
      // Substitutes are sought where the market is open: need adds exchange in proportion to o, on top of the
      // share o that the barrier leaves, so a pair whose barrier causes the need does not trade more for it.
      follow(s.own, x, cfg.exchange0[x] * o * (1 + needed * o + discounted), exchangeRate);
      // Each side's exchange lost with its other partners, shared among all partners but the one it was
      // lost with: a pair never takes back its own closed exchange.
      // With nothing lost here, perOther is +0 and offer − (+0) is offer, bit for bit: the divisions are skipped.
      const lostHere = cfg.exchange0[x] * (1 - o);
      const wB = cfg.appetite[b] * o;
      const wA = cfg.appetite[a] * o;
      const offerA = offer[a * D + d];
      const offerB = offer[b * D + d];
      const fromA = wB * (lostHere === 0 ? offerA : offerA - perOther(lostHere, appetite[a * D + d], wB));
      const fromB = wA * (lostHere === 0 ? offerB : offerB - perOther(lostHere, appetite[b * D + d], wA));
      const total = fromA + fromB;
      // Most pairs, most ticks: nothing closed on either side, nothing redirected here.
      if (total > 0 || redirected[x] !== 0) {
        follow(redirected, x, redirection * total, exchangeRate);
        // What each side has placed with new buyers, in proportion to what it redirected here.
        if (total > 0) {
          inc(received, a * D + d, (redirected[x] * fromA) / total);
          inc(received, b * D + d, (redirected[x] * fromB) / total);
        }
      }
      const exchange = s.own[x] + redirected[x];
      s.exchange[x] = exchange;
      paidSum += pd * exchange;
    }
    s.market.paid[p] = paidSum;
  }
  for (let i = 0; i < cfg.n; i++) {
    let unplaced = 0;
    for (let d = 0; d < D; d++) unplaced += Math.max(0, closed[i * D + d] - received[i * D + d]);
    const initial = cfg.exchangeTotal0[i];
    s.glut[i] = initial > 0 ? unplaced / initial : 0;
  }
}
