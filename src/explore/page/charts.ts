/// <reference lib="dom" />
/** The explore page's four charts, drawn from a View: depth, commitments by domain, indicators against the record, levers. */
import type { LeverEffect } from '../../compare/compare.js';
import { tickDate } from '../../experiments/dates.js';
import type { PairRow } from '../../experiments/pairRows.js';
import { DOMAINS } from '../../model/domains.js';
import { bandOf, depthSeries, type Embedded, sideSeries } from '../model.js';
import { axes, band, el, FRAME, line } from './svg.js';
import { $, pairWords, type View } from './view.js';

/** A focus pair's depth at each tick over replications: mean and 5–95% range, with the ticks. */
function depthBands(rows: readonly PairRow[], pair: string) {
  const band = bandOf(depthSeries(rows, pair));
  return { ticks: Array.from(band.mean, (_, t) => t), mean: [...band.mean], low: [...band.low], high: [...band.high] };
}

export function drawDepth(page: Embedded, view: View): void {
  const svg = $<HTMLElement>('depth').querySelector('svg') as SVGSVGElement;
  const pair = page.focus[0] ?? '';
  const now = depthBands(view.run.rows, pair);
  const base = view.baseline ? depthBands(view.baseline.rows, pair) : undefined;
  const post = view.posterior?.depth;
  // Each side's own cost-weighted commitment, of which depth is the common part: a side that bears more shows here only.
  const sides = [true, false].map((first) => [...bandOf(sideSeries(view.run.rows, pair, first)).mean]);
  const values = [...now.low, ...now.high, ...(base?.mean ?? []), ...(post?.high ?? []), ...sides.flat()];
  const hi = Math.max(0.05, ...values) * 1.1;
  const last = now.ticks.at(-1) ?? 1;
  const { sx, sy } = axes(
    svg,
    FRAME,
    { lo: 0, hi: last, title: 'month', label: (t) => tickDate(page.data.start, t) || String(t) },
    { lo: 0, hi, title: 'depth (solid), each side (dotted)' },
  );
  const xs = now.ticks.map(sx);
  if (post)
    svg.append(
      el('path', {
        d: band(xs, Array.from(post.low, sy), Array.from(post.high, sy)),
        fill: '#f28e2b',
        'fill-opacity': 0.25,
        'data-series': 'posterior',
      }),
    );
  svg.append(el('path', { d: band(xs, now.low.map(sy), now.high.map(sy)), fill: '#4c78a8', 'fill-opacity': 0.22, 'data-series': 'band' }));
  if (base)
    svg.append(
      el('path', { d: line(xs, base.mean.map(sy)), fill: 'none', stroke: '#777', 'stroke-dasharray': '5 4', 'stroke-width': 1.5 }),
    );
  svg.append(el('path', { d: line(xs, now.mean.map(sy)), fill: 'none', stroke: '#1f4e79', 'stroke-width': 2, 'data-series': 'mean' }));
  SIDE_COLOURS.forEach((colour, j) => {
    const d = line(xs, (sides[j] ?? []).map(sy));
    const series = j === 0 ? 'side-ab' : 'side-ba';
    svg.append(el('path', { d, fill: 'none', stroke: colour, 'stroke-width': 1.5, 'stroke-dasharray': '2 3', 'data-series': series }));
  });
  const final = now.mean.at(-1) ?? 0;
  $('depth-headline').textContent =
    `${pairWords(page, pair)} ends at depth ${final.toFixed(3)} (90% of replications ${(now.low.at(-1) ?? 0).toFixed(3)} to ${(now.high.at(-1) ?? 0).toFixed(3)})` +
    (base ? `; without the lever ${(base.mean.at(-1) ?? 0).toFixed(3)} (dashed)` : '') +
    (post
      ? `. Over the posterior its plausible range is ${(post.low.at(-1) ?? 0).toFixed(3)} to ${(post.high.at(-1) ?? 0).toFixed(3)} (orange, 90% of particles).`
      : '.') +
    sidesSentence(page, pair, sides);
  $('depth-note').textContent = post
    ? 'Blue: mean over replications and the band 90% of them fall in (model noise at the sliders’ values). Orange: the range 90% of the posterior’s sampled particles fall in, each run once (parameter uncertainty).'
    : 'Mean over replications, with the band 90% of them fall in: model noise only, at these settings.';
}

const SIDE_COLOURS = ['#59a14f', '#c0392b'];

