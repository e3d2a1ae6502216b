/**
 * Depth and each direction's cost-weighted commitment, read off a state's commitments: the
 * outcomes every report, comparison and observable is about (docs/model.md §2). They are
 * computed from the state, not kept in it (model/state.ts).
 */
import type { ModelConfig } from './config.js';
import { mutualSum, weightedSum } from './domainSums.js';
import { D } from './domains.js';

/** Σ_d w_d, summed in domain order: the denominator of pairDepth. */
function weightTotal(w: Float64Array): number {
  let den = 0;
  for (let d = 0; d < D; d++) den += w[d];
  return den;
}

/** depth = Σ_d w_d · min(c_ab,d, c_ba,d) / Σ_d w_d, in [0,1]. */
export function pairDepth(cfg: ModelConfig, commitment: Float64Array, p: number): number {
  const w = cfg.domains.cost;
  return mutualSum(w, commitment, cfg.pairAB[p] * D, cfg.pairBA[p] * D) / weightTotal(w);
}

/** pairDepth of every pair into out[p], what is common to the pairs read once: the observer of every tick of every run. */
export function pairDepths(cfg: ModelConfig, commitment: Float64Array, out: Float64Array): void {
  const w = cfg.domains.cost;
  const den = weightTotal(w);
  const { pairAB, pairBA } = cfg;
  for (let p = 0; p < cfg.P; p++) out[p] = mutualSum(w, commitment, pairAB[p] * D, pairBA[p] * D) / den;
}

/** Tie k's cost-weighted commitment, Σ_d w_d c_kd / Σ_d w_d: one entry of pairCommitments. */
export function tieCommitted(cfg: ModelConfig, commitment: Float64Array, k: number): number {
  const w = cfg.domains.cost;
  return weightedSum(w, commitment, k * D) / weightTotal(w);
}

/**
 * One direction's cost-weighted commitment of every pair, Σ_d w_d c_kd / Σ_d w_d into out[p], with
 * k = ties[p] (cfg.pairAB: a's toward b; cfg.pairBA: b's toward a). Depth is their common part.
 */
export function pairCommitments(cfg: ModelConfig, commitment: Float64Array, ties: Int32Array, out: Float64Array): void {
  const w = cfg.domains.cost;
  const den = weightTotal(w);
  for (let p = 0; p < cfg.P; p++) out[p] = weightedSum(w, commitment, ties[p] * D) / den;
}
