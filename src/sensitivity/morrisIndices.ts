/**
 * Morris elementary effects from trajectories (experiments/designs/morris.ts): for
 * each step of each trajectory, EE_j = (y_s − y_{s−1}) / (x_s,j − x_{s−1},j)
 * in unit coordinates. Reported per parameter: mu (mean EE), mu_star (mean
 * |EE|, Campolongo et al. 2007) and sigma (standard deviation of EE), each with
 * a 95% interval: a seeded percentile bootstrap over the parameter's elementary
 * effects (SALib bootstraps mu_star's the same way), so a ranking of parameters
 * can be read with the uncertainty a handful of trajectories leaves.
 */
import seedrandom from 'seedrandom';
import { mean, percentileInterval } from '../compare/stats.js';

export interface MorrisIndices {
  readonly mu: number[];
  readonly muStar: number[];
  readonly sigma: number[];
  readonly muCi: [number, number][];
  readonly muStarCi: [number, number][];
  readonly sigmaCi: [number, number][];
}

const meanAbs = (xs: ArrayLike<number>) => {
  let sum = 0;
  for (let i = 0; i < xs.length; i++) sum += Math.abs(xs[i]);
  return sum / xs.length;
};
const sd = (xs: ArrayLike<number>) => {
  const m = mean(xs);
  let sum = 0;
  for (let i = 0; i < xs.length; i++) sum += (xs[i] - m) ** 2;
  return xs.length > 1 ? Math.sqrt(sum / (xs.length - 1)) : 0;
};

/** Percentile interval (level) of `statistic` over `resamples` resamples with replacement of `xs`. */
function bootstrap(
  xs: readonly number[],
  statistic: (s: ArrayLike<number>) => number,
  random: () => number,
  resamples: number,
  level: number,
): [number, number] {
  if (xs.length === 0) return [Number.NaN, Number.NaN];
  const draws = new Float64Array(resamples);
  const sample = new Float64Array(xs.length);
  for (let b = 0; b < resamples; b++) {
    for (let i = 0; i < xs.length; i++) sample[i] = xs[Math.floor(random() * xs.length)];
    draws[b] = statistic(sample);
  }
  return percentileInterval(draws, level);
}

export function morrisIndices(
  y: ArrayLike<number>,
  unit: readonly (readonly number[])[],
  k: number,
  key = '',
  resamples = 1000,
  level = 0.95,
): MorrisIndices {
  const effects: number[][] = Array.from({ length: k }, () => []);
  const trajectories = unit.length / (k + 1);
  for (let t = 0; t < trajectories; t++) {
    for (let s = 1; s <= k; s++) {
      const row = t * (k + 1) + s;
      const prev = unit[row - 1] as readonly number[];
      const next = unit[row] as readonly number[];
      const j = next.findIndex((v, d) => Math.abs(v - prev[d]) > 1e-12);
      if (j < 0) continue;
      (effects[j] as number[]).push((y[row] - y[row - 1]) / (next[j] - prev[j]));
    }
  }
  // One stream per outcome and pair (key), as the Sobol intervals: the same bytes on every run.
  const random = seedrandom.alea(`entente/morris/${key}`);
  const ci = (statistic: (s: ArrayLike<number>) => number) => effects.map((e) => bootstrap(e, statistic, random, resamples, level));
  return {
    mu: effects.map(mean),
    muStar: effects.map(meanAbs),
    sigma: effects.map(sd),
    muCi: ci(mean),
    muStarCi: ci(meanAbs),
    sigmaCi: ci(sd),
  };
}
