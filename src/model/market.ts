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
 * - redirected: what sanctions closed elsewhere. Exchange has a direction: a sells the share
 *   σ_pd (config.sells) of the pair's exchange to b, b the rest to a. What a seller i lost with
 *   partner k, worth lost_q = σ x0_qd (1 − open_qd) √(E_i E_k), is offered to i's *other* buyers
 *   in proportion to their appetite v_j = E_j · opportunism_j · m_jd · open_pd · σ_ij (a large
 *   importer of d's goods, m its import intensity, willing to deal with a sanctioned seller, as
 *   far as it buys from i in d; 0 in a pair where either side sanctions the other's exchange
 *   in d: a sender neither buys nor sells what it bars), and a pair takes up to a share ψ (model.redirection) of what
 *   is offered it. Buyers look for sellers the same
 *   way: what buyer i could no longer buy from k is sought from i's *other* sellers in
 *   proportion to their willingness u_j = E_j · opportunism_j · open_pd · σ_ji (0 in an
 *   embargoed pair). Worth is kept, not units: a pair takes what it is offered divided
 *   by its own √(E_a E_b). A pair never takes back its own closed exchange. Only the seller's
 *   side makes a glut: a buyer's lost purchases are demand it places elsewhere, not supply it
 *   must sell at a discount.
 * Exchange falls at once when its target falls (a contract is cancelled on the day) and
 * rises toward it at ρ_x a month (a new buyer, route or fleet takes months).
 *
 * The glut of a seller i is the share of its initial sales that sanctions closed and no buyer
 * has yet taken: glut_i = Σ_d (L_id − R_id)⁺ / S_i, with L_id what it lost, R_id what it has
 * placed with new buyers so far and S_i its initial sales (config.sales0). The discount it
 * concedes follows its markdown (social.ts): the glut with each domain weighted by how
 * concentrated its remaining buyers are, m_i = Σ_d (L_id − R_id)⁺ H_id / S_i, where
 * H_id = Σ_j v_ij² / (Σ_j v_ij)² is the buyers' Herfindahl index (1 with one buyer or none).
 * In Cournot oligopsony the markdown a seller bears is H over its supply elasticity (docs/model.md
 * §5.3a): one buyer left takes the whole glut's discount; two of equal appetite, half of it.
 * So the discount comes from how many buyers bid for the glut and how much each wants, and a
 * buyer's own lost purchases never become a discount it concedes.
 */
import { decay, inc } from './arrays.js';
import type { ModelConfig } from './config.js';
import { D } from './domains.js';
import type { ModelState } from './state.js';

/**
 * open_pd of every pair and payment-bound domain; each seller's closed sales and its buyers' appetite
 * (and the appetite's sum of squares, for concentration), each buyer's closed purchases and its
 * sellers' willingness; then each seller's offer, its closed sales per unit of appetite of the
 * buyers it did not lose them with, and each buyer's wants, its closed purchases per unit of
 * willingness of the sellers it did not lose them with.
 */
function openness(cfg: ModelConfig, s: ModelState): void {
  const { barrier, embargo } = s.push;
  const { open, openFrom, closed, appetite, appetiteSquared, offer, sourcing, wanted, buyA, buyB, sellA, sellB } = s.market;
  const pays = cfg.domains.paymentDomains;
  closed.fill(0);
  appetite.fill(0);
  appetiteSquared.fill(0);
  offer.fill(0);
  sourcing.fill(0);
  wanted.fill(0);
  let anyClosed = false;
  for (let p = 0; p < cfg.P; p++) {
    const a = cfg.pairA[p];
    const b = cfg.pairB[p];
    const kab = cfg.pairAB[p] * D;
    const kba = cfg.pairBA[p] * D;
    const size = cfg.pairSize[p];
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
      const sold = cfg.sells[x];
      const lost = cfg.exchange0[x] * (1 - o) * size;
      // lost ≥ +0, and adding +0 to a sum that began at +0 changes no bit: most pairs lose nothing.
      if (lost !== 0) {
        if (lost > 0) anyClosed = true;
        inc(closed, a * D + d, lost * sold);
        inc(closed, b * D + d, lost * (1 - sold));
      }
      // A pair either side of which embargoes the other's exchange in d takes none of anyone's redirected trade.
      const barred = embargo[kab + d] + embargo[kba + d];
      const vB = bids(cfg.appetite[b * D + d], barred) * o * sold;
      const vA = bids(cfg.appetite[a * D + d], barred) * o * (1 - sold);
      const uB = sells(cfg, b, barred) * o * (1 - sold);
      const uA = sells(cfg, a, barred) * o * sold;
      buyB[x] = vB;
      buyA[x] = vA;
      sellB[x] = uB;
      sellA[x] = uA;
      inc(appetite, a * D + d, vB);
      inc(appetiteSquared, a * D + d, vB * vB);
      inc(appetite, b * D + d, vA);
      inc(appetiteSquared, b * D + d, vA * vA);
      inc(sourcing, a * D + d, uB);
      inc(sourcing, b * D + d, uA);
    }
  }
  if (!anyClosed) return;
  for (let p = 0; p < cfg.P; p++) {
    const a = cfg.pairA[p];
    const b = cfg.pairB[p];
    const size = cfg.pairSize[p];
    for (let q = 0; q < pays.length; q++) {
      const d = pays[q];
      const x = p * D + d;
      const lost = cfg.exchange0[x] * (1 - open[x]) * size;
      if (lost === 0) continue;
      const sold = cfg.sells[x];
      // a lost lost·σ of sales (to b) and lost·(1 − σ) of purchases (from b); b the reverse.
      inc(offer, a * D + d, perOther(lost * sold, appetite[a * D + d], buyB[x]));
      inc(offer, b * D + d, perOther(lost * (1 - sold), appetite[b * D + d], buyA[x]));
      inc(wanted, a * D + d, perOther(lost * (1 - sold), sourcing[a * D + d], sellB[x]));
      inc(wanted, b * D + d, perOther(lost * sold, sourcing[b * D + d], sellA[x]));
    }
  }
}