/** " A's own commitment to B goes from x to y (±z%); B's to A …": each side's cost-weighted commitment, start to end. */
function sidesSentence(page: Embedded, pair: string, sides: readonly (readonly number[])[]): string {
  const [a = '', b = ''] = pair.split('-');
  const name = (id: string) => page.data.actors[id]?.name ?? id;
  const says = sides.map((series) => {
    const [from = 0, to = 0] = [series[0], series.at(-1)];
    const change = from > 0 ? ` (${to >= from ? '+' : '−'}${Math.abs(100 * (to / from - 1)).toFixed(0)}%)` : '';
    return `${from.toFixed(3)} to ${to.toFixed(3)}${change}`;
  });
  return ` Each side’s own cost-weighted commitment (dotted): ${name(a)}’s to ${name(b)} ${says[0]}, ${name(b)}’s to ${name(a)} ${says[1]}; depth is their common part.`;
}

/** The focus pair's commitment each way, domain by domain, at the last tick; the baseline's as hollow marks when a lever is on. */
export function drawDomains(page: Embedded, view: View): void {
  const svg = $<HTMLElement>('domains').querySelector('svg') as SVGSVGElement;
  const ways = view.run.domains;
  const name = (id: string) => page.data.actors[id]?.name ?? id;
  const f = { ...FRAME, height: 260 };
  const { sx, sy } = axes(
    svg,
    f,
    { lo: 0, hi: DOMAINS.length, title: 'domain', label: () => '' },
    { lo: 0, hi: 1, title: 'commitment at the end' },
  );
  const colours = ['#1f4e79', '#c0392b'];
  const slot = (sx(1) - sx(0)) / (ways.length + 1);
  DOMAINS.forEach((d, k) => {
    svg.append(
      el(
        'text',
        { x: sx(k + 0.5), y: f.height - f.bottom + 14, 'text-anchor': 'middle', 'font-size': 11, 'font-family': 'system-ui, sans-serif' },
        d,
      ),
    );
    ways.forEach((w, j) => {
      const x = sx(k) + slot * (j + 0.5);
      const v = w.values[k] ?? 0;
      svg.append(
        el('rect', {
          x,
          y: sy(v),
          width: slot * 0.9,
          height: sy(0) - sy(v),
          fill: colours[j] ?? '#777',
          'data-way': `${w.from}>${w.to}`,
          'data-domain': d,
          'data-value': v,
        }),
      );
      const b = view.baseline?.domains[j]?.values[k];
      if (b !== undefined) svg.append(el('rect', { x, y: sy(b) - 1, width: slot * 0.9, height: 2, fill: '#222' }));
    });
  });
  // Built from nodes, the names as text: a name is the scenario's words, never markup (docs/explore.md, Security).
  const mark = (symbol: string, colour?: string) => {
    const span = Object.assign(document.createElement('span'), { textContent: symbol });
    if (colour) span.style.color = colour; // through the CSSOM, which the page's policy allows (no style attribute)
    return span;
  };
  $('domains-legend').replaceChildren(
    ...ways.flatMap((w, j) => [j ? '  ' : '', mark('■', colours[j]), ` ${name(w.from)} → ${name(w.to)}`]),
    ...(view.baseline ? ['  ', mark('▬'), ' without the lever'] : []),
  );
  const [ab, ba] = ways;
  if (ab && ba) {
    const total = (w: typeof ab) => w.values.reduce((x, y) => x + y, 0);
    const [more, less] = total(ab) >= total(ba) ? [ab, ba] : [ba, ab];
    $('domains-headline').textContent =
      `${name(more.from)} ends more committed to ${name(more.to)} than ${name(less.from)} to ${name(less.to)} ` +
      `(summed over domains: ${total(more).toFixed(2)} against ${total(less).toFixed(2)}).`;
  }
}

/** Each indicator's mean over replications against the observed figures. */
export function drawIndicators(page: Embedded, view: View): void {
  const box = $('indicators-charts');
  box.replaceChildren();
  for (const ind of view.run.indicators) {
    const svg = el('svg', { role: 'img' });
    const observed = page.observed.filter((o) => o.indicator === ind.indicator);
    const tickOf = (date: string) => {
      const [y, m] = date.split('-').map(Number);
      const [y0, m0] = (page.data.start ?? '2000-01').split('-').map(Number);
      return ((y ?? 0) - (y0 ?? 0)) * 12 + ((m ?? 1) - (m0 ?? 1));
    };
    const spread = view.posterior?.indicators.find((p) => p.indicator === ind.indicator)?.band;
    const values = [...ind.mean, ...observed.map((o) => o.value), ...(spread ? [...spread.low, ...spread.high] : [])];
    const lo = Math.min(0, ...values);
    const hi = Math.max(...values) * 1.1 || 1;
    const { sx, sy } = axes(
      svg,
      { ...FRAME, height: 220 },
      { lo: 0, hi: ind.mean.length - 1, title: 'month', label: (t) => tickDate(page.data.start, t) || String(t) },
      { lo, hi, title: ind.unit },
    );
    const xs = Array.from(ind.mean, (_, t) => sx(t));
    const plausible = view.posterior?.indicators.find((p) => p.indicator === ind.indicator)?.band;
    if (plausible)
      svg.append(
        el('path', { d: band(xs, Array.from(plausible.low, sy), Array.from(plausible.high, sy)), fill: '#f28e2b', 'fill-opacity': 0.25 }),
      );
    svg.append(
      el('path', {
        d: line(xs, Array.from(ind.mean, sy)),
        fill: 'none',
        stroke: '#1f4e79',
        'stroke-width': 2,
        'data-indicator': ind.indicator,
      }),
    );
    for (const o of observed) svg.append(el('circle', { cx: sx(tickOf(o.date)), cy: sy(o.value), r: 4, fill: '#e67e22' }, undefined));
    const title = document.createElement('p');
    title.className = 'subtitle';
    title.textContent = `${page.indicators[ind.indicator] ?? ind.indicator} (${ind.unit})${observed.length ? ': model (line) and observed (dots)' : ''}`;
    const cell = document.createElement('div');
    cell.append(title, svg);
    box.append(cell);
  }
}

