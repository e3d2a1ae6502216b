/**
 * Charts of `entente discover` (PRIM, EMA Workbench's scenario discovery): the peeling
 * trajectory, coverage against density with the reported box marked, and the box itself, each
 * parameter's range against the box's restriction with its quasi-p-value.
 */
import { type Labels, leverLabel, pairKeyName } from '../labels.js';
import type { Row } from '../outputs.js';
import { fixed, parameterWords, percent } from '../words.js';
import { type Chart, CONFIG, type Datum, SCHEMA, WIDTH } from './chart.js';

export function trajectoryChart(trajectory: readonly Row[], box: readonly Row[]): Chart {
  const values: Datum[] = trajectory.map((t) => ({
    peel: Number(t.peel),
    coverage: Number(t.coverage),
    density: Number(t.density),
    restrictions: Number(t.restrictions),
    chosen: t.chosen === 'true' ? 'chosen' : 'peel',
  }));
  const reported = box[0];
  const final: Datum[] = reported
    ? [{ coverage: Number(reported.coverage), density: Number(reported.density), label: 'reported box (after pasting)' }]
    : [];
  const first = values[0];
  const last = values.at(-1);
  return {
    name: 'trajectory',
    title: 'PRIM’s peeling trajectory: coverage traded for density',
    headline:
      reported && first && last
        ? `Peeling from ${percent(Number(first.density))} to ${percent(Number(last.density))} density in ${values.length} steps; ` +
          `the reported box keeps ${percent(Number(reported.coverage))} of the cases at ${percent(Number(reported.density))} density.`
        : 'No peels: the cases are spread over the whole space.',
    caption:
      'Each point is the box after one peel (PRIM cuts the 5% of points at the edge whose removal most raises density): ' +
      'coverage, the share of all cases inside the box, against density, the share of the box’s points that are cases; ' +
      'the number of restricted parameters by size. The chosen peel is the largest box within 0.02 of the highest density; ' +
      'the red ring is the box reported after pasting its edges back out and lifting restrictions that narrow a range by under 5%.',
    spec: {
      $schema: SCHEMA,
      config: CONFIG,
      width: WIDTH - 200,
      height: 300,
      layer: [
        {
          data: { values },
          mark: { type: 'line', color: '#aab7b8' },
          encoding: {
            x: { field: 'coverage', type: 'quantitative', scale: { domain: [0, 1] }, axis: { format: '.0%' } },
            y: { field: 'density', type: 'quantitative', scale: { domain: [0, 1] }, axis: { format: '.0%' } },
            order: { field: 'peel' },
          },
        },
        {
          data: { values },
          mark: { type: 'point', filled: true },
          encoding: {
            x: { field: 'coverage', type: 'quantitative' },
            y: { field: 'density', type: 'quantitative' },
            size: {
              field: 'restrictions',
              type: 'quantitative',
              title: 'restrictions',
              scale: { range: [20, 160] },
              legend: { values: Array.from({ length: Math.max(1, ...values.map((v) => Number(v.restrictions))) + 1 }, (_, i) => i) },
            },
            color: { condition: { test: "datum.chosen === 'chosen'", value: '#2471a3' }, value: '#7f8c8d' },
            tooltip: [
              { field: 'peel' },
              { field: 'coverage', format: '.2f' },
              { field: 'density', format: '.2f' },
              { field: 'restrictions' },
            ],
          },
        },
        {
          data: { values: final },
          mark: { type: 'point', shape: 'circle', size: 400, strokeWidth: 2.5, color: '#c0392b', filled: false },
          encoding: {
            x: { field: 'coverage', type: 'quantitative' },
            y: { field: 'density', type: 'quantitative' },
            tooltip: [{ field: 'label' }],
          },
        },
      ],
    },
  };
}

export function boxChart(box: readonly Row[], labels: Labels, ranges: ReadonlyMap<string, readonly [number, number]>): Chart {
  const values: Datum[] = box.map((r) => {
    const [min, max] = ranges.get(r.parameter as string) ?? [Number(r.low), Number(r.high)];
    const span = max - min || 1;
    const restricted = r.restricted === 'true';
    return {
      parameter: parameterWords(r.parameter as string, labels),
      // Positions as shares of each parameter's swept range, so every parameter shares one axis.
      from: (Number(r.low) - min) / span,
      to: (Number(r.high) - min) / span,
      low: Number(r.low),
      high: Number(r.high),
      restricted: restricted ? 'restricted' : 'not restricted',
      quasi_p: restricted ? Number(r.quasi_p) : null,
      label: restricted
        ? `${fixed(Number(r.low), 2)} to ${fixed(Number(r.high), 2)} (quasi-p ${Number(Number(r.quasi_p).toPrecision(2))})`
        : 'any value',
    };
  });
  const first = box[0];
  const condition = String(first?.condition ?? '')
    .replace('delta', 'Δ depth')
    .replace(/-(?=\d)/g, '−');
  const lever = first ? leverLabel(labels, first.lever as string) : '';
  const pair = first ? pairKeyName(labels, `${first.a}-${first.b}`) : '';
  const kept = values.filter((v) => v.restricted === 'restricted');
  return {
    name: 'box',
    title: `Where it happens: the box, parameter by parameter`,
    headline:
      first === undefined
        ? 'No box.'
        : kept.length === 0
          ? `The condition (${condition}) shows no region of its own: it holds about as often everywhere in the swept ranges.`
          : `Under ${lever}, ${pair} meets ${condition} mostly where ` +
            `${kept.map((v) => `${v.parameter} is ${fixed(Number(v.low), 2)}–${fixed(Number(v.high), 2)}`).join(' and ')} ` +
            `(${percent(Number(first.coverage))} of such points lie in this box; ${percent(Number(first.density))} of its points are such).`,
    caption:
      'Each parameter’s swept range (grey, from its lowest to its highest value) and the box’s range (blue) where the box restricts it; ' +
      'the label gives the range and its quasi-p-value: the chance that the box’s cases would arise at the rate of the box without this restriction ' +
      '(small: the restriction matters; above about 0.05: it adds little to the others).',
    spec: {
      $schema: SCHEMA,
      config: CONFIG,
      data: { values },
      width: WIDTH - 260,
      height: { step: 34 },
      layer: [
        {
          mark: { type: 'bar', color: '#e5e8ea', height: 14 },
          encoding: {
            y: { field: 'parameter', type: 'nominal', title: null, axis: { labelLimit: 320 } },
            x: { datum: 0, type: 'quantitative', scale: { domain: [0, 1] }, axis: { format: '.0%', title: 'position in the swept range' } },
            x2: { datum: 1 },
          },
        },
        {
          transform: [{ filter: "datum.restricted === 'restricted'" }],
          mark: { type: 'bar', color: '#2471a3', height: 14 },
          encoding: { y: { field: 'parameter', type: 'nominal' }, x: { field: 'from', type: 'quantitative' }, x2: { field: 'to' } },
        },
        {
          mark: { type: 'text', align: 'left', dx: 6, fontSize: 10, color: '#333333' },
          encoding: { y: { field: 'parameter', type: 'nominal' }, x: { datum: 1 }, text: { field: 'label' } },
        },
      ],
    },
  };
}
