import { exp } from './exp.js';

/** `a[i] += x` for typed arrays under noUncheckedIndexedAccess (inlined by V8). */
export function inc(a: Float64Array, i: number, x: number): void {
  a[i] += x;
}

/** x limited to [0, 1]. */
export function clamp01(x: number): number {
  return Math.min(1, Math.max(0, x));
}

/** e^(−max(0, push)); most actors feel no push on a given tick, and e^0 = 1 needs no call to exp. */
export function decay(push: number): number {
  return push === 0 ? 1 : exp(-Math.max(0, push));
}

/**
 * decay(push) through a one-entry memo per slot m (memo[2m]: the push, memo[2m+1]: its decay; NaN
 * until first used): pressures hold for months, and e^(−x) of an unchanged x is the same bits.
 */
export function decayMemo(push: number, memo: Float64Array, m: number): number {
  if (push !== memo[2 * m]) {
    memo[2 * m] = push;
    memo[2 * m + 1] = decay(push);
  }
  return memo[2 * m + 1];
}
