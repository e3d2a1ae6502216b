/**
 * What the market (model/market.ts, docs/model.md §5.3) reads of a config, made from the config's
 * topology and traits by the module that uses it: each pair's starting exchange and trade scale,
 * each pair's size and the direction of its exchange, each actor's appetite as a buyer in each domain and what
 * it sold at the start. scenario/resolve.ts validates and lays out
 * the topology; it calls this for the rest.
 */
import type { ModelConfig } from './config.js';
import { D } from './domains.js';

export type MarketArrays = Pick<
  ModelConfig,
  'paymentComplementarity' | 'tradeScale' | 'pairSize' | 'sells' | 'exchange0' | 'exchangePaid0' | 'appetite' | 'willingness' | 'sales0'
>;

/** What the market's arrays are made of. */
export type MarketBasis = Pick<
  ModelConfig,
  | 'n'
  | 'P'
  | 'pairA'
  | 'pairB'
  | 'pairAB'
  | 'pairBA'
  | 'commitment0'
  | 'complementarity'
  | 'economy'
  | 'opportunism'
  | 'netExports'
  | 'importIntensity'
> & { readonly params: Pick<ModelConfig['params'], 'gravity'>; readonly domains: Pick<ModelConfig['domains'], 'payment'> };

/** `out` with element x set to f(x) (TypedArray.from with a map function takes V8's slow generic path). */
function filled<T extends Float64Array>(out: T, f: (x: number) => number): T {
  for (let x = 0; x < out.length; x++) out[x] = f(x);
  return out;
}

export function marketArrays(c: MarketBasis): MarketArrays {
  const { n, P, pairA, pairB, pairAB, pairBA, commitment0, complementarity, economy, opportunism, netExports, importIntensity } = c;
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
  const pairSize = filled(new Float64Array(P), (p) => Math.sqrt(economy[pairA[p]] * economy[pairB[p]]));
  // σ = x_a m_b / (x_a m_b + x_b m_a), with x = (1 + e)/2 the share of an actor's trade in d that it
  // exports and m = (1 − e)/2 the share it imports: a flow goes from an exporter to an importer, so an
  // actor that only sells (e = 1) buys nothing from anyone, and two balanced traders sell each other
  // half. Two pure sellers (or buyers) have no flow either way to split: half each.
  const sells = filled(new Float64Array(P * D), (x) => {
    const p = Math.floor(x / D);
    const d = x % D;
    const ea = netExports[pairA[p] * D + d];
    const eb = netExports[pairB[p] * D + d];
    const ab = (1 + ea) * (1 - eb);
    const ba = (1 + eb) * (1 - ea);
    return ab + ba > 0 ? ab / (ab + ba) : 0.5;
  });
  return {
    // Σ_d payment_d · comp_pd / Σ_d payment_d: a pair's complementarity where trade is paid for.
    paymentComplementarity: filled(new Float64Array(P), (p) => {
      let sum = 0;
      for (let d = 0; d < D; d++) sum += payment[d] * complementarity[p * D + d];
      return paymentTotal > 0 ? sum / paymentTotal : 0;
    }),
    tradeScale: filled(new Float64Array(P), (p) => c.params.gravity * pairSize[p]),
    pairSize,
    sells,
    exchange0,
    exchangePaid0: filled(new Float64Array(P), (p) => {
      let sum = 0;
      for (let d = 0; d < D; d++) sum += payment[d] * exchange0[p * D + d];
      return sum;
    }),
    // How much each would take of a sanctioned seller's goods: a large importer that buys on price.
    appetite: filled(new Float64Array(n * D), (x) => economy[Math.floor(x / D)] * opportunism[Math.floor(x / D)] * importIntensity[x]),
    // How readily each would sell to a sanctioned buyer: a large economy willing to deal.
    willingness: filled(new Float64Array(n), (i) => economy[i] * opportunism[i]),
    sales0: filled(new Float64Array(n), (i) => {
      let sum = 0;
      for (let p = 0; p < P; p++) {
        const side = pairA[p] === i ? 1 : pairB[p] === i ? 0 : -1;
        if (side < 0) continue;
        for (let d = 0; d < D; d++) {
          const x = p * D + d;
          sum += (side === 1 ? sells[x] : 1 - sells[x]) * exchange0[x] * pairSize[p];
        }
      }
      return sum;
    }),
  };
}
