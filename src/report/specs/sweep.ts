/** Charts of `entente sweep`: an outcome against each parameter, and a heat map over two parameters. */
import { type Labels, pairKeyName } from '../labels.js';
import type { Row } from '../outputs.js';
import { meanOf } from '../summarise.js';
import { fixed, parameterWords, words } from '../words.js';
import { type Chart, CONFIG, type Datum, SCHEMA } from './chart.js';

/** "depth_final" → "final depth": what an outcome column is called in a sentence. */
export function outcomeWords(outcome: string): string {
  const m = /^(.*)_(final|mean)$/.exec(outcome);
  return m ? `${m[2] === 'final' ? 'final' : 'mean'} ${words(m[1] as string)}` : words(outcome);
}

/** Pearson correlation of two equally long lists (0 when either is constant). */
function correlation(x: readonly number[], y: readonly number[]): number {
  const n = x.length;
  const mx = meanOf(x);
  const my = meanOf(y);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i] - mx;
    const dy = y[i] - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : 0;
}

/** The points needed before a trend is drawn: 10 bins of at least 5 points each. */
export const TREND_MIN_POINTS = 50;

/**
 * The trend of `outcome` along one parameter: the points in 10 bins of equal count, each bin's
 * mean outcome and the 90% interval of that mean (±1.645 standard errors). Empty with fewer than
 * TREND_MIN_POINTS points: a smoother through a handful of noisy points suggests effects that are not there.
 */
export function binnedTrend(points: readonly { x: number; y: number }[]): { x: number; mean: number; low: number; high: number }[] {
  if (points.length < TREND_MIN_POINTS) return [];
  const sorted = [...points].sort((p, q) => p.x - q.x);
  const bins = 10;
  return Array.from({ length: bins }, (_, b) => {
    const bin = sorted.slice(Math.floor((b * sorted.length) / bins), Math.floor(((b + 1) * sorted.length) / bins));
    const ys = bin.map((p) => p.y);
    const mean = meanOf(ys);
    const sd = Math.sqrt(ys.reduce((a, y) => a + (y - mean) ** 2, 0) / Math.max(1, ys.length - 1));
    const half = (1.645 * sd) / Math.sqrt(ys.length);
    return { x: meanOf(bin.map((p) => p.x)), mean, low: mean - half, high: mean + half };
  });
}

/** Mean over replications of `outcome` for pair a-b at each point, with the point's parameter values. */
export function pointMeans(runs: readonly Row[], parameters: readonly string[], pair: string, outcome: string): Datum[] {
  const byPoint = new Map<string, { values: number[]; row: Row }>();
  for (const r of runs) {
    if (`${r.a}-${r.b}` !== pair) continue;
    const entry = byPoint.get(r.point as string) ?? { values: [], row: r };
    entry.values.push(Number(r[outcome]));
    byPoint.set(r.point as string, entry);
  }
  return [...byPoint].map(([point, { values, row }]) => ({
    point: Number(point),
    outcome: meanOf(values),
    ...Object.fromEntries(parameters.map((p) => [p, Number(row[p])])),
  }));
}