/**
 * A seller's willingness to sell to a sanctioned buyer, E_j · opportunism_j (a large economy willing to
 * deal), or 0 while either side embargoes the pair's exchange: a sender does not trade what it bars.
 */
function sells(cfg: ModelConfig, j: number, embargo: number): number {
  return embargo > 0 ? 0 : cfg.willingness[j];
}

/** A buyer's appetite w, or 0 while either side embargoes the pair's exchange (embargo > 0): a sender does not trade what it bars. */
function bids(w: number, embargo: number): number {
  return embargo > 0 ? 0 : w;
}

/** lost / (A − w): what was lost with a buyer of appetite w, per unit of the other buyers' appetite (0 if there are none). */
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
  const { open, closed, appetite, appetiteSquared, offer, sourcing, wanted, redirected, received, buyA, buyB, sellA, sellB } = s.market;
  openness(cfg, s);
  received.fill(0);
  for (let p = 0; p < cfg.P; p++) {
    const a = cfg.pairA[p];
    const b = cfg.pairB[p];
    const needA = s.need[a];
    const needB = s.need[b];
    const size = cfg.pairSize[p];
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
      // Each seller's sales lost with its other buyers, shared among all its buyers but the one it lost them
      // with, and each buyer's purchases likewise among its sellers: a pair never takes back its own closed
      // exchange. Worth offered, in units of √(E_a E_b).
      // With nothing lost here, perOther is +0 and offer − (+0) is offer, bit for bit: the divisions are skipped.
      const lostHere = cfg.exchange0[x] * (1 - o) * size;
      const sold = cfg.sells[x];
      const vB = buyB[x];
      const vA = buyA[x];
      const uB = sellB[x];
      const uA = sellA[x];
      const offerA = offer[a * D + d];
      const offerB = offer[b * D + d];
      const wantedA = wanted[a * D + d];
      const wantedB = wanted[b * D + d];
      // What a's and b's lost sales bring this pair (b or a buys them), then what their lost purchases bring it.
      const fromA = vB * (lostHere === 0 ? offerA : offerA - perOther(lostHere * sold, appetite[a * D + d], vB));
      const fromB = vA * (lostHere === 0 ? offerB : offerB - perOther(lostHere * (1 - sold), appetite[b * D + d], vA));
      const forA = uB * (lostHere === 0 ? wantedA : wantedA - perOther(lostHere * (1 - sold), sourcing[a * D + d], uB));
      const forB = uA * (lostHere === 0 ? wantedB : wantedB - perOther(lostHere * sold, sourcing[b * D + d], uA));
      const total = fromA + fromB + forA + forB;
      // Most pairs, most ticks: nothing closed on either side, nothing redirected here.
      if (total > 0 || redirected[x] !== 0) {
        follow(redirected, x, (redirection * total) / size, exchangeRate);
        // What each seller has placed with new buyers: its share of what was redirected here (its glut falls by it).
        if (total > 0) {
          const placed = redirected[x] * size;
          inc(received, a * D + d, (placed * fromA) / total);
          inc(received, b * D + d, (placed * fromB) / total);
        }
      }
      const exchange = s.own[x] + redirected[x];
      s.exchange[x] = exchange;
      paidSum += pd * exchange;
    }
    s.market.paid[p] = paidSum;
  }
  const buyerPower = cfg.params.buyerPower;
  for (let i = 0; i < cfg.n; i++) {
    let unplaced = 0;
    let markdown = 0;
    for (let d = 0; d < D; d++) {
      const x = i * D + d;
      const left = closed[x] - received[x];
      // ≤ 0: nothing left to sell (a NaN goes on, so model/finite.ts sees it in the glut).
      if (left <= 0) continue;
      unplaced += left;
      // H = Σv² / (Σv)²: 1 with a single buyer, and with none (no one left to compete for the glut).
      // Divided twice, not by (Σv)², which a tiny appetite underflows to 0: H stays in [0, 1].
      const all = appetite[x];
      const h = all > 0 ? appetiteSquared[x] / all / all : 1;
      // H^κ (κ = buyerPower): 1 is Cournot oligopsony, 0 the glut alone; at 1 no power is taken (the same bits, faster).
      markdown += left * (buyerPower === 1 ? h : h ** buyerPower);
    }
    const initial = cfg.sales0[i];
    s.glut[i] = initial > 0 ? unplaced / initial : 0;
    s.markdown[i] = initial > 0 ? markdown / initial : 0;
  }
}
