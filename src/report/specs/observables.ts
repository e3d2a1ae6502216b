/** The chart of a run's observables: each indicator's simulated band against the observed figures. */
import { type Labels, observableTitle } from '../labels.js';
import type { Row } from '../outputs.js';
import { bands } from '../summarise.js';
import { type Chart, type Datum, indicatorChart, scaleAnchors } from './chart.js';

export interface ObservedPoint {
  readonly indicator: string;
  readonly date: string;
  readonly value: number;
  readonly label: string;
}

/** The scenario's observables (median and 90% band) with the observed figures as points. */
export function observablesChart(observables: readonly Row[], observed: readonly ObservedPoint[], labels: Labels): Chart {
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
  const at = new Map(simulated.map((v) => [`${v.indicator}|${v.date.slice(0, 7)}`, v]));
  // Each observed figure against the simulated band of its month: inside it, or how far off.
  const judged = observed.flatMap((o) => {
    const v = at.get(`${o.indicator}|${o.date.slice(0, 7)}`);
    return v ? [{ o, v, inside: o.value >= v.low && o.value <= v.high }] : [];
  });
  const off = judged.filter((j) => !j.inside).sort((p, q) => relativeMiss(q) - relativeMiss(p))[0];
  const values: Datum[] = simulated.map((v) => ({ ...v, indicator: observableTitle(labels, v.indicator), source: 'simulated' }));
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
          : `${inside} of ${judged.length} observed figures lie inside the simulated 90% band of the model’s noise` +
            (off
              ? `; the furthest off is ${observableTitle(labels, off.o.indicator)} in ${off.o.label} (simulated ${round3(off.v.median)}, observed ${round3(off.o.value)}).`
              : '.'),
      caption:
        'Each indicator the scenario maps (docs/model.md §9), each with its own scale: median (line) and 90% band (shaded) across replications, monthly; the band covers the model’s own noise, not parameter uncertainty. Black points: the observed figures (annual values at mid-year, quarters at their middle month).',
    },
    [...values, ...points, ...anchors],
    [{ low: 'low', high: 'high', opacity: 0.2 }],
    'median',
  );
}

/** How far an observed figure lies outside its band, relative to the band's median. */
function relativeMiss(j: { o: ObservedPoint; v: { low: number; high: number; median: number } }): number {
  const gap = j.o.value < j.v.low ? j.v.low - j.o.value : j.o.value - j.v.high;
  return gap / Math.max(Math.abs(j.v.median), Math.abs(j.o.value), 1e-9);
}

/** A figure to 3 significant digits, for a sentence. */
function round3(x: number): string {
  return Number(x.toPrecision(3)).toString().replace('-', '−');
}