export function parameterChart(
  means: readonly Datum[],
  parameters: readonly string[],
  pair: string,
  outcome: string,
  labels: Labels,
): Chart {
  const name = (p: string) => parameterWords(p, labels);
  const values: Datum[] = means.flatMap((m) => parameters.map((p) => ({ parameter: name(p), value: m[p], outcome: m.outcome as number })));
  const trend: Datum[] = parameters.flatMap((p) =>
    binnedTrend(means.map((m) => ({ x: m[p] as number, y: m.outcome as number }))).map((t) => ({ parameter: name(p), ...t })),
  );
  const strength = parameters
    .map((p) => ({
      p,
      r: correlation(
        means.map((m) => m[p] as number),
        means.map((m) => m.outcome as number),
      ),
    }))
    .sort((a, b) => Math.abs(b.r) - Math.abs(a.r));
  const pairName = pairKeyName(labels, pair);
  const what = outcomeWords(outcome);
  const top = strength[0];
  return {
    name: 'parameters',
    title: `${what[0]?.toUpperCase()}${what.slice(1)} of ${pairName} against each swept parameter`,
    headline: top
      ? `Across ${means.length} points, ${what} of ${pairName} moves most with ${name(top.p)} (correlation ${fixed(top.r, 2)})` +
        (strength[1] ? `; next is ${name(strength[1].p)} (${fixed(strength[1].r, 2)}).` : '.')
      : 'No points to show.',
    caption:
      `Each point of the design: the mean over its replications of ${what} for ${pairName}, against the value of each parameter (the others vary too). ` +
      (trend.length > 0
        ? 'Red: the mean in ten bins of equal count, with the 90% interval of each bin’s mean (shaded).'
        : `No trend is drawn: with fewer than ${TREND_MIN_POINTS} points a smoother suggests effects that may be noise.`),
    spec: {
      $schema: SCHEMA,
      config: CONFIG,
      data: { values: [...values, ...trend] },
      facet: { column: { field: 'parameter', type: 'nominal', title: null } },
      resolve: { scale: { x: 'independent' } },
      spec: {
        width: 220,
        height: 200,
        layer: [
          {
            transform: [{ filter: 'isValid(datum.value)' }],
            mark: { type: 'point', opacity: 0.45, size: 14, filled: true, color: '#2471a3' },
            encoding: {
              x: { field: 'value', type: 'quantitative', title: null, scale: { zero: false } },
              y: { field: 'outcome', type: 'quantitative', title: what, scale: { zero: false } },
            },
          },
          {
            transform: [{ filter: 'isValid(datum.mean)' }],
            mark: { type: 'area', color: '#c0392b', opacity: 0.2 },
            encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'low', type: 'quantitative' }, y2: { field: 'high' } },
          },
          {
            transform: [{ filter: 'isValid(datum.mean)' }],
            mark: { type: 'line', color: '#c0392b', strokeWidth: 2 },
            encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'mean', type: 'quantitative' } },
          },
        ],
      },
    },
  };
}

export function heatmapChart(means: readonly Datum[], x: string, y: string, pair: string, outcome: string, labels: Labels): Chart {
  const values: Datum[] = means.map((m) => ({ x: m[x], y: m[y], outcome: m.outcome as number }));
  // About three points a cell on average: finer bins would show single points as if they were means.
  const bins = Math.max(2, Math.min(10, Math.floor(Math.sqrt(values.length / 3))));
  const [xName, yName, pairName, what] = [
    parameterWords(x, labels),
    parameterWords(y, labels),
    pairKeyName(labels, pair),
    outcomeWords(outcome),
  ];
  const sorted = [...values].sort((p, q) => Number(p.outcome) - Number(q.outcome));
  const low = sorted[0];
  const high = sorted.at(-1);
  const where = (d: Datum) => `${xName} ${fixed(Number(d.x), 2)}, ${yName} ${fixed(Number(d.y), 2)}`;
  return {
    name: 'heatmap',
    title: `${what[0]?.toUpperCase()}${what.slice(1)} of ${pairName} over ${xName} and ${yName}`,
    headline:
      low && high
        ? `${what[0]?.toUpperCase()}${what.slice(1)} of ${pairName} ranges from ${fixed(Number(low.outcome))} (at ${where(low)}) to ${fixed(Number(high.outcome))} (at ${where(high)}).`
        : 'No points to show.',
    caption: `Mean ${what} of ${pairName} over the design’s points in each cell: at most ${bins} bins per parameter (at round boundaries) for ${values.length} points, so that a cell holds several points, not one; empty cells had no point.`,
    spec: {
      $schema: SCHEMA,
      config: CONFIG,
      data: { values },
      width: 360,
      height: 300,
      mark: 'rect',
      encoding: {
        x: { field: 'x', type: 'quantitative', bin: { maxbins: bins }, title: xName },
        y: { field: 'y', type: 'quantitative', bin: { maxbins: bins }, title: yName },
        color: { aggregate: 'mean', field: 'outcome', type: 'quantitative', scale: { scheme: 'viridis' }, title: what },
      },
    },
  };
}
