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
  for (let i = 0; i < xs.length; i++) sum += xs[i];
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
    for (let i = 0; i < n; i++) sum += xs[Math.floor(random() * n)];
    means[b] = sum / n;
  }
  return percentileInterval(means, level);
}

/** The q-quantile of sorted values, interpolated linearly between order statistics (mathjs's quantileSeq, R's type 7). */
export function quantile(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

/** The central `level` interval of bootstrap draws (sorted in place): the percentile interval every bootstrap here reports. */
export function percentileInterval(draws: Float64Array, level: number): [number, number] {
  draws.sort();
  const last = draws.length - 1;
  return [draws[Math.floor(((1 - level) / 2) * last)], draws[Math.ceil((1 - (1 - level) / 2) * last)]];
}

/** Over replications: `unclear`; over a posterior: `negligible` or `uncertain` (posteriorVerdict). */
export type Verdict = 'closer' | 'apart' | 'unclear' | 'negligible' | 'uncertain';

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
  for (let i = 0; i < xs.length; i++) if (xs[i] > threshold) count++;
  return xs.length ? count / xs.length : Number.NaN;
}

/** Σ w_i x_i for weights that sum to 1. */
export function weightedMean(xs: ArrayLike<number>, weights: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < xs.length; i++) sum += weights[i] * xs[i];
  return xs.length ? sum : Number.NaN;
}

/** The weight of Δ > m (closer), Δ < −m (apart) and |Δ| ≤ m (negligible); they sum to 1. */
export function effectProbabilities(xs: ArrayLike<number>, weights: ArrayLike<number>, minEffect: number): [number, number, number] {
  let closer = 0;
  let apart = 0;
  let negligible = 0;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i];
    const w = weights[i];
    if (x > minEffect) closer += w;
    else if (x < -minEffect) apart += w;
    else negligible += w;
  }
  return [closer, apart, negligible];
}

/**
 * Over a posterior: `closer` or `apart` when that probability reaches `confidence`, `negligible` when
 * the probability of a change below the minimum effect does, `uncertain` otherwise.
 */
export function posteriorVerdict([closer, apart, negligible]: readonly [number, number, number], confidence: number): Verdict {
  if (closer >= confidence) return 'closer';
  if (apart >= confidence) return 'apart';
  if (negligible >= confidence) return 'negligible';
  return 'uncertain';
}

/**
 * rank[l][k]: the weight of the units (replications or particles) at which lever l ranks k + 1 by its
 * change, most dividing (lowest Δ) first; deltas[l][u]. Ties go to the lever listed first.
 */
export function rankProbabilities(deltas: readonly ArrayLike<number>[], weights: ArrayLike<number>): number[][] {
  const L = deltas.length;
  const rank = deltas.map(() => new Array<number>(L).fill(0));
  for (let u = 0; u < weights.length; u++) {
    for (let l = 0; l < L; l++) {
      const x = (deltas[l] as ArrayLike<number>)[u] as number;
      let k = 0;
      for (let m = 0; m < L; m++) {
        const y = (deltas[m] as ArrayLike<number>)[u] as number;
        if (y < x || (y === x && m < l)) k++;
      }
      (rank[l] as number[])[k] = ((rank[l] as number[])[k] as number) + weights[u];
    }
  }
  return rank;
}
