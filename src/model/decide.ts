/**
 * The decision step (docs/model.md §5.5): each actor moves each commitment by
 * a bounded step toward higher net marginal value, plus seeded noise:
 *   Δc = clamp(g_kd · (b_kd + Σ_m term_m,kd), −Δmax, Δmax) + σ·√3·(2u − 1),  c ∈ [0,1],
 * where the gain g_kd is η, bounded by the local curvature so that no step overshoots
 * (model/curvature.ts).
 * It runs on one block of ties at a time, on the sum of the block's terms the
 * mechanisms have just added up (s.termSum), and writes s.next, so every term
 * of the tick reads the same tick-start commitments.
 */
import { clamp01 } from './arrays.js';
import type { ModelConfig } from './config.js';
import { D } from './domains.js';
import type { Random } from './rng.js';
import type { ModelState } from './state.js';

export function decide(cfg: ModelConfig, s: ModelState, random: Random, gain: Float64Array, k0: number, k1: number): void {
  const { maxStep, noise } = cfg.params;
  const spread = noise * Math.sqrt(3);
  const { commitment: c, next, baseline, termSum } = s;
  const first = k0 * D;
  const len = (k1 - k0) * D;
  for (let o = 0; o < len; o++) {
    const x = first + o;
    const net = baseline[x] + termSum[o];
    // No variable reassigned along branches: inlined into the tick, V8 boxed such a
    // value on the heap for every element.
    const move = Math.min(maxStep, Math.max(-maxStep, gain[x] * net));
    const shake = spread > 0 ? spread * (2 * random() - 1) : 0;
    next[x] = clamp01(c[x] + (move + shake));
  }
}
