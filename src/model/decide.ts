/**
 * The decision step (docs/model.md §5.5): each actor moves each commitment by
 * a bounded step toward higher net marginal value, plus seeded noise:
 *   Δc = clamp(η · (b_kd + Σ_m term_m,kd), −Δmax, Δmax) + σ·√3·(2u − 1),  c ∈ [0,1].
 */
import { clamp01 } from './arrays.js';
import type { ModelConfig } from './config.js';
import { D } from './domains.js';
import type { Random } from './rng.js';
import type { ModelState } from './state.js';

/** Σ_m term_m,x + b_x: the net marginal value of tie-domain x. */
export function netValue(s: ModelState, x: number, mechanisms: number, stride: number): number {
  let sum = s.baseline[x] as number;
  for (let m = 0; m < mechanisms; m++) sum += s.contributions[m * stride + x] as number;
  return sum;
}

export function decide(cfg: ModelConfig, s: ModelState, random: Random): void {
  const { stepSize, maxStep, noise } = cfg.params;
  const len = cfg.K * D;
  const M = cfg.mechanisms.length;
  const spread = noise * Math.sqrt(3);
  const c = s.commitment;
  // Sum terms mechanism by mechanism (sequential reads), in the same order as netValue.
  const net = s.net;
  net.set(s.baseline);
  const terms = s.contributions;
  for (let m = 0; m < M; m++) {
    const offset = m * len;
    for (let x = 0; x < len; x++) net[x] = (net[x] as number) + (terms[offset + x] as number);
  }
  for (let x = 0; x < len; x++) {
    let delta = stepSize * (net[x] as number);
    if (delta > maxStep) delta = maxStep;
    else if (delta < -maxStep) delta = -maxStep;
    if (spread > 0) delta += spread * (2 * random() - 1);
    const next = (c[x] as number) + delta;
    c[x] = clamp01(next);
  }
}
