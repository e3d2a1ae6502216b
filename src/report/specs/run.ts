/** Charts of `entente run`: depth bands with shocks, a tie's commitments, mechanism contributions, observables. */
import type { Row } from '../outputs.js';
import { bands } from '../summarise.js';
import { type Chart, CONFIG, type Datum, HEIGHT, indicatorChart, SCHEMA, timeField, WIDTH } from './chart.js';

/** A median line over its 90% band (low–high), one colour per `series`; the legend shows the lines. */
function bandLayers(x: ReturnType<typeof timeField>, series: string, title: string) {
  return [
    {
      mark: { type: 'area' as const, opacity: 0.18 },
      encoding: {
        x,
        y: { field: 'low', type: 'quantitative' as const, title },
        y2: { field: 'high' },
        color: { field: series, type: 'nominal' as const, legend: null },
      },
    },
    {
      mark: { type: 'line' as const, strokeWidth: 2 },
      encoding: {
        x,
        y: { field: 'median', type: 'quantitative' as const },
        color: { field: series, type: 'nominal' as const, title: series },
      },
    },
  ];
}

/** Median and 90% band of depth per pair over time, the shocks marked where they start. */
export function depthChart(pairs: readonly Row[], events: readonly Row[], dateOfTick: ReadonlyMap<string, string>): Chart {
  const dates = dateOfTick.size > 0;
  const summary = bands(
    pairs,
    (r) => `${r.a}-${r.b}|${r.tick}`,
    (r) => Number(r.depth),
  );
  const values: Datum[] = [...summary].map(([key, b]) => {
    const [pair, tick] = key.split('|') as [string, string];
    return { pair, tick: Number(tick), date: dateOfTick.get(tick) ?? null, low: b.low, median: b.median, high: b.high };
  });
  const starts = new Map<string, Datum>();
  for (const e of events) {
    if (e.event === 'started' && e.replication === '0')
      starts.set(e.shock as string, { shock: e.shock as string, tick: Number(e.tick), date: dateOfTick.get(e.tick as string) ?? null });
  }
  const x = timeField(dates);
  return {
    name: 'depth',
    title: 'Depth of each pair over time',
    caption:
      'Median across replications (line) and 90% band (shaded) of depth, the cost-weighted mutual commitment in [0, 1]. Dashed lines: shocks as they start.',
    spec: {
      $schema: SCHEMA,
      width: WIDTH,
      height: HEIGHT,
      config: CONFIG,
      layer: [
        {
          data: { values },
          resolve: { legend: { color: 'independent' } },
          layer: bandLayers(x, 'pair', 'depth'),
        },
        {
          data: { values: [...starts.values()] },
          layer: [
            { mark: { type: 'rule', strokeDash: [4, 3], color: '#7f8c8d' }, encoding: { x } },
            {
              mark: { type: 'text', angle: 270, align: 'right', baseline: 'bottom', dx: -4, dy: -2, fontSize: 9, color: '#7f8c8d' },
              encoding: { x, y: { value: 0 }, text: { field: 'shock' } },
            },
          ],
        },
      ],
    },
  };
}

/** Median and 90% band of one tie's commitment in each domain over time. */
export function tieChart(
  ties: readonly Row[],
  from: string,
  to: string,
  domains: readonly string[],
  dateOfTick: ReadonlyMap<string, string>,
): Chart {
  const mine = ties.filter((r) => r.from === from && r.to === to);
  const values: Datum[] = [];
  for (const d of domains) {
    for (const [tick, b] of bands(
      mine,
      (r) => r.tick as string,
      (r) => Number(r[d]),
    )) {
      values.push({ domain: d, tick: Number(tick), date: dateOfTick.get(tick) ?? null, low: b.low, median: b.median, high: b.high });
    }
  }
  const x = timeField(dateOfTick.size > 0);
  return {
    name: `tie-${from}-${to}`,
    title: `${from}'s commitments to ${to}, by domain`,
    caption: `Median (line) and 90% band (shaded) across replications of what ${from} has committed to ${to} in each domain, in [0, 1].`,
    spec: {
      $schema: SCHEMA,
      width: WIDTH,
      height: HEIGHT,
      config: CONFIG,
      data: { values },
      resolve: { legend: { color: 'independent' } },
      layer: bandLayers(x, 'domain', 'commitment'),
    },
  };
}

/** Mean contribution of each mechanism to one tie's change per tick, by domain (contributions.csv). */
export function contributionsChart(contributions: readonly Row[], from: string, to: string): Chart {
  const mine = contributions.filter((r) => r.from === from && r.to === to);
  const sums = new Map<string, number>();
  const ticks = new Set<string>();
  const runs = new Set<string>();
  for (const r of mine) {
    const key = `${r.mechanism}|${r.domain}`;
    sums.set(key, (sums.get(key) ?? 0) + Number(r.value));
    ticks.add(r.tick as string);
    runs.add(r.replication as string);
  }
  const per = ticks.size * runs.size || 1;
  const values: Datum[] = [...sums].map(([key, sum]) => {
    const [mechanism, domain] = key.split('|') as [string, string];
    return { mechanism, domain, value: sum / per };
  });
  return {
    name: `contributions-${from}-${to}`,
    title: `Why ${from}'s commitments to ${to} move: each mechanism's push`,
    caption:
      'Mean per tick, over the run and its replications, of each mechanism’s term (η × term) in the decision step, stacked by domain. Positive terms push commitment up, negative ones down; baseline is the valuation that made the initial state a rest point.',
    spec: {
      $schema: SCHEMA,
      width: WIDTH,
      height: 240,
      config: CONFIG,
      data: { values },
      mark: 'bar',
      encoding: {
        y: { field: 'mechanism', type: 'nominal', sort: '-x', title: null },
        x: { field: 'value', type: 'quantitative', title: 'mean push per tick', stack: 'zero' },
        color: { field: 'domain', type: 'nominal' },
        tooltip: [{ field: 'mechanism' }, { field: 'domain' }, { field: 'value', format: '.4f' }],
      },
    },
  };
}

export interface ObservedPoint {
  readonly indicator: string;
  readonly date: string;
  readonly value: number;
  readonly label: string;
}

/** The scenario's observables (median and 90% band) with the observed figures as points. */
export function observablesChart(observables: readonly Row[], observed: readonly ObservedPoint[]): Chart {
  const values: Datum[] = [
    ...bands(
      observables,
      (r) => `${r.indicator}|${r.date}|${r.tick}`,
      (r) => Number(r.value),
    ),
  ].map(([key, b]) => {
    const [indicator, date, tick] = key.split('|') as [string, string, string];
    return { indicator, date, tick: Number(tick), low: b.low, median: b.median, high: b.high, source: 'simulated' };
  });
  const points: Datum[] = observed.map((o) => ({
    indicator: o.indicator,
    date: o.date,
    observed: o.value,
    period: o.label,
    source: 'observed',
  }));
  return indicatorChart(
    {
      name: 'observables',
      title: 'Simulated observables against the observed figures',
      caption:
        'Each indicator the scenario maps (docs/model.md §9): median (line) and 90% band (shaded) across replications, monthly; black points are the observed figures (annual values at mid-year, quarters at their middle month).',
    },
    [...values, ...points],
    [{ low: 'low', high: 'high', opacity: 0.2 }],
    'median',
  );
}
