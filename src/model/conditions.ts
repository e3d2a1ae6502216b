/**
 * Actor and pair conditions after the shock phase (docs/model.md §5.3):
 * stress, need, dollar access, grievance, divergence, shared grievance, the
 * payment channel and realised trade. Each level moves a
 * fraction ρ of the way to its target per tick.
 */
import { clamp01, decay, decayMemo, inc } from './arrays.js';
import type { ModelConfig } from './config.js';
import { D, FINANCE } from './domains.js';
import { updateExchange } from './market.js';
import type { ModelState } from './state.js';

/**
 * Pressure with diminishing returns: from `base` toward 1, never reaching it,
 * 1 − (1 − base)·e^(−push). A hard clamp made every pressure beyond the first
 * sanctions on an actor change nothing (docs/model.md §5.3).
 */
export function saturate(base: number, push: number): number {
  return saturated(base, decay(push));
}

/** 1 − (1 − base)·decayed: `saturate` with e^(−push) already taken. */
function saturated(base: number, decayed: number): number {
  return 1 - (1 - base) * decayed;
}

/**
 * G_p = clamp(Σ_r min(g_ar, g_br)) over rivals r outside the pair. Only actors
 * someone holds a grievance against can contribute, so the sum runs over that
 * list (`rivals`, rebuilt each tick): O(P · rivals) rather than O(P · n).
 */
export function sharedGrievance(cfg: ModelConfig, grievance: Float64Array, p: number, rivals: Int32Array, count: number): number {
  const { n } = cfg;
  const a = cfg.pairA[p];
  const b = cfg.pairB[p];
  let sum = 0;
  for (let x = 0; x < count; x++) {
    const r = rivals[x];
    if (r !== a && r !== b) sum += Math.min(grievance[a * n + r], grievance[b * n + r]);
  }
  return clamp01(sum);
}

/** Fill `rivals` with every actor some actor holds a grievance against; return how many. */
function listRivals(n: number, grievance: Float64Array, rivals: Int32Array): number {
  let count = 0;
  for (let r = 0; r < n; r++) {
    for (let i = 0; i < n; i++) {
      if (grievance[i * n + r] > 0) {
        rivals[count++] = r;
        break;
      }
    }
  }
  return count;
}

/**
 * Stress and need move toward their saturated pressure; dollar access moves toward what financial
 * cuts leave, e^(−θ·cut), at ρ_a a month (banks exit correspondent relationships over months),
 * sped up by β_a (1 − a) as others' have gone: with β_a > 0 the exit is S-shaped. At β_a = 0 the factor
 * is exactly 1, so the first-order lag's numbers are unchanged to the bit.
 */
function actorLevels(cfg: ModelConfig, s: ModelState): void {
  const { n, params } = cfg;
  const push = s.push;
  const memo = s.decayMemo;
  const network = params.dollarNetwork;
  for (let i = 0; i < n; i++) {
    const stressed = saturated(cfg.stress0[i], decayMemo(push.stress[i], memo, 3 * i));
    inc(s.stress, i, params.stressRate * (stressed - s.stress[i]));
    inc(s.need, i, params.needRate * (saturated(0, decayMemo(push.need[i], memo, 3 * i + 1)) - s.need[i]));
    const access = decayMemo(params.dollarReach * push.financeCut[i], memo, 3 * i + 2);
    const a = s.dollarAccess[i];
    inc(s.dollarAccess, i, params.dollarRate * (1 - network + network * (1 - a)) * (access - a));
  }
}

function grievances(cfg: ModelConfig, s: ModelState): void {
  const { n, params } = cfg;
  const push = s.push;
  for (let x = 0; x < n * n; x++) {
    inc(s.grievance, x, params.grievanceRate * (clamp01(push.grievance[x]) - s.grievance[x]));
  }
}

/** Each pair's divergence and shared grievance. */
function pairAttitudes(cfg: ModelConfig, s: ModelState): void {
  const { n, P, params } = cfg;
  const rivalCount = listRivals(n, s.grievance, s.rivals);
  for (let p = 0; p < P; p++) {
    inc(s.divergence, p, params.divergenceRate * (Math.max(0, s.push.divergence[p]) - s.divergence[p]));
    s.shared[p] = sharedGrievance(cfg, s.grievance, p, s.rivals, rivalCount);
  }
}

/** Each pair's payment channel and realised trade: the exchange of payment-bound domains, as far as the channel clears it. */
function pairTrade(cfg: ModelConfig, s: ModelState): void {
  const { P, params } = cfg;
  const c = s.commitment;
  const pay = cfg.domains.payment;
  let paySum = 0;
  for (let d = 0; d < D; d++) paySum += pay[d];
  for (let p = 0; p < P; p++) {
    const a = cfg.pairA[p];
    const b = cfg.pairB[p];
    const ab = cfg.pairAB[p] * D;
    const ba = cfg.pairBA[p] * D;
    // Trade clears through dollar access, the pair's own finance ties, or informal routes.
    const conventional = Math.min(s.dollarAccess[a], s.dollarAccess[b]);
    // φ = 0 (the schema allows it): any mutual finance commitment carries all trade, none carries none (not 0/0).
    const mutualFinance = Math.min(c[ab + FINANCE], c[ba + FINANCE]);
    const own = mutualFinance <= 0 ? 0 : mutualFinance >= params.financeForTrade ? 1 : mutualFinance / params.financeForTrade;
    const channel = 1 - (1 - conventional) * (1 - own) * (1 - params.informalChannel);
    s.conventional[p] = conventional;
    s.channel[p] = channel;
    const exchanged = s.market.paid[p];
    const initial = cfg.exchangePaid0[p];
    s.volume[p] = initial > 0 ? exchanged / initial : 0;
    s.trade[p] = paySum > 0 ? (cfg.tradeScale[p] * exchanged * channel) / paySum : 0;
  }
}

/**
 * Every condition, in dependency order, each step a function of its own. Timed alone, one
 * function holding all five loops ran 712–737 ns a tick of the default scenario, these 591–604.
 */
export function updateConditions(cfg: ModelConfig, s: ModelState): void {
  actorLevels(cfg, s);
  grievances(cfg, s);
  pairAttitudes(cfg, s);
  updateExchange(cfg, s);
  pairTrade(cfg, s);
}
