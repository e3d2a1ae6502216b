/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * The explore page: sliders and lever switches that re-run the model (the command's own code,
 * bundled) and redraw the charts at every change; the view lives in the URL fragment, so a link
 * reproduces it. window.entente exposes the current numbers for tests and for the curious.
 */
import { stringify as toYaml } from 'yaml';
import type { LeverEffect } from '../../compare/compare.js';
import { tickDate } from '../../experiments/dates.js';
import type { PairRow } from '../../experiments/pairRows.js';
import { DOMAINS } from '../../model/domains.js';
import {
  type Embedded,
  leverEffects,
  type PageRun,
  type PosteriorView,
  pairsCsv,
  posteriorView,
  resolve,
  runPage,
  type Settings,
  setFlags,
} from '../model.js';
import { axes, band, el, FRAME, line } from './svg.js';

interface View {
  readonly settings: Settings;
  readonly run: PageRun;
  /** The same settings without the lever, when one is on. */
  readonly baseline: PageRun | undefined;
  readonly effects: readonly LeverEffect[];
  /** Over the posterior's sampled particles, when that is on. */
  readonly posterior: PosteriorView | undefined;
  readonly ms: number;
}

declare global {
  interface Window {
    entente?: { view: View; page: Embedded; pairsCsv: () => string; command: () => string; yaml: () => string };
  }
}

/** "CHN-RUS" in the scenario's words: "China–Russia". */
function pairWords(page: Embedded, pair: string): string {
  return pair
    .split('-')
    .map((id) => page.data.actors[id]?.name ?? id)
    .join('–');
}

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

function defaults(page: Embedded): Settings {
  return {
    set: Object.fromEntries(page.controls.map((c) => [c.path, c.value])),
    lever: undefined,
    seed: page.seed,
    replications: page.replications,
  };
}

/** The settings the URL fragment names (#r=30&seed=1&lever=x&actors.CHN.costAversion=0.5), over the defaults. */
function fromHash(page: Embedded): Settings {
  const base = defaults(page);
  const params = new URLSearchParams(location.hash.slice(1));
  const set = { ...base.set };
  for (const c of page.controls) {
    const v = Number(params.get(c.path));
    if (params.has(c.path) && Number.isFinite(v)) set[c.path] = Math.min(c.max, Math.max(c.min, v));
  }
  const lever = params.get('lever') ?? undefined;
  const int = (k: string, d: number, max: number) => {
    const v = Number(params.get(k));
    return params.has(k) && Number.isInteger(v) && v >= 1 && v <= max ? v : d;
  };
  return {
    set,
    posterior: page.posterior !== undefined && params.get('posterior') === '1',
    lever: page.levers.some((l) => l.name === lever) ? lever : undefined,
    seed: int('seed', base.seed, Number.MAX_SAFE_INTEGER),
    replications: int('r', base.replications, 1000),
  };
}

function toHash(page: Embedded, s: Settings): string {
  const params = new URLSearchParams();
  params.set('r', String(s.replications));
  params.set('seed', String(s.seed));
  if (s.lever) params.set('lever', s.lever);
  if (s.posterior) params.set('posterior', '1');
  for (const flag of setFlags(page, s)) {
    const [path = '', value = ''] = flag.split('=');
    params.set(path, value);
  }
  return `#${params.toString()}`;
}

/** Mean and 5–95% range of a focus pair's depth at each tick, over replications. */
function depthBands(rows: readonly PairRow[], pair: string) {
  const byTick = new Map<number, number[]>();
  for (const r of rows) if (`${r.a}-${r.b}` === pair) (byTick.get(r.tick) ?? byTick.set(r.tick, []).get(r.tick))?.push(r.depth);
  const ticks = [...byTick.keys()].sort((a, b) => a - b);
  const q = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.max(0, Math.round(p * (xs.length - 1))))] as number;
  const stats = ticks.map((t) => {
    const xs = (byTick.get(t) as number[]).sort((a, b) => a - b);
    return { mean: xs.reduce((s, x) => s + x, 0) / xs.length, low: q(xs, 0.05), high: q(xs, 0.95) };
  });
  return { ticks, mean: stats.map((s) => s.mean), low: stats.map((s) => s.low), high: stats.map((s) => s.high) };
}

