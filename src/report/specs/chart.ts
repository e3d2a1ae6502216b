/**
 * A chart: a Vega-Lite specification with its data inlined, a title and a
 * caption saying how to read it. Every chart of a report is built here, from
 * declarative specifications only; render.ts turns them into SVG.
 */
import type { TopLevelSpec } from 'vega-lite';

export interface Chart {
  /** File stem of the chart's SVG. */
  readonly name: string;
  readonly title: string;
  /** One sentence, computed from the chart's data, saying what it shows (above the chart). */
  readonly headline: string;
  /** How to read it, and what its uncertainty covers (below the chart). */
  readonly caption: string;
  readonly spec: TopLevelSpec;
}

export const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';
export const WIDTH = 640;
export const HEIGHT = 260;

/** Verdict colours: the same in every chart and table. */
export const VERDICT_SCALE = {
  domain: ['closer', 'apart', 'unclear', 'negligible', 'uncertain'],
  range: ['#c0392b', '#2471a3', '#95a5a6', '#95a5a6', '#b9770e'],
};

export type Datum = Record<string, string | number | null>;

/** Small multiples, one per parameter (four a row, each with its own x scale): `spec` is one panel. */
export function byParameter(values: readonly Datum[], spec: Record<string, unknown>): TopLevelSpec {
  return {
    $schema: SCHEMA,
    config: CONFIG,
    data: { values },
    facet: { field: 'parameter', type: 'nominal', title: null },
    columns: 4,
    resolve: { scale: { x: 'independent' } },
    spec,
  } as unknown as TopLevelSpec; // a panel is checked by Vega-Lite when rendered (tests/report), not here
}

/** A `YYYY-MM` label as a date Vega-Lite parses in UTC, or the tick when the scenario has no start. */
export function timeField(hasDates: boolean): { field: string; type: 'temporal' | 'quantitative'; title: string } {
  return hasDates ? { field: 'date', type: 'temporal', title: 'month' } : { field: 'tick', type: 'quantitative', title: 'tick' };
}

export const CONFIG = {
  font: 'Helvetica, Arial, sans-serif',
  view: { stroke: null },
  axis: { labelFontSize: 11, titleFontSize: 12, grid: true, gridColor: '#eeeeee', labelLimit: 260 },
  legend: { labelFontSize: 11, titleFontSize: 12 },
} as const;

/** A vertical rule at x = 0: the no-effect line of forest and error charts. */
export const ZERO_RULE = {
  mark: { type: 'rule', color: '#555555' },
  data: { values: [{ zero: 0 }] },
  encoding: { x: { field: 'zero', type: 'quantitative' } },
} as const;

/** A band between two fields of the data, drawn where the median is. */
export interface Band {
  readonly low: string;
  readonly high: string;
  readonly opacity: number;
  /** Its colour (default the simulated blue). */
  readonly color?: string;
}

/**
 * For each indicator whose unit has a natural scale (a share: 1; percent: 100), an invisible
 * value at a tenth of it, so a panel of values that are all but zero (China's lethal aid) shows
 * them as near zero on a readable scale, not as a curve magnified to fill the panel.
 */
export function scaleAnchors(indicators: readonly { title: string; unit: string }[]): Datum[] {
  return indicators.flatMap(({ title, unit }) => {
    const natural = /share|fraction/i.test(unit) ? 1 : /percent/i.test(unit) ? 100 : undefined;
    return natural === undefined ? [] : [{ indicator: title, anchor: natural / 10 }];
  });
}

/**
 * Indicators over time, one row each with its own y scale: shaded bands, a median line, and the
 * observed figures as black points (rows with an `observed` value). What a run's observables and a
 * posterior's predictive bands both draw.
 */
export function indicatorChart(
  head: Pick<Chart, 'name' | 'title' | 'headline' | 'caption'>,
  values: readonly Datum[],
  bands: readonly Band[],
  median: string,
): Chart {
  // Years on the axis: the observed annual figures sit at mid-year, and a month name there reads as a date.
  const x = { field: 'date', type: 'temporal' as const, title: null, axis: { format: '%Y', tickCount: { interval: 'year' as const } } };
  const drawn = { filter: `isValid(datum.${median})` };
  return {
    ...head,
    spec: {
      $schema: SCHEMA,
      config: CONFIG,
      data: { values: [...values] },
      facet: {
        row: {
          field: 'indicator',
          type: 'nominal',
          title: null,
          header: { labelAngle: 0, labelOrient: 'top', labelAnchor: 'start', labelFontSize: 12 },
        },
      },
      resolve: { scale: { y: 'independent' } },
      spec: {
        width: WIDTH,
        height: 120,
        layer: [
          ...bands.map((b, k) => ({
            transform: [{ filter: `isValid(datum.${b.low})` }],
            mark: { type: 'area' as const, opacity: b.opacity, color: b.color ?? '#2471a3' },
            encoding: { x, y: { field: b.low, type: 'quantitative' as const, ...(k === 0 ? { title: null } : {}) }, y2: { field: b.high } },
          })),
          {
            transform: [drawn],
            mark: { type: 'line', color: '#2471a3' },
            encoding: { x, y: { field: median, type: 'quantitative' } },
          },
          {
            // Invisible: keeps a panel's scale from magnifying values that are all but zero (scaleAnchors).
            transform: [{ filter: 'isValid(datum.anchor)' }],
            mark: { type: 'point', opacity: 0 },
            encoding: { y: { field: 'anchor', type: 'quantitative' } },
          },
          {
            transform: [{ filter: 'isValid(datum.observed)' }],
            mark: { type: 'point', filled: true, color: 'black', size: 40 },
            encoding: { x, y: { field: 'observed', type: 'quantitative' }, tooltip: [{ field: 'period' }, { field: 'observed' }] },
          },
        ],
      },
    } as Chart['spec'],
  };
}

/** A text layer naming each line at its last point (`ends`: one datum per line), so a chart reads without a legend. */
export function endLabels(ends: readonly Datum[], x: ReturnType<typeof timeField>, series: string) {
  return {
    data: { values: ends },
    mark: { type: 'text' as const, align: 'left' as const, dx: 4, fontSize: 11, fontWeight: 'bold' as const },
    encoding: {
      x,
      y: { field: 'median', type: 'quantitative' as const },
      text: { field: series },
      color: { field: series, type: 'nominal' as const, legend: null },
    },
  };
}

/** A median line over its 90% band (low–high), one colour per `series`; the legend shows the lines. `line` adds to the line's encoding. */
export function bandLayers(x: ReturnType<typeof timeField>, series: string, title: string, line: Record<string, unknown> = {}) {
  return [
    {
      mark: { type: 'area' as const, opacity: 0.28 },
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
        ...line,
      },
    },
  ];
}
