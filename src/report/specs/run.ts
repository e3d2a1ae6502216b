/** Charts of `entente run`: depth bands with shocks, a tie's commitments, mechanism contributions (observables: observables.ts). */
import { actorName, type Labels, pairKeyName, shockLabel } from '../labels.js';
import type { Row } from '../outputs.js';
import { bands } from '../summarise.js';
import { fixed, mechanismWords, month, signed } from '../words.js';
import { bandLayers, type Chart, CONFIG, type Datum, endLabels, HEIGHT, SCHEMA, timeField, WIDTH } from './chart.js';

/** Depth's direction in words: "rises", "falls" or "barely moves" (by less than 0.01). */
function movement(from: number, to: number): string {
  return to - from > 0.01 ? 'rises' : from - to > 0.01 ? 'falls' : 'barely moves';
}

/**
 * Median and 90% band of depth over time: the focus pairs in colour with their bands, the other
 * pairs as thin grey lines for context; the shocks numbered where they start, and listed in the caption.
 */
export function depthChart(
  pairs: readonly Row[],
  events: readonly Row[],
  dateOfTick: ReadonlyMap<string, string>,
  labels: Labels,
  focus: readonly string[],
): Chart {
  const dates = dateOfTick.size > 0;
  const summary = bands(
    pairs,
    (r) => `${r.a}-${r.b}|${r.tick}`,
    (r) => Number(r.depth),
  );
  const keys = [...new Set(pairs.map((r) => `${r.a}-${r.b}`))];
  const shown = new Set(focus.filter((f) => keys.includes(f)));
  if (shown.size === 0 && keys[0] !== undefined) shown.add(keys[0]);
  const values: Datum[] = [...summary].map(([key, b]) => {
    const [pair, tick] = key.split('|') as [string, string];
    return {
      pair: pairKeyName(labels, pair),
      focus: shown.has(pair) ? 'focus' : 'other',
      tick: Number(tick),
      date: dateOfTick.get(tick) ?? null,
      low: b.low,
      median: b.median,
      high: b.high,
    };
  });
  const starts: Datum[] = [];
  for (const e of events) {
    if (e.event === 'started' && e.replication === '0')
      starts.push({
        n: starts.length + 1,
        shock: shockLabel(labels, e.shock as string),
        tick: Number(e.tick),
        date: dateOfTick.get(e.tick as string) ?? null,
        row: starts.length % 3,
      });
  }
  const x = timeField(dates);
  const first = [...shown][0] ?? '';
  const line = values.filter((v) => v.pair === pairKeyName(labels, first)).sort((p, q) => Number(p.tick) - Number(q.tick));
  const start = line[0];
  const end = line.at(-1);
  const when = (d: Datum | undefined) => (d?.date ? month(d.date as string) : `tick ${d?.tick}`);
  const headline =
    start && end
      ? `${pairKeyName(labels, first)}: depth ${movement(Number(start.median), Number(end.median))}, from ${fixed(Number(start.median))} in ${when(start)} ` +
        `to ${fixed(Number(end.median))} in ${when(end)} (median of the replications; 90% of them end between ${fixed(Number(end.low))} and ${fixed(Number(end.high))}).`
      : 'No pair to show.';
  // Each focus line named at its end, so the chart reads without a legend.
  const ends: Datum[] = [...shown].flatMap((key) => {
    const last = values
      .filter((v) => v.pair === pairKeyName(labels, key))
      .sort((p, q) => Number(p.tick) - Number(q.tick))
      .at(-1);
    return last ? [last] : [];
  });
  const listed = starts.map((e) => `${e.n} ${e.shock}${e.date ? ` (${month(e.date as string)})` : ''}`).join('; ');
  const inFocus = { filter: "datum.focus === 'focus'" };
  return {
    name: 'depth',
    title: 'How deep the partnerships are, month by month',
    headline,
    caption:
      'Depth is the cost-weighted mutual commitment in [0, 1]: what both sides of a pair have committed to each other. ' +
      `Coloured: the scenario’s focus pairs, median across replications (line) and 90% band (shaded), which covers the model’s own noise; grey: the other pairs’ medians. ` +
      (listed ? `Numbered dashed lines: shocks as they start — ${listed}.` : ''),
    spec: {
      $schema: SCHEMA,
      width: WIDTH,
      height: HEIGHT,
      config: CONFIG,
      layer: [
        {
          data: { values },
          layer: [
            {
              transform: [{ filter: "datum.focus === 'other'" }],
              mark: { type: 'line', strokeWidth: 1, color: '#c8cdd0' },
              encoding: { x, y: { field: 'median', type: 'quantitative', title: 'depth' }, detail: { field: 'pair' } },
            },
            ...bandLayers(x, 'pair', 'depth').map((l) => ({ ...l, transform: [inFocus] })),
            endLabels(ends, x, 'pair'),
          ],
        },
        {
          data: { values: starts },
          layer: [
            { mark: { type: 'rule', strokeDash: [4, 3], color: '#7f8c8d' }, encoding: { x } },
            {
              mark: { type: 'text', align: 'left', dx: 3, fontSize: 10, color: '#555555' },
              // Three rows at the top, so labels of shocks that start together do not overlap.
              encoding: {
                x,
                y: { field: 'row', type: 'quantitative', scale: { domain: [-0.5, 12], reverse: true }, axis: null },
                text: { field: 'n' },
              },
            },
          ],
        },
      ],
      resolve: { scale: { y: 'independent' } },
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
  labels: Labels,
): Chart {
  const mine = ties.filter((r) => r.from === from && r.to === to);
  const values: Datum[] = [];
  const startEnd = new Map<string, [number, number]>();
  for (const d of domains) {
    const series = [
      ...bands(
        mine,
        (r) => r.tick as string,
        (r) => Number(r[d]),
      ),
    ].sort((p, q) => Number(p[0]) - Number(q[0]));
    for (const [tick, b] of series)
      values.push({ domain: d, tick: Number(tick), date: dateOfTick.get(tick) ?? null, low: b.low, median: b.median, high: b.high });
    const [first, last] = [series[0]?.[1].median, series.at(-1)?.[1].median];
    if (first !== undefined && last !== undefined) startEnd.set(d, [first, last]);
  }
  const x = timeField(dateOfTick.size > 0);
  const [fromName, toName] = [actorName(labels, from), actorName(labels, to)];
  const ends = [...startEnd].sort((p, q) => q[1][1] - p[1][1]);
  const moved = [...startEnd].sort((p, q) => Math.abs(q[1][1] - q[1][0]) - Math.abs(p[1][1] - p[1][0]))[0];
  const top = ends[0];
  const bottom = ends.at(-1);
  return {
    name: `tie-${from}-${to}`,
    title: `${fromName}’s commitments to ${toName}, by domain`,
    headline:
      top && bottom && moved
        ? `At the end, ${fromName}’s commitment to ${toName} is highest in ${top[0]} (${fixed(top[1][1], 2)}) and lowest in ${bottom[0]} ` +
          `(${fixed(bottom[1][1], 2)}); it moved most in ${moved[0]} (${signed(moved[1][1] - moved[1][0], 2)} since the start).`
        : `No commitments of ${fromName} to ${toName} to show.`,
    caption: `Median (line) and 90% band (shaded, the model’s own noise) across replications of what ${fromName} has committed to ${toName} in each domain: 0 none, 1 a full commitment.`,
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
export function contributionsChart(contributions: readonly Row[], from: string, to: string, labels: Labels): Chart {
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
    return { mechanism: mechanismWords(mechanism), domain, value: sum / per };
  });
  const net = new Map<string, number>();
  for (const v of values) net.set(v.mechanism as string, (net.get(v.mechanism as string) ?? 0) + Number(v.value));
  const ranked = [...net].sort((p, q) => q[1] - p[1]);
  const push = ranked[0];
  const pull = ranked.at(-1);
  const [fromName, toName] = [actorName(labels, from), actorName(labels, to)];
  return {
    name: `contributions-${from}-${to}`,
    title: `Why ${fromName}’s commitments to ${toName} move: each mechanism’s push`,
    headline:
      push && pull && push[1] > 0 && pull[1] < 0
        ? `The strongest push up on ${fromName}’s commitments to ${toName} is ${push[0]} (${signed(push[1], 4)} a month over all domains); ` +
          `the strongest pull down is ${pull[0]} (${signed(pull[1], 4)}).`
        : `No mechanism pushes ${fromName}’s commitments to ${toName} both ways: the largest term is ${push?.[0] ?? 'none'}.`,
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
