/**
 * Actors' welfare (docs/model.md §5.7): the value to each actor of the
 * commitments it holds, measured with the same marginal values it decides by.
 *
 * Every term is affine in the commitment it values: term_kd(x) = A + s_kd·x with
 * s_kd = Σ_m ∂term_m,kd/∂c_kd ≤ 0 (commitment cost, inertia, reciprocity). The
 * surplus of holding c rather than nothing, the rest of the state fixed at
 * tick t, is the area under the marginal value M_kd(x) = b_kd + Σ_m term_m,kd(x):
 *   ∫₀^c M(x) dx = c·M(c) − ½ s c².
 * So W_i = Σ_{k from i, d} (c_kd M_kd − ½ s_kd c_kd²) − p_I · inducements paid_i − Σ_{k from i} T_k + Σ_{k to i} T_k,
 * where p_I (model.inducementPrice) converts an inducement's size into value, and
 * T_k is what i's concession is worth to its partner j on the exchange it applies to,
 * α_E κ conc_k Σ_d comp_pd ch_pd x_pd (a discount on every barrel). The giver loses
 * what the receiver gains, so a concession moves welfare from one to the other
 * without creating any. The exchange itself pays for itself and adds nothing here.
 * The decision step is a bounded gradient ascent on W_i, one commitment at a
 * time (∂W_i/∂c_kd = M_kd), which is what makes this the welfare consistent with
 * the model's choices; costs borne (social.ts) count costs only, not value.
 * Evaluated on each tick's terms, i.e. at the commitments held as the tick's
 * decisions are made.
 */
import type { ModelConfig } from './config.js';
import { D } from './domains.js';
import type { ModelState } from './state.js';
import type { Tap } from './tap.js';

/**
 * Keep each actor's welfare in `welfare[i]`, every tick: a tap (model/tap.ts). `block` is the
 * largest block's length in ties, for the net marginal values M of one block.
 */
export function welfareTap(welfare: Float64Array, block: number): Tap {
  const marginal = new Float64Array(block * D);
  return {
    tick(cfg, s) {
      startWelfare(cfg, s, welfare, concessionValue(cfg));
    },
    block(cfg, s, _bound, k0, k1) {
      const { baseline, termSum } = s;
      for (let o = 0, first = k0 * D, len = (k1 - k0) * D; o < len; o++) marginal[o] = baseline[first + o] + termSum[o];
      accumulateWelfare(cfg, s, welfare, marginal, k0, k1);
    },
  };
}

/**
 * Σ_d comp_pd (1 − pay_d + pay_d · ch_p) x_pd: what a unit of concession on pair p's exchange is
 * worth to its receiver, per unit of α_E κ (a discount on every barrel the channel clears).
 */
export function exchangeWorth(cfg: ModelConfig, s: ModelState, p: number): number {
  const pay = cfg.domains.payment;
  const channel = s.channel[p];
  let worth = 0;
  for (let d = 0; d < D; d++) {
    const pd = pay[d];
    worth += cfg.complementarity[p * D + d] * (1 - pd + pd * channel) * s.exchange[p * D + d];
  }
  return worth;
}

/** The value per unit of a concession on the exchange it discounts, α_E κ (0 when economicGain is off). */
export function concessionValue(cfg: ModelConfig): number {
  const gain = cfg.mechanisms.find((m) => m.name === 'economicGain');
  return (gain?.weight ?? 0) * cfg.params.concessionGain;
}

/** Start the tick's welfare at the transfers each actor makes and receives: inducements paid, concessions given and received. */
function startWelfare(cfg: ModelConfig, s: ModelState, w: Float64Array, concessionRate: number): void {
  const price = cfg.params.inducementPrice;
  for (let i = 0; i < cfg.n; i++) w[i] = -price * s.push.spend[i];
  for (let k = 0; k < cfg.K; k++) {
    const transfer = concessionRate * s.concession[k] * exchangeWorth(cfg, s, cfg.tiePair[k]);
    const i = cfg.tieFrom[k];
    const j = cfg.tieTo[k];
    w[i] -= transfer;
    w[j] += transfer;
  }
}

/**
 * Add the surplus of ties k0..k1−1, from the block's net marginal values M = b + Σ_m term
 * (marginal[(k − k0)·D + d]) and the tick-start commitments (the step writes s.next, not s.commitment).
 */
function accumulateWelfare(cfg: ModelConfig, s: ModelState, w: Float64Array, marginal: Float64Array, k0: number, k1: number): void {
  const slope = s.ownSlope;
  const c = s.commitment;
  for (let k = k0; k < k1; k++) {
    let surplus = 0;
    for (let d = 0; d < D; d++) {
      const x = k * D + d;
      const cx = c[x];
      surplus += cx * marginal[(k - k0) * D + d] - 0.5 * slope[x] * cx * cx;
    }
    const i = cfg.tieFrom[k];
    w[i] += surplus;
  }
}