function drawDepth(page: Embedded, view: View): void {
  const svg = $<HTMLElement>('depth').querySelector('svg') as SVGSVGElement;
  const pair = page.focus[0] ?? '';
  const now = depthBands(view.run.rows, pair);
  const base = view.baseline ? depthBands(view.baseline.rows, pair) : undefined;
  const post = view.posterior?.depth;
  const values = [...now.low, ...now.high, ...(base?.mean ?? []), ...(post?.high ?? [])];
  const hi = Math.max(0.05, ...values) * 1.1;
  const last = now.ticks.at(-1) ?? 1;
  const { sx, sy } = axes(
    svg,
    FRAME,
    { lo: 0, hi: last, title: 'month', label: (t) => tickDate(page.data.start, t) || String(t) },
    { lo: 0, hi, title: 'depth (mutual costly commitment)' },
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
  const final = now.mean.at(-1) ?? 0;
  $('depth-headline').textContent =
    `${pairWords(page, pair)} ends at depth ${final.toFixed(3)} (90% of replications ${(now.low.at(-1) ?? 0).toFixed(3)} to ${(now.high.at(-1) ?? 0).toFixed(3)})` +
    (base ? `; without the lever ${(base.mean.at(-1) ?? 0).toFixed(3)} (dashed)` : '') +
    (post
      ? `. Over the posterior its plausible range is ${(post.low.at(-1) ?? 0).toFixed(3)} to ${(post.high.at(-1) ?? 0).toFixed(3)} (orange, 90% of particles).`
      : '.');
  $('depth-note').textContent = post
    ? 'Blue: mean over replications and the band 90% of them fall in (model noise at the sliders’ values). Orange: the range 90% of the posterior’s sampled particles fall in, each run once (parameter uncertainty).'
    : 'Mean over replications, with the band 90% of them fall in: model noise only, at these settings.';
}

/** The focus pair's commitment each way, domain by domain, at the last tick; the baseline's as hollow marks when a lever is on. */
function drawDomains(page: Embedded, view: View): void {
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
  const legend = ways.map((w, j) => `<span style="color:${colours[j]}">■</span> ${name(w.from)} → ${name(w.to)}`).join('  ');
  $('domains-legend').innerHTML = `${legend}${view.baseline ? '  <span>▬</span> without the lever' : ''}`;
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
function drawIndicators(page: Embedded, view: View): void {
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

function drawForest(page: Embedded, view: View): void {
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
    `Δ depth ${e.deltaMean.toFixed(3)}, ${view.posterior ? '90% credible interval' : '95% CI'} ${e.ciLow.toFixed(3)} to ${e.ciHigh.toFixed(3)}`;
  $('forest-headline').textContent = !top
    ? 'The scenario has no levers.'
    : view.posterior
      ? `${words(top)} pulls ${pairWords(page, pair)} apart in ${(100 * top.probApart).toFixed(0)}% of plausible worlds (${range(top)}).`
      : `Most dividing here: ${words(top)} (${range(top)}, ${top.verdict}).`;
  $('forest-note').textContent = view.posterior
    ? `Each lever against the baseline at each of ${page.posterior?.particles.length} sampled particles, on common random numbers (entente compare --posterior): the spread is the posterior's. Red: closer, blue: apart in at least 90% of them; grey: neither.`
    : 'Each lever against the baseline on common random numbers at these settings (entente compare --no-posterior); red pulls closer, blue apart, grey unclear.';
}

/** The scenario with the sliders' values written in; the lever stays a lever (run it with --lever, as the command line says). */
function scenarioYaml(page: Embedded, s: Settings): string {
  const lever = s.lever ? `# run with --lever ${s.lever}\n` : '';
  return `# ${page.file} as explored: ${setFlags(page, s).join(', ') || 'no values changed'}\n${lever}${toYaml(resolve(page, { ...s, lever: undefined }).spec)}`;
}

function command(page: Embedded, s: Settings): string {
  return [
    'entente run',
    page.file,
    ...(s.lever ? ['--lever', s.lever] : []),
    ...(s.replications !== page.replications ? ['-r', String(s.replications)] : []),
    ...(s.seed !== page.seed ? ['--seed', String(s.seed)] : []),
    ...setFlags(page, s).flatMap((f) => ['--set', f]),
  ].join(' ');
}

function compute(page: Embedded, settings: Settings): View {
  const started = performance.now();
  const focus = page.focus[0];
  const run = runPage(resolve(page, settings), focus);
  const baseline = settings.lever ? runPage(resolve(page, { ...settings, lever: undefined }), focus) : undefined;
  const posterior = posteriorView(page, settings);
  const effects = posterior ? posterior.effects : page.levers.length > 0 ? leverEffects(page, settings) : [];
  return { settings, run, baseline, effects, posterior, ms: performance.now() - started };
}

/** A section's charts as one SVG file: several (the indicators) stacked one above the other. */
function chartSvg(section: HTMLElement): string {
  const charts = [...section.querySelectorAll('svg')];
  if (charts.length === 1) return (charts[0] as SVGSVGElement).outerHTML;
  const size = (c: SVGSVGElement) => (c.getAttribute('viewBox') ?? '0 0 0 0').split(' ').map(Number).slice(2) as [number, number];
  let y = 0;
  const parts = charts.map((c) => {
    const [w, h] = size(c);
    const part = `<svg x="0" y="${y}" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">${c.innerHTML}</svg>`;
    y += h;
    return part;
  });
  const width = Math.max(...charts.map((c) => size(c)[0]));
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${y}">${parts.join('')}</svg>`;
}

function download(name: string, type: string, text: string): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([text], { type }));
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

function buildControls(page: Embedded, current: () => Settings, change: (s: Settings) => void): void {
  const box = $('controls');
  const groups = new Map<string, HTMLElement>();
  for (const c of page.controls) {
    let group = groups.get(c.group);
    if (!group) {
      group = document.createElement('fieldset');
      group.append(Object.assign(document.createElement('legend'), { textContent: c.group }));
      groups.set(c.group, group);
      box.append(group);
    }
    const row = document.createElement('label');
    row.className = 'slider';
    const input = Object.assign(document.createElement('input'), {
      type: 'range',
      min: String(c.min),
      max: String(c.max),
      step: String(c.step),
    });
    input.dataset.path = c.path;
    const out = document.createElement('output');
    row.append(Object.assign(document.createElement('span'), { textContent: c.label }), input, out);
    input.addEventListener('input', () => {
      out.textContent = Number(input.value).toFixed(3);
      change({ ...current(), set: { ...current().set, [c.path]: Number(input.value) } });
    });
    group.append(row);
  }
  const levers = $('levers');
  for (const l of [{ name: '', description: 'baseline (no lever)' }, ...page.levers]) {
    const row = document.createElement('label');
    const input = Object.assign(document.createElement('input'), { type: 'radio', name: 'lever', value: l.name });
    input.addEventListener('change', () => change({ ...current(), lever: l.name || undefined }));
    row.append(input, ` ${l.description}`);
    levers.append(row);
  }
  const post = page.posterior;
  if (post) {
    const box = $('posterior-box');
    box.hidden = false;
    const input = $<HTMLInputElement>('posterior');
    $('posterior-label').textContent =
      ` over the calibrated posterior: ${post.particles.length} of its ${post.count} particles (ESS ${post.ess.toFixed(0)}), drawn by weight`;
    input.addEventListener('change', () => change({ ...current(), posterior: input.checked }));
  }
  const number = (id: string, key: 'seed' | 'replications') =>
    $<HTMLInputElement>(id).addEventListener('change', (e) => {
      const v = Number((e.target as HTMLInputElement).value);
      if (Number.isInteger(v) && v >= 1) change({ ...current(), [key]: v });
    });
  number('replications', 'replications');
  number('seed', 'seed');
}

/** Put the settings into the controls (after a reset, or from the URL). */
function show(s: Settings): void {
  for (const input of document.querySelectorAll<HTMLInputElement>('#controls input[type=range]')) {
    const v = s.set[input.dataset.path ?? ''] ?? 0;
    input.value = String(v);
    (input.nextElementSibling as HTMLOutputElement).textContent = v.toFixed(3);
  }
  for (const input of document.querySelectorAll<HTMLInputElement>('#levers input')) input.checked = input.value === (s.lever ?? '');
  $<HTMLInputElement>('replications').value = String(s.replications);
  $<HTMLInputElement>('posterior').checked = s.posterior === true;
  $<HTMLInputElement>('seed').value = String(s.seed);
}

export function start(): void {
  const page = JSON.parse($('entente-data').textContent ?? '{}') as Embedded;
  let settings = fromHash(page);
  let pending = false;
  let view: View;
  const render = () => {
    pending = false;
    try {
      view = compute(page, settings);
    } catch (err) {
      $('status').textContent = `These settings cannot run: ${(err as Error).message}`;
      console.error(err); // the stack, for a report
      return;
    }
    const fixed = new Set(settings.posterior ? (page.posterior?.paths ?? []) : []);
    for (const input of document.querySelectorAll<HTMLInputElement>('#controls input[type=range]')) {
      input.disabled = fixed.has(input.dataset.path ?? '');
      input.title = input.disabled ? 'set by each particle of the posterior' : '';
    }
    drawDepth(page, view);
    drawDomains(page, view);
    drawIndicators(page, view);
    drawForest(page, view);
    $('command').textContent = command(page, settings);
    history.replaceState(null, '', toHash(page, settings));
    const particles = view.posterior ? ` and ${page.posterior?.particles.length} particles × ${page.levers.length + 2} runs` : '';
    $('status').textContent =
      `${settings.replications} replications × ${page.levers.length + 1} arms${particles} run in ${view.ms.toFixed(0)} ms`;
    window.entente = {
      view,
      page,
      pairsCsv: () => pairsCsv(view.run.rows),
      command: () => command(page, settings),
      yaml: () => scenarioYaml(page, settings),
    };
    document.body.dataset.renders = String(Number(document.body.dataset.renders ?? 0) + 1);
  };
  const change = (s: Settings) => {
    settings = s;
    if (!pending) {
      pending = true;
      requestAnimationFrame(render);
    }
  };
  buildControls(page, () => settings, change);
  show(settings);
  $('reset').addEventListener('click', () => {
    settings = defaults(page);
    show(settings);
    change(settings);
  });
  $('export-csv').addEventListener('click', () => download('pairs.csv', 'text/csv', pairsCsv(view.run.rows)));
  $('export-yaml').addEventListener('click', () =>
    download(`${page.data.name}-explored.yaml`, 'text/yaml', toYaml(resolve(page, settings).spec)),
  );
  for (const id of ['depth', 'domains', 'indicators', 'forest'])
    $(`export-${id}`).addEventListener('click', () => download(`${id}.svg`, 'image/svg+xml', chartSvg($(id))));
  render();
}
