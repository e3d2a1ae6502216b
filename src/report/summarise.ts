/**
 * Bands across replications for the charts: per group (say, pair and tick) the
 * median and the 5% and 95% quantiles (mathjs's quantileSeq, linear
 * interpolation), so a chart's data is one row per group, not per run.
 */
import { createRequire } from 'node:module';

const math = createRequire(import.meta.url)('mathjs/lib/browser/math.js') as typeof import('mathjs');

export interface Band {
  readonly low: number;
  readonly median: number;
  readonly high: number;
}

export function band(values: readonly number[]): Band {
  const [low, median, high] = math.quantileSeq([...values], [0.05, 0.5, 0.95]) as number[];
  return { low: low as number, median: median as number, high: high as number };
}

/** Group rows by `key`, then reduce each group's values of `value` to a band. */
export function bands<T>(rows: readonly T[], key: (row: T) => string, value: (row: T) => number): Map<string, Band> {
  const groups = new Map<string, number[]>();
  for (const row of rows) {
    const k = key(row);
    let list = groups.get(k);
    if (!list) {
      list = [];
      groups.set(k, list);
    }
    list.push(value(row));
  }
  return new Map([...groups].map(([k, values]) => [k, band(values)]));
}

export function meanOf(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}
