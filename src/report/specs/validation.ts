/**
 * Charts of `entente validate`: each held-out figure's forecast against its observation, in units of
 * the figure's tolerance (the observation at 0), with the naive forecasts beside it; and the PIT
 * histogram, flat for a calibrated forecast.
 */
import type { Row } from '../outputs.js';
import { type Chart, CONFIG, type Datum, SCHEMA, WIDTH, ZERO_RULE } from './chart.js';

const n = (r: Row, column: string): number => Number(r[column]);
/** A value as its miss in tolerances: (value − observed) / tolerance. */
const miss = (r: Row, column: string): number => (n(r, column) - n(r, 'observed')) / n(r, 'tolerance');
const label = (r: Row): string => `${r.figure}${r.condition !== '' ? ` at ${r.condition}` : ''}`;

export function intervalsChart(rows: readonly Row[]): Chart {
  const values: Datum[] = rows.map((r) => ({
    figure: label(r),
    low90: miss(r, 'low_90'),
    high90: miss(r, 'high_90'),
    low50: miss(r, 'low_50'),
    high50: miss(r, 'high_50'),
    median: miss(r, 'median'),
    covered: r.covered_90 === 'true' ? 'covered' : 'missed',
    observed: n(r, 'observed'),
    unit: r.unit as string,
  }));
  const naive: Datum[] = rows.flatMap((r) =>
    (['no_change', 'trend'] as const)
      .filter((c) => r[c] !== '' && r[c] !== undefined)
      .map((c) => ({ figure: label(r), forecast: c === 'no_change' ? 'no change' : 'trend', at: miss(r, c) })),
  );
  const missed = rows.filter((r) => r.covered_90 !== 'true').map(label);
  const y = { field: 'figure', type: 'nominal' as const, title: null, sort: null, axis: { labelLimit: 360 } };
  return {
    name: 'intervals',
    title: 'Each held-out figure: the forecast against what was observed',
    headline:
      missed.length === 0
        ? `Every one of the ${rows.length} forecasts’ 90% intervals holds its observation.`
        : `${rows.length - missed.length} of ${rows.length} forecasts’ 90% intervals hold their observation; missed: ${missed.join('; ')}.`,
    caption:
      'Each forecast is drawn in units of its figure’s tolerance around the observation (the line at 0): the thin bar is the 90% interval over the posterior’s particles, the thick bar the 50%, the dot the median; grey ticks are the naive forecasts (no change, the trend carried on). The interval covers the parameters the calibration left uncertain and the model’s noise, not its structural error.',
    spec: {
      $schema: SCHEMA,
      config: CONFIG,
      width: WIDTH - 200,
      height: { step: 30 },
      layer: [
        ZERO_RULE,
        {
          data: { values },
          mark: { type: 'rule', strokeWidth: 2 },
          encoding: {
            y,
            x: { field: 'low90', type: 'quantitative', title: 'miss, in tolerances (forecast − observed) ÷ tolerance' },
            x2: { field: 'high90' },
            color: {
              field: 'covered',
              type: 'nominal',
              scale: { domain: ['covered', 'missed'], range: ['#2471a3', '#c0392b'] },
              title: '90% interval',
            },
          },
        },
        {
          data: { values },
          mark: { type: 'rule', strokeWidth: 7, opacity: 0.6 },
          encoding: {
            y,
            x: { field: 'low50', type: 'quantitative' },
            x2: { field: 'high50' },
            color: { field: 'covered', type: 'nominal' },
          },
        },
        {
          data: { values },
          mark: { type: 'point', filled: true, size: 60, color: '#222222' },
          encoding: {
            y,
            x: { field: 'median', type: 'quantitative' },
            tooltip: [
              { field: 'figure' },
              { field: 'observed' },
              { field: 'unit' },
              { field: 'median', format: '.2f', title: 'median miss' },
            ],
          },
        },
        {
          data: { values: naive },
          mark: { type: 'tick', color: '#7f8c8d', thickness: 2 },
          encoding: { y, x: { field: 'at', type: 'quantitative' }, tooltip: [{ field: 'forecast' }] },
        },
      ],
    } as Chart['spec'],
  };
}

export function pitChart(rows: readonly Row[]): Chart {
  const bins = 5;
  const counts = new Array(bins).fill(0);
  for (const r of rows) counts[Math.min(bins - 1, Math.floor(n(r, 'pit') * bins))]++;
  const values: Datum[] = counts.map((count, b) => ({ from: b / bins, to: (b + 1) / bins, count }));
  const extremes = rows.filter((r) => n(r, 'pit') < 0.05 || n(r, 'pit') > 0.95).length;
  return {
    name: 'pit',
    title: 'Where the observations fall in their forecasts (PIT)',
    headline: `${extremes} of ${rows.length} observations fall in their forecast’s outer 10% (a calibrated forecast puts about ${Math.round(rows.length / 10)} there).`,
    caption: `The probability integral transform: the share of each forecast below its observation, counted in fifths. A calibrated forecast gives a flat histogram; a U shape means intervals too narrow, a hump too wide, a slope a bias. With ${rows.length} figure(s) it is a coarse check.`,
    spec: {
      $schema: SCHEMA,
      config: CONFIG,
      width: WIDTH - 200,
      height: 180,
      data: { values },
      mark: { type: 'bar', color: '#2471a3' },
      encoding: {
        x: {
          field: 'from',
          type: 'quantitative',
          bin: { binned: true, step: 1 / bins },
          title: 'PIT: share of the forecast below the observation',
          scale: { domain: [0, 1] },
        },
        x2: { field: 'to' },
        y: { field: 'count', type: 'quantitative', title: 'figures', axis: { tickMinStep: 1 } },
      },
    } as Chart['spec'],
  };
}
