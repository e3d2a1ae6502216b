/** Charts of `entente sweep`: an outcome against each parameter, and a heat map over two parameters. */
import type { Row } from '../outputs.js';
import { meanOf } from '../summarise.js';
import { type Chart, CONFIG, type Datum, SCHEMA } from './chart.js';

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

export function parameterChart(means: readonly Datum[], parameters: readonly string[], pair: string, outcome: string): Chart {
  const values: Datum[] = means.flatMap((m) =>
    parameters.map((p) => ({ parameter: p, value: m[p] as number, outcome: m.outcome as number })),
  );
  return {
    name: 'parameters',
    title: `${outcome} of ${pair} against each swept parameter`,
    caption: `Each point of the design: the mean over its replications of ${outcome} for ${pair}, against the value of each parameter (the others vary too). A trend line (LOESS) shows the main effect.`,
    spec: {
      $schema: SCHEMA,
      config: CONFIG,
      data: { values },
      facet: { column: { field: 'parameter', type: 'nominal', title: null } },
      resolve: { scale: { x: 'independent' } },
      spec: {
        width: 220,
        height: 200,
        layer: [
          {
            mark: { type: 'point', opacity: 0.5, size: 14, filled: true },
            encoding: {
              x: { field: 'value', type: 'quantitative', title: null, scale: { zero: false } },
              y: { field: 'outcome', type: 'quantitative', title: outcome, scale: { zero: false } },
            },
          },
          {
            transform: [{ loess: 'outcome', on: 'value' }],
            mark: { type: 'line', color: '#c0392b', strokeWidth: 2 },
            encoding: { x: { field: 'value', type: 'quantitative' }, y: { field: 'outcome', type: 'quantitative' } },
          },
        ],
      },
    },
  };
}

export function heatmapChart(means: readonly Datum[], x: string, y: string, pair: string, outcome: string): Chart {
  const values: Datum[] = means.map((m) => ({ x: m[x] as number, y: m[y] as number, outcome: m.outcome as number }));
  return {
    name: 'heatmap',
    title: `${outcome} of ${pair} over ${x} and ${y}`,
    caption: `Mean ${outcome} of ${pair} over the design's points falling in each cell (10 bins per parameter); empty cells had no point.`,
    spec: {
      $schema: SCHEMA,
      config: CONFIG,
      data: { values },
      width: 360,
      height: 300,
      mark: 'rect',
      encoding: {
        x: { field: 'x', type: 'quantitative', bin: { maxbins: 10 }, title: x },
        y: { field: 'y', type: 'quantitative', bin: { maxbins: 10 }, title: y },
        color: { aggregate: 'mean', field: 'outcome', type: 'quantitative', scale: { scheme: 'viridis' }, title: outcome },
      },
    },
  };
}
