/** The chart of a run's observables: each indicator's simulated band against the observed figures. */
import { type Labels, observableTitle } from '../labels.js';
import type { Row } from '../outputs.js';
import { bands } from '../summarise.js';
import { significant } from '../words.js';
import { type Chart, type Datum, indicatorChart, scaleAnchors } from './chart.js';

export interface ObservedPoint {
  readonly indicator: string;
  readonly date: string;
  readonly value: number;
  readonly label: string;
}

/** The scenario's observables (median and 90% band) with the observed figures as points. */
export function observablesChart(
  observables: readonly Row[],
  observed: readonly ObservedPoint[],
  labels: Labels,
  predictive?: { readonly rows: readonly Row[]; readonly dir: string },
): Chart {
  const simulated = [
    ...bands(
      observables,
      (r) => `${r.indicator}|${r.date}|${r.tick}`,
      (r) => Number(r.value),
    ),
  ].map(([key, b]) => {
    const [indicator, date, tick] = key.split('|') as [string, string, string];
    return { indicator, date, tick: Number(tick), low: b.low, median: b.median, high: b.high };
  });
  // The calibrated posterior's predictive band, where the run is the scenario as calibrated: what the fit is judged by.
  const predicted = (predictive?.rows ?? []).map((r) => ({
    indicator: r.indicator as string,
    date: r.date as string,
    low: Number(r.q05),
    median: Number(r.q50),
    high: Number(r.q95),
  }));
  const noise = new Map(simulated.map((v) => [`${v.indicator}|${v.date.slice(0, 7)}`, v]));
  const at = predicted.length > 0 ? new Map(predicted.map((v) => [`${v.indicator}|${v.date.slice(0, 7)}`, v])) : noise;
  // Each observed figure against the simulated band of its month: inside it, or how far off.
  const judged = observed.flatMap((o) => {
    const v = at.get(`${o.indicator}|${o.date.slice(0, 7)}`);
    return v ? [{ o, v, inside: o.value >= v.low && o.value <= v.high }] : [];
  });
  const off = judged.filter((j) => !j.inside).sort((p, q) => relativeMiss(q) - relativeMiss(p))[0];
  const values: Datum[] = [
    ...simulated.map((v) => ({ ...v, indicator: observableTitle(labels, v.indicator), source: 'simulated' })),
    // The predictive band's rows carry their own fields, so the noise band and the median line are drawn from the run's alone.
    ...predicted.map((v) => ({
      indicator: observableTitle(labels, v.indicator),
      date: v.date,
      plow: v.low,
      phigh: v.high,
      source: 'posterior predictive',
    })),
  ];
  const byNoise = observed.filter((o) => {
    const v = noise.get(`${o.indicator}|${o.date.slice(0, 7)}`);
    return v !== undefined && o.value >= v.low && o.value <= v.high;
  }).length;
  const points: Datum[] = observed.map((o) => ({
    indicator: observableTitle(labels, o.indicator),
    date: o.date,
    observed: o.value,
    period: o.label,
    source: 'observed',
  }));
  const inside = judged.filter((j) => j.inside).length;
  const ids = [...new Set(simulated.map((v) => v.indicator))];
  const anchors = scaleAnchors(ids.map((id) => ({ title: observableTitle(labels, id), unit: labels.observables[id]?.unit ?? '' })));
  return indicatorChart(
    {
      name: 'observables',
      title: 'The model’s indicators against the observed figures',
      headline:
        judged.length === 0
          ? 'No observed figure falls within the run’s months.'
          : (predicted.length > 0
              ? `${inside} of ${judged.length} observed figures lie inside the calibrated posterior’s 90% predictive band (the model’s noise alone covers ${byNoise})`
              : `${inside} of ${judged.length} observed figures lie inside the simulated 90% band of the model’s noise only`) +
            (off
              ? `; the furthest off is ${observableTitle(labels, off.o.indicator)} in ${off.o.label} (${predicted.length > 0 ? 'predictive median' : 'simulated'} ${round3(off.v.median)}, observed ${round3(off.o.value)}; docs/model.md §8 gives the model’s account of its misses).`
              : '.'),
      caption:
        predicted.length > 0
          ? `Each indicator the scenario maps (docs/model.md §9), each with its own scale. Orange: the calibrated posterior’s 90% predictive band (${predictive?.dir}/predictive.csv), what the fit is judged by; blue: this run’s median (line) and the 90% band of its replications (shaded), the model’s own noise at the fitted point only. Black points: the observed figures (annual values at mid-year, quarters at their middle month).`
          : 'Each indicator the scenario maps (docs/model.md §9), each with its own scale: median (line) and 90% band (shaded) across replications, monthly; the band covers the model’s own noise, not parameter uncertainty. Black points: the observed figures (annual values at mid-year, quarters at their middle month).',
    },
    [...values, ...points, ...anchors],
    [
      ...(predicted.length > 0 ? [{ low: 'plow', high: 'phigh', opacity: 0.25, color: '#f28e2b' }] : []),
      { low: 'low', high: 'high', opacity: 0.2 },
    ],
    'median',
  );
}

/** How far an observed figure lies outside its band, relative to the band's median. */
function relativeMiss(j: { o: ObservedPoint; v: { low: number; high: number; median: number } }): number {
  const gap = j.o.value < j.v.low ? j.v.low - j.o.value : j.o.value - j.v.high;
  return gap / Math.max(Math.abs(j.v.median), Math.abs(j.o.value), 1e-9);
}

/** A figure to 3 significant digits, for a sentence, with a true minus sign. */
function round3(x: number): string {
  return significant(x).replace('-', '−');
}
