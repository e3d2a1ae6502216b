/**
 * The standard normal truncated to [a, b]: its log mass log(Φ(b) − Φ(a)) and a sampler, both exact
 * to about 1e-7 however far into a tail the interval lies (the truncated kernel, kernel.ts, meets
 * conditional means far outside a prior's range). Φ's tails come from the Chebyshev fit of erfc in
 * Numerical Recipes (Press et al. 2007, §6.2.2; fractional error below 1.2e-7 everywhere), taken
 * in log form so nothing underflows; Φ⁻¹ is Acklam's (relative error below 1.2e-9); an interval past
 * where Φ underflows (37 standard deviations) is sampled by Robert's (1995) exponential rejection.
 */
import type { Random } from '../../model/rng.js';

/** log erfc(z) for z ≥ 0 (Numerical Recipes' erfcc in log form). */
function logErfcPositive(z: number): number {
  const t = 1 / (1 + 0.5 * z);
  const poly =
    -1.26551223 +
    t *
      (1.00002368 +
        t *
          (0.37409196 +
            t *
              (0.09678418 +
                t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  return Math.log(t) - z * z + poly;
}

/** log Φ(x). */
export function logPhi(x: number): number {
  if (x === Number.NEGATIVE_INFINITY) return Number.NEGATIVE_INFINITY;
  if (x === Number.POSITIVE_INFINITY) return 0;
  const z = -x / Math.SQRT2;
  // Φ(x) = erfc(z) / 2, with erfc(z) = 2 − erfc(−z) for z < 0.
  return z >= 0 ? Math.log(0.5) + logErfcPositive(z) : Math.log1p(-0.5 * Math.exp(logErfcPositive(-z)));
}

/** Φ(x). */
export const phi = (x: number): number => Math.exp(logPhi(x));

/** log(Φ(b) − Φ(a)) for a < b, either may be infinite. */
export function logMass(a: number, b: number): number {
  if (a >= 0) return logMass(-b, -a); // by symmetry, where Φ is small and precise
  if (b <= 0) {
    const lb = logPhi(b);
    return lb + Math.log1p(-Math.exp(logPhi(a) - lb));
  }
  return Math.log1p(-phi(a) - phi(-b));
}

/** Φ⁻¹(p) for 0 < p < 1 (Acklam's rational approximation). */
export function inversePhi(p: number): number {
  const a = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
  const b = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
  const c = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
  const low = 0.02425;
  const tail = (q: number) =>
    (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  if (p < low) return tail(Math.sqrt(-2 * Math.log(p)));
  if (p > 1 - low) return -tail(Math.sqrt(-2 * Math.log1p(-p)));
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) /
    (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
  );
}

/** A draw from the standard normal's upper tail [lo, hi], lo > 0 (Robert 1995). */
function upperTail(lo: number, hi: number, random: Random): number {
  const lambda = (lo + Math.sqrt(lo * lo + 4)) / 2;
  if (hi - lo < 1 / lambda) {
    // Narrow: uniform proposals, accepted with φ(x) / φ(lo).
    for (;;) {
      const x = lo + (hi - lo) * random();
      if (random() <= Math.exp((lo * lo - x * x) / 2)) return x;
    }
  }
  for (;;) {
    const x = lo - Math.log(1 - random()) / lambda;
    if (x > hi) continue;
    if (random() <= Math.exp(-((x - lambda) ** 2) / 2)) return x;
  }
}

/** Where Φ underflows: past this many standard deviations an interval is sampled by rejection. */
const DEEP = 37;

/** A draw from the standard normal truncated to [a, b], a < b. */
export function truncatedStandardNormal(a: number, b: number, random: Random): number {
  if (a >= 0) return -truncatedStandardNormal(-b, -a, random); // work in the lower half, where Φ is precise
  if (b < -DEEP) return -upperTail(-b, -a, random);
  const pa = phi(a);
  const pb = phi(b);
  // Strictly inside (0, 1), whatever the rounding: Φ⁻¹ is infinite at either end.
  const p = Math.min(Math.max(pa + random() * (pb - pa), Number.MIN_VALUE), 1 - Number.EPSILON / 2);
  return Math.min(Math.max(inversePhi(p), a), b);
}
