/**
 * One held-out figure's forecast, scored: the predictive median, 50% and 90% central intervals and
 * whether they hold the observation, the CRPS, the PIT, and the two naive forecasts' CRPS on the
 * same scale (a point forecast's CRPS is its absolute error). validation.csv's row, before labels.
 */
import { central, crps, type Interval, pit, quantiles } from './scores.js';

/** The naive forecasts of a figure, where the record allows them (validate/naive.ts). */
export interface Naive {
  /** The last observation before the forecast, held. */
  readonly noChange?: number;
  /** The last observed change carried on. */
  readonly trend?: number;
}

export interface FigureScore {
  readonly median: number;
  readonly i50: Interval;
  readonly i90: Interval;
  readonly crps: number;
  readonly pit: number;
  readonly noChange?: number;
  readonly crpsNoChange?: number;
  readonly trend?: number;
  readonly crpsTrend?: number;
}

export function scoreFigure(values: Float64Array, weights: Float64Array, observed: number, naive: Naive = {}): FigureScore {
  // One sort for all five quantiles: the 90% and 50% intervals' ends and the median.
  const [q05, q25, median, q75, q95] = quantiles(values, weights, [0.05, 0.25, 0.5, 0.75, 0.95]) as [
    number,
    number,
    number,
    number,
    number,
  ];
  return {
    median,
    i50: central(q25, q75, observed),
    i90: central(q05, q95, observed),
    crps: crps(values, weights, observed),
    pit: pit(values, weights, observed),
    ...(naive.noChange !== undefined ? { noChange: naive.noChange, crpsNoChange: Math.abs(naive.noChange - observed) } : {}),
    ...(naive.trend !== undefined ? { trend: naive.trend, crpsTrend: Math.abs(naive.trend - observed) } : {}),
  };
}