export function drawForest(page: Embedded, view: View): void {
  const svg = $<HTMLElement>('forest').querySelector('svg') as SVGSVGElement;
  const pair = page.focus[0] ?? '';
  const rows = view.effects.filter((e) => `${e.a}-${e.b}` === pair).sort((a, b) => a.deltaMean - b.deltaMean);
  const f = { ...FRAME, left: 200, height: 40 + 28 * Math.max(1, rows.length) };
  const span = Math.max(0.01, ...rows.flatMap((e) => [Math.abs(e.ciLow), Math.abs(e.ciHigh)])) * 1.15;
  const { sx } = axes(
    svg,
    f,
    {
      lo: -span,
      hi: span,
      title: `Δ final depth of ${pairWords(page, pair)}, lever − baseline (${view.posterior ? '90% credible interval' : '95% CI'})`,
    },
    { lo: 0, hi: 0, title: '' },
  );
  svg.append(el('line', { x1: sx(0), x2: sx(0), y1: f.top, y2: f.height - f.bottom, stroke: '#333' }));
  const colour = { closer: '#c0392b', apart: '#1f77b4' } as Record<string, string>;
  rows.forEach((e, i) => {
    const y = f.top + 14 + 28 * i;
    const label = page.levers.find((l) => l.name === e.lever)?.description ?? e.lever;
    svg.append(
      el(
        'text',
        { x: f.left - 8, y: y + 4, 'text-anchor': 'end', 'font-size': 11, 'font-family': 'system-ui, sans-serif' },
        label.length > 32 ? `${label.slice(0, 31)}…` : label,
      ),
    );
    svg.append(el('line', { x1: sx(e.ciLow), x2: sx(e.ciHigh), y1: y, y2: y, stroke: colour[e.verdict] ?? '#777', 'stroke-width': 3 }));
    svg.append(
      el('circle', {
        cx: sx(e.deltaMean),
        cy: y,
        r: 5,
        fill: colour[e.verdict] ?? '#777',
        'data-lever': e.lever,
        'data-delta': e.deltaMean,
      }),
    );
  });
  const top = rows[0];
  const words = (e: LeverEffect) => page.levers.find((l) => l.name === e.lever)?.description ?? e.lever;
  const range = (e: LeverEffect) =>
    `Δ depth ${e.deltaMean.toFixed(3)}, ${view.posterior ? '90% credible interval' : '95% CI'} ${e.ciLow.toFixed(3) === e.ciHigh.toFixed(3) ? `${e.ciLow.toFixed(3)} ±<0.0005` : `${e.ciLow.toFixed(3)} to ${e.ciHigh.toFixed(3)}`}`;
  $('forest-headline').textContent = !top
    ? 'The scenario has no levers.'
    : view.posterior
      ? // What the probability covers, in the sentence that states it (as compare's report says it).
        `${words(top)} pulls ${pairWords(page, pair)} apart in ${(100 * top.probApart).toFixed(0)}% of plausible worlds, a probability over the posterior's ${page.posterior?.paths.length ?? 0} calibrated parameters and not over the model's structure or the settings it holds fixed (${range(top)}).`
      : `Most dividing here: ${words(top)} (${range(top)}, ${top.verdict}).`;
  $('forest-note').textContent = view.posterior
    ? `Each lever against the baseline at each of ${page.posterior?.particles.length} sampled particles, on common random numbers (entente compare --posterior): the spread is the posterior's. Red: closer, blue: apart in at least 90% of them; grey: neither.`
    : 'Each lever against the baseline on common random numbers at these settings (entente compare --no-posterior); red pulls closer, blue apart, grey unclear.';
}
