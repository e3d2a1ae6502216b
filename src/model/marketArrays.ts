/**
 * What the market (model/market.ts, docs/model.md §5.3) reads of a config, made from the config's
 * topology and traits by the module that uses it: each pair's starting exchange and trade scale,
 * each actor's appetite and starting exchange in all. scenario/resolve.ts validates and lays out
 * the topology; it calls this for the rest.
 */
import type { ModelConfig } from './config.js';
import { D } from './domains.js';

export type MarketArrays = Pick<
  ModelConfig,
  'paymentComplementarity' | 'tradeScale' | 'exchange0' | 'exchangePaid0' | 'appetite' | 'exchangeTotal0'
>;

/** What the market's arrays are made of. */
export type MarketBasis = Pick<
  ModelConfig,
  'n' | 'P' | 'pairA' | 'pairB' | 'pairAB' | 'pairBA' | 'commitment0' | 'complementarity' | 'economy' | 'opportunism'
> & { readonly params: Pick<ModelConfig['params'], 'gravity'>; readonly domains: Pick<ModelConfig['domains'], 'payment'> };

/** `out` with element x set to f(x) (TypedArray.from with a map function takes V8's slow generic path). */
function filled<T extends Float64Array>(out: T, f: (x: number) => number): T {
  for (let x = 0; x < out.length; x++) out[x] = f(x);
  return out;
}

export function marketArrays(c: MarketBasis): MarketArrays {
  const { n, P, pairA, pairB, pairAB, pairBA, commitment0, complementarity, economy, opportunism } = c;
  const payment = c.domains.payment;
  let paymentTotal = 0;
  for (let d = 0; d < D; d++) paymentTotal += payment[d];
  // x0: the mutual commitment that carried each pair's trade in each payment-bound domain at the start.
  const exchange0 = filled(new Float64Array(P * D), (x) => {
    const p = Math.floor(x / D);
    const d = x % D;
    const ab = pairAB[p] * D;
    const ba = pairBA[p] * D;
    return payment[d] > 0 ? Math.min(commitment0[ab + d], commitment0[ba + d]) : 0;
  });
  return {
    // Σ_d payment_d · comp_pd / Σ_d payment_d: a pair's complementarity where trade is paid for.
    paymentComplementarity: filled(new Float64Array(P), (p) => {
      let sum = 0;
      for (let d = 0; d < D; d++) sum += payment[d] * complementarity[p * D + d];
      return paymentTotal > 0 ? sum / paymentTotal : 0;
    }),
    tradeScale: filled(new Float64Array(P), (p) => c.params.gravity * Math.sqrt(economy[pairA[p]] * economy[pairB[p]])),
    exchange0,
    exchangePaid0: filled(new Float64Array(P), (p) => {
      let sum = 0;
      for (let d = 0; d < D; d++) sum += payment[d] * exchange0[p * D + d];
      return sum;
    }),
    appetite: filled(new Float64Array(n), (i) => economy[i] * opportunism[i]),
    exchangeTotal0: filled(new Float64Array(n), (a) => {
      let sum = 0;
      for (let p = 0; p < P; p++) if (pairA[p] === a || pairB[p] === a) for (let d = 0; d < D; d++) sum += exchange0[p * D + d];
      return sum;
    }),
  };
}
