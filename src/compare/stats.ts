/**
 * Paired-difference statistics for lever comparison. The confidence interval
 * is a seeded percentile bootstrap of the mean (Efron & Tibshirani 1993): it
 * makes no normality assumption about outcomes bounded in [0,1], and it is
 * exactly [0, 0] when a lever changes nothing.
 */
import seedrandom from 'seedrandom';

export const BOOTSTRAP_RESAMPLES = 2000;

export function mean(xs: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < xs.length; i++) sum += xs[i] as number;
  return xs.length ? sum / xs.length : Number.NaN;
}

/** The 2.5% and 97.5% percentiles of the bootstrap distribution of the mean. */
export function bootstrapCi(xs: ArrayLike<number>, key: string, level = 0.95, resamples = BOOTSTRAP_RESAMPLES): [number, number] {
  const n = xs.length;
  if (n === 0) return [Number.NaN, Number.NaN];
  const random = seedrandom.alea(`entente/bootstrap/${key}`);
  const means = new Float64Array(resamples);
  for (let b = 0; b < resamples; b++) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += xs[Math.floor(random() * n)] as number;
    means[b] = sum / n;
  }
  means.sort();
  const lo = means[Math.floor(((1 - level) / 2) * (resamples - 1))] as number;
  const hi = means[Math.ceil((1 - (1 - level) / 2) * (resamples - 1))] as number;
  return [lo, hi];
}

export type Verdict = 'closer' | 'apart' | 'unclear';

/**
 * `closer` when the whole interval lies above zero and the mean effect is at
 * least `minEffect`; `apart` mirrored; `unclear` otherwise (including no effect).
 */
export function verdict(deltaMean: number, ciLow: number, ciHigh: number, minEffect: number): Verdict {
  if (ciLow > 0 && deltaMean >= minEffect) return 'closer';
  if (ciHigh < 0 && deltaMean <= -minEffect) return 'apart';
  return 'unclear';
}

/** Share of replications in which the difference is positive. */
export function shareAbove(xs: ArrayLike<number>, threshold = 0): number {
  let count = 0;
  for (let i = 0; i < xs.length; i++) if ((xs[i] as number) > threshold) count++;
  return xs.length ? count / xs.length : Number.NaN;
}
