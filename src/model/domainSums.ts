/**
 * Sums over the six domains, written out: the mechanisms' inner loop, and the per-pair weighted
 * sum the state reads. V8 does not unroll a six-step loop, and the mechanisms are half of a tick,
 * so these are unrolled (docs/development.md, measured choices); the guards below cover them all.
 *
 * Each helper ADDS a mechanism's term to `out` (the block's running sum of
 * terms, or a zeroed scratch slot when terms are recorded one by one). The term
 * itself is computed whole, in the operation order of its formula, and only
 * then added, so the sum is the same left-to-right sum of the terms however it
 * is gathered.
 */
import type { DOMAINS } from './domains.js';

/** Fails to compile if a domain is added without rewriting these helpers. */
const sixDomains: (typeof DOMAINS)['length'] extends 6 ? true : never = true;
void sixDomains;
/** addCleared adds its finance bonus at index 2: fails to compile if finance moves. */
const financeAt2: (typeof DOMAINS)[2] extends 'finance' ? true : never = true;
void financeAt2;

type F = Float64Array;

/** out[o+d] += m · v[d] */
export function addScaled(out: F, o: number, m: number, v: F): void {
  out[o] += m * v[0];
  out[o + 1] += m * v[1];
  out[o + 2] += m * v[2];
  out[o + 3] += m * v[3];
  out[o + 4] += m * v[4];
  out[o + 5] += m * v[5];
}

/** out[o+d] += m · v[d] · b */
export function addScaledBy(out: F, o: number, m: number, v: F, b: number): void {
  out[o] += m * v[0] * b;
  out[o + 1] += m * v[1] * b;
  out[o + 2] += m * v[2] * b;
  out[o + 3] += m * v[3] * b;
  out[o + 4] += m * v[4] * b;
  out[o + 5] += m * v[5] * b;
}

/** out[o+d] += m · a[x+d] */
export function addScaledAt(out: F, o: number, m: number, a: F, x: number): void {
  out[o] += m * a[x];
  out[o + 1] += m * a[x + 1];
  out[o + 2] += m * a[x + 2];
  out[o + 3] += m * a[x + 3];
  out[o + 4] += m * a[x + 4];
  out[o + 5] += m * a[x + 5];
}

/** out[o+d] += m · v[d] · a[x+d] */
export function addScaledProduct(out: F, o: number, m: number, v: F, a: F, x: number): void {
  out[o] += m * v[0] * a[x];
  out[o + 1] += m * v[1] * a[x + 1];
  out[o + 2] += m * v[2] * a[x + 2];
  out[o + 3] += m * v[3] * a[x + 3];
  out[o + 4] += m * v[4] * a[x + 4];
  out[o + 5] += m * v[5] * a[x + 5];
}

/** out[o+d] += m · (a[x+d] − a[y+d]) */
export function addScaledDifference(out: F, o: number, m: number, a: F, x: number, y: number): void {
  out[o] += m * (a[x] - a[y]);
  out[o + 1] += m * (a[x + 1] - a[y + 1]);
  out[o + 2] += m * (a[x + 2] - a[y + 2]);
  out[o + 3] += m * (a[x + 3] - a[y + 3]);
  out[o + 4] += m * (a[x + 4] - a[y + 4]);
  out[o + 5] += m * (a[x + 5] - a[y + 5]);
}

/** out[o+d] += m · (a[x+d] + q · b[x+d]) */
export function addScaledSum(out: F, o: number, m: number, a: F, q: number, b: F, x: number): void {
  out[o] += m * (a[x] + q * b[x]);
  out[o + 1] += m * (a[x + 1] + q * b[x + 1]);
  out[o + 2] += m * (a[x + 2] + q * b[x + 2]);
  out[o + 3] += m * (a[x + 3] + q * b[x + 3]);
  out[o + 4] += m * (a[x + 4] + q * b[x + 4]);
  out[o + 5] += m * (a[x + 5] + q * b[x + 5]);
}

/**
 * out[o+d] += m · a[x+d] · (1 − pay[d] + pay[d] · channel), plus `finance` in the
 * finance domain: economic gain cleared by the payment channel, and the bonus of
 * finance ties that clear trade the dollar system will not.
 */
export function addCleared(out: F, o: number, m: number, a: F, x: number, pay: F, channel: number, finance: number): void {
  const p0 = pay[0];
  const p1 = pay[1];
  const p2 = pay[2];
  const p3 = pay[3];
  const p4 = pay[4];
  const p5 = pay[5];
  out[o] += m * a[x] * (1 - p0 + p0 * channel);
  out[o + 1] += m * a[x + 1] * (1 - p1 + p1 * channel);
  out[o + 2] += m * a[x + 2] * (1 - p2 + p2 * channel) + finance;
  out[o + 3] += m * a[x + 3] * (1 - p3 + p3 * channel);
  out[o + 4] += m * a[x + 4] * (1 - p4 + p4 * channel);
  out[o + 5] += m * a[x + 5] * (1 - p5 + p5 * channel);
}

/**
 * Σ_d w[d] · min(c[ab+d], c[ba+d]), summed from 0 in domain order: what a pair holds in common, weighted
 * (conditions.ts: by payment-bound share; state.ts pairDepth: by cost weight).
 */
export function mutualSum(w: F, c: F, ab: number, ba: number): number {
  let sum = 0;
  sum += w[0] * Math.min(c[ab], c[ba]);
  sum += w[1] * Math.min(c[ab + 1], c[ba + 1]);
  sum += w[2] * Math.min(c[ab + 2], c[ba + 2]);
  sum += w[3] * Math.min(c[ab + 3], c[ba + 3]);
  sum += w[4] * Math.min(c[ab + 4], c[ba + 4]);
  sum += w[5] * Math.min(c[ab + 5], c[ba + 5]);
  return sum;
}

/** Σ_d w[d] · c[o+d], summed from 0 in domain order: one tie's commitments, weighted (state.ts pairCommitments). */
export function weightedSum(w: F, c: F, o: number): number {
  let sum = 0;
  sum += w[0] * c[o];
  sum += w[1] * c[o + 1];
  sum += w[2] * c[o + 2];
  sum += w[3] * c[o + 3];
  sum += w[4] * c[o + 4];
  sum += w[5] * c[o + 5];
  return sum;
}
