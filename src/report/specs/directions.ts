/**
 * Each side of a pair on its own: a's cost-weighted commitment toward b and b's toward a
 * (pairs.csv commitment_ab, commitment_ba), with depth, their common part. Depth follows the
 * lesser side, so a partner that commits more and more is visible only here.
 */
import { actorName, type Labels } from '../labels.js';
import type { Row } from '../outputs.js';
import { bands } from '../summarise.js';
import { fixed, month } from '../words.js';
import { bandLayers, type Chart, CONFIG, type Datum, endLabels, HEIGHT, SCHEMA, timeField, WIDTH } from './chart.js';

/** "rises 57%", "falls 14%", or "barely moves" (by less than 2%). */
function change(from: number, to: number): string {
  const ratio = to / from - 1;
  if (!Number.isFinite(ratio) || Math.abs(ratio) < 0.02) return 'barely moves';
  return `${ratio > 0 ? 'rises' : 'falls'} ${Math.abs(100 * ratio).toFixed(0)}%`;
}

/** The chart of pair `a`-`b` (as pairs.csv names it), or undefined when pairs.csv does not hold both directions. */
export function directionsChart(
  pairs: readonly Row[],
  a: string,
  b: string,
  dateOfTick: ReadonlyMap<string, string>,
  labels: Labels,
): Chart | undefined {
  const mine = pairs.filter((r) => r.a === a && r.b === b);
  if (mine.length === 0 || mine[0]?.commitment_ab === undefined) return undefined;
  const [nameA, nameB] = [actorName(labels, a), actorName(labels, b)];
  const series: [string, string][] = [
    [`${nameA} toward ${nameB}`, 'commitment_ab'],
    [`${nameB} toward ${nameA}`, 'commitment_ba'],
    ['depth (the common part)', 'depth'],
  ];
  const values: Datum[] = series.flatMap(([name, column]) =>
    [
      ...bands(
        mine,
        (r) => r.tick as string,
        (r) => Number(r[column]),
      ),
    ].map(([tick, band]) => ({ series: name, tick: Number(tick), date: dateOfTick.get(tick) ?? null, ...band })),
  );
  const x = timeField(dateOfTick.size > 0);
  const endsOf = (name: string) => {
    const line = values.filter((v) => v.series === name).sort((p, q) => Number(p.tick) - Number(q.tick));
    return [line[0], line.at(-1)] as const;
  };
  const when = (d: Datum | undefined) => (d?.date ? month(d.date as string) : `tick ${d?.tick}`);
  const sentence = (name: string, who: string) => {
    const [start, end] = endsOf(name);
    if (!start || !end) return '';
    const [from, to] = [Number(start.median), Number(end.median)];
    return `${who} ${change(from, to)} (${fixed(from)} in ${when(start)} to ${fixed(to)} in ${when(end)})`;
  };
  // Each line named at its end, so the chart reads without a legend.
  const ends = series.flatMap(([name]) => {
    const last = endsOf(name)[1];
    return last ? [last] : [];
  });
  return {
    name: `directions-${a}-${b}`,
    title: `Each side’s commitment: ${nameA} and ${nameB}`,
    headline:
      `${sentence(series[0][0], `${nameA}’s commitment to ${nameB}`)}; ${sentence(series[1][0], `${nameB}’s to ${nameA}`)}. ` +
      'Depth, their common part, follows the lesser.',
    caption:
      'Each side’s cost-weighted commitment toward the other, Σ_d w_d c_d / Σ_d w_d in [0, 1] (pairs.csv commitment_ab and commitment_ba), ' +
      'and depth, the cost-weighted mean of the lesser of the two in each domain: median across replications (line) and 90% band (shaded). ' +
      'A side whose commitment rises while depth stays flat is bearing more for the partnership than its partner.',
    spec: {
      $schema: SCHEMA,
      width: WIDTH,
      height: HEIGHT,
      config: CONFIG,
      data: { values },
      layer: [
        ...bandLayers(x, 'series', 'cost-weighted commitment', {
          color: { field: 'series', type: 'nominal', legend: null },
          strokeDash: { condition: { test: "datum.series === 'depth (the common part)'", value: [5, 3] }, value: [1, 0] },
        }),
        endLabels(ends, x, 'series'),
      ],
    },
  };
}
