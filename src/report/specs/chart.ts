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

/** One row per indicator, its name above it, each with its own y scale (observables, predictive bands). */
export const INDICATOR_FACET = {
  facet: {
    row: {
      field: 'indicator',
      type: 'nominal' as const,
      title: null,
      header: { labelAngle: 0, labelOrient: 'top' as const, labelAnchor: 'start' as const, labelFontSize: 12 },
    },
  },
  resolve: { scale: { y: 'independent' as const } },
};

/** The observed figures as black points on a time axis x (rows with an `observed` value). */
export function observedLayer(x: object) {
  return {
    transform: [{ filter: 'isValid(datum.observed)' }],
    mark: { type: 'point' as const, filled: true, color: 'black', size: 40 },
    encoding: { x, y: { field: 'observed', type: 'quantitative' as const }, tooltip: [{ field: 'period' }, { field: 'observed' }] },
  };
}
