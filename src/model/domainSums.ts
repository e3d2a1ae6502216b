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
  out[o] = (out[o] as number) + m * (v[0] as number);
  out[o + 1] = (out[o + 1] as number) + m * (v[1] as number);
  out[o + 2] = (out[o + 2] as number) + m * (v[2] as number);
  out[o + 3] = (out[o + 3] as number) + m * (v[3] as number);
  out[o + 4] = (out[o + 4] as number) + m * (v[4] as number);
  out[o + 5] = (out[o + 5] as number) + m * (v[5] as number);
}

/** out[o+d] += m · v[d] · b */
export function addScaledBy(out: F, o: number, m: number, v: F, b: number): void {
  out[o] = (out[o] as number) + m * (v[0] as number) * b;
  out[o + 1] = (out[o + 1] as number) + m * (v[1] as number) * b;
  out[o + 2] = (out[o + 2] as number) + m * (v[2] as number) * b;
  out[o + 3] = (out[o + 3] as number) + m * (v[3] as number) * b;
  out[o + 4] = (out[o + 4] as number) + m * (v[4] as number) * b;
  out[o + 5] = (out[o + 5] as number) + m * (v[5] as number) * b;
}

/** out[o+d] += m · a[x+d] */
export function addScaledAt(out: F, o: number, m: number, a: F, x: number): void {
  out[o] = (out[o] as number) + m * (a[x] as number);
  out[o + 1] = (out[o + 1] as number) + m * (a[x + 1] as number);
  out[o + 2] = (out[o + 2] as number) + m * (a[x + 2] as number);
  out[o + 3] = (out[o + 3] as number) + m * (a[x + 3] as number);
  out[o + 4] = (out[o + 4] as number) + m * (a[x + 4] as number);
  out[o + 5] = (out[o + 5] as number) + m * (a[x + 5] as number);
}

/** out[o+d] += m · v[d] · a[x+d] */
export function addScaledProduct(out: F, o: number, m: number, v: F, a: F, x: number): void {
  out[o] = (out[o] as number) + m * (v[0] as number) * (a[x] as number);
  out[o + 1] = (out[o + 1] as number) + m * (v[1] as number) * (a[x + 1] as number);
  out[o + 2] = (out[o + 2] as number) + m * (v[2] as number) * (a[x + 2] as number);
  out[o + 3] = (out[o + 3] as number) + m * (v[3] as number) * (a[x + 3] as number);
  out[o + 4] = (out[o + 4] as number) + m * (v[4] as number) * (a[x + 4] as number);
  out[o + 5] = (out[o + 5] as number) + m * (v[5] as number) * (a[x + 5] as number);
}

/** out[o+d] += m · (a[x+d] − a[y+d]) */
export function addScaledDifference(out: F, o: number, m: number, a: F, x: number, y: number): void {
  out[o] = (out[o] as number) + m * ((a[x] as number) - (a[y] as number));
  out[o + 1] = (out[o + 1] as number) + m * ((a[x + 1] as number) - (a[y + 1] as number));
  out[o + 2] = (out[o + 2] as number) + m * ((a[x + 2] as number) - (a[y + 2] as number));
  out[o + 3] = (out[o + 3] as number) + m * ((a[x + 3] as number) - (a[y + 3] as number));
  out[o + 4] = (out[o + 4] as number) + m * ((a[x + 4] as number) - (a[y + 4] as number));
  out[o + 5] = (out[o + 5] as number) + m * ((a[x + 5] as number) - (a[y + 5] as number));
}

/** out[o+d] += m · (a[x+d] + q · b[x+d]) */
export function addScaledSum(out: F, o: number, m: number, a: F, q: number, b: F, x: number): void {
  out[o] = (out[o] as number) + m * ((a[x] as number) + q * (b[x] as number));
  out[o + 1] = (out[o + 1] as number) + m * ((a[x + 1] as number) + q * (b[x + 1] as number));
  out[o + 2] = (out[o + 2] as number) + m * ((a[x + 2] as number) + q * (b[x + 2] as number));
  out[o + 3] = (out[o + 3] as number) + m * ((a[x + 3] as number) + q * (b[x + 3] as number));
  out[o + 4] = (out[o + 4] as number) + m * ((a[x + 4] as number) + q * (b[x + 4] as number));
  out[o + 5] = (out[o + 5] as number) + m * ((a[x + 5] as number) + q * (b[x + 5] as number));
}

/**
 * out[o+d] += m · a[x+d] · (1 − pay[d] + pay[d] · channel), plus `finance` in the
 * finance domain: economic gain cleared by the payment channel, and the bonus of
 * finance ties that clear trade the dollar system will not.
 */
export function addCleared(out: F, o: number, m: number, a: F, x: number, pay: F, channel: number, finance: number): void {
  const p0 = pay[0] as number;
  const p1 = pay[1] as number;
  const p2 = pay[2] as number;
  const p3 = pay[3] as number;
  const p4 = pay[4] as number;
  const p5 = pay[5] as number;
  out[o] = (out[o] as number) + m * (a[x] as number) * (1 - p0 + p0 * channel);
  out[o + 1] = (out[o + 1] as number) + m * (a[x + 1] as number) * (1 - p1 + p1 * channel);
  out[o + 2] = (out[o + 2] as number) + (m * (a[x + 2] as number) * (1 - p2 + p2 * channel) + finance);
  out[o + 3] = (out[o + 3] as number) + m * (a[x + 3] as number) * (1 - p3 + p3 * channel);
  out[o + 4] = (out[o + 4] as number) + m * (a[x + 4] as number) * (1 - p4 + p4 * channel);
  out[o + 5] = (out[o + 5] as number) + m * (a[x + 5] as number) * (1 - p5 + p5 * channel);
}

/**
 * Σ_d w[d] · min(c[ab+d], c[ba+d]), summed from 0 in domain order: what a pair holds in common, weighted
 * (conditions.ts: by payment-bound share; state.ts pairDepth: by cost weight).
 */
export function mutualSum(w: F, c: F, ab: number, ba: number): number {
  let sum = 0;
  sum += (w[0] as number) * Math.min(c[ab] as number, c[ba] as number);
  sum += (w[1] as number) * Math.min(c[ab + 1] as number, c[ba + 1] as number);
  sum += (w[2] as number) * Math.min(c[ab + 2] as number, c[ba + 2] as number);
  sum += (w[3] as number) * Math.min(c[ab + 3] as number, c[ba + 3] as number);
  sum += (w[4] as number) * Math.min(c[ab + 4] as number, c[ba + 4] as number);
  sum += (w[5] as number) * Math.min(c[ab + 5] as number, c[ba + 5] as number);
  return sum;
}
