/**
 * The decision step (docs/model.md §5.5): each actor moves each commitment by
 * a bounded step toward higher net marginal value, plus seeded noise:
 *   Δc = clamp(η · (b_kd + Σ_m term_m,kd), −Δmax, Δmax) + σ·√3·(2u − 1),  c ∈ [0,1].
 * It runs on one block of ties at a time and writes s.next, so every term of
 * the tick reads the same tick-start commitments.
 */
import { clamp01 } from './arrays.js';
import type { ModelConfig } from './config.js';
import { D } from './domains.js';
import type { Random } from './rng.js';
import type { ModelState, TermSlots } from './state.js';

/** Σ_m term_m at offset o of the current block (for the baseline, at initialisation). */
export function sumTerms(slots: TermSlots, o: number): number {
  let sum = 0;
  for (let m = 0; m < slots.length; m++) sum += (slots[m] as Float64Array)[o] as number; // indexed: no iterator per element
  return sum;
}

export function decide(cfg: ModelConfig, s: ModelState, random: Random, k0: number, k1: number): void {
  const { stepSize, maxStep, noise } = cfg.params;
  const spread = noise * Math.sqrt(3);
  const { commitment: c, next, baseline } = s;
  // The nine term slots, summed written out below: V8 does not unroll a loop over them,
  // and this sum is the costliest line of the tick (TermSlots fixes the arity).
  const slots = s.termSlots; // indexed, not destructured: no iterator per block
  const t0 = slots[0];
  const t1 = slots[1];
  const t2 = slots[2];
  const t3 = slots[3];
  const t4 = slots[4];
  const t5 = slots[5];
  const t6 = slots[6];
  const t7 = slots[7];
  const t8 = slots[8];
  const marginal = s.welfareBasis?.marginal; // kept for welfare (model/welfare.ts), when asked for
  const first = k0 * D;
  const len = (k1 - k0) * D;
  for (let o = 0; o < len; o++) {
    const x = first + o;
    const terms =
      (t0[o] as number) +
      (t1[o] as number) +
      (t2[o] as number) +
      (t3[o] as number) +
      (t4[o] as number) +
      (t5[o] as number) +
      (t6[o] as number) +
      (t7[o] as number) +
      (t8[o] as number);
    const net = (baseline[x] as number) + terms;
    if (marginal) marginal[o] = net;
    let delta = stepSize * net;
    if (delta > maxStep) delta = maxStep;
    else if (delta < -maxStep) delta = -maxStep;
    if (spread > 0) delta += spread * (2 * random() - 1);
    next[x] = clamp01((c[x] as number) + delta);
  }
}
