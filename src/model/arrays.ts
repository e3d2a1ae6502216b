/** `a[i] += x` for typed arrays under noUncheckedIndexedAccess (inlined by V8). */
export function inc(a: Float64Array, i: number, x: number): void {
  a[i] = (a[i] as number) + x;
}

/** x limited to [0, 1]. */
export function clamp01(x: number): number {
  return Math.min(1, Math.max(0, x));
}
