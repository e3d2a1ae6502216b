import { EntenteError } from '../errors.js';
import { tickDate } from '../experiments/dates.js';
import { DOMAINS } from '../model/domains.js';
import { didYouMean } from '../suggest.js';
import { calibrationContent, posteriorContent } from './calibrationContent.js';
import { compareContent } from './compareContent.js';
import { discoveryContent } from './discoveryContent.js';
import type { Table } from './html.js';
import { pairKeyName } from './labels.js';
import { observedPoints, posteriorPredictive } from './observed.js';
import { labelsFor } from './outputLabels.js';
import type { OutputDir, Row } from './outputs.js';
import type { Content } from './pageContent.js';
import { signsContent } from './signsContent.js';
import type { Chart } from './specs/chart.js';
import { robustnessChart } from './specs/compare.js';
import { directionsChart } from './specs/directions.js';
import { observablesChart } from './specs/observables.js';
import { contributionsChart, depthChart, tieChart } from './specs/run.js';
import { morrisChart, sobolChart } from './specs/sensitivity.js';
import { heatmapChart, parameterChart, pointMeans } from './specs/sweep.js';
import { bands } from './summarise.js';
import { validationContent } from './validationContent.js';
import { parameterWords } from './words.js';

export interface ReportOptions {
  /** The tie to chart for a run, "A>B" (default: the first pair's first direction). */
  readonly tie?: string;
  /** The pair whose outcomes a sweep or sensitivity report shows, "A-B" (default: the first). */
  readonly pair?: string;
  /** The two parameters of a sweep's heat map (default: the first two). */
  readonly heatmap?: readonly [string, string];
}

const num = (v: string | undefined): number | string => (v === undefined || v === '' ? '' : Number(v));

function dateMap(out: OutputDir, ticks: Iterable<string>): Map<string, string> {
  const start = out.manifest.start;
  const map = new Map<string, string>();
  if (typeof start !== 'string') return map;
  for (const t of ticks) map.set(t, tickDate(start, Number(t)));
  return map;
}

/** A name the user gave (--tie, --pair, --heatmap) that this output does not have: exit 2, with the names it has. */
function unknownName(out: OutputDir, flag: string, given: string, names: readonly string[]): EntenteError {
  return new EntenteError('report.unknownName', `${flag} ${given}: no such name in this ${out.kind}${didYouMean(given, names)}`, {
    where: { file: out.dir },
    expected: `one of ${names.slice(0, 12).join(', ')}${names.length > 12 ? ', …' : ''}`,
  });
}

/** Options that a kind of report does not read are refused, not ignored. */
const READS: Record<OutputDir['kind'], readonly (keyof ReportOptions)[]> = {
  posterior: [],
  run: ['tie'],
  sweep: ['pair', 'heatmap'],
  sensitivity: ['pair'],
  compare: [],
  robustness: [],
  signs: [],
  calibration: [],
  discovery: [],
  validation: [],
};

/** "A:B" (or "A>B", which a shell takes for a redirection unless quoted) → [A, B]. */
function parseTie(text: string): [string, string] | undefined {
  const m = /^([A-Za-z][A-Za-z0-9_]*)[:>]([A-Za-z][A-Za-z0-9_]*)$/.exec(text.trim());
  return m ? [m[1] as string, m[2] as string] : undefined;
}

/** The pair to show: --pair A-B (either order) if this output has it, else the first. */
function choosePair(out: OutputDir, rows: readonly Row[], given: string | undefined): string {
  const names = [...new Set(rows.map((r) => `${r.a}-${r.b}`))];
  if (given === undefined) return names[0] ?? '-';
  const [a, b] = given.split('-');
  const found = names.find((n) => n === given || n === `${b}-${a}`);
  if (!found) throw unknownName(out, '--pair', given, names);
  return found;
}

function runContent(out: OutputDir, options: ReportOptions): Content {
  const notes: string[] = [];
  const labels = labelsFor(out);
  const pairs = out.rows('pairs.csv');
  const events = out.has('events.csv') ? out.rows('events.csv') : [];
  const dates = dateMap(out, new Set(pairs.map((r) => r.tick as string)));
  const charts: Chart[] = [depthChart(pairs, events, dates, labels, labels.focus)];
  // The tie shown: --tie, else the focus pair's first direction, else the first pair's.
  const [focusA, focusB] = (labels.focus[0] ?? '').split('-');
  const first = pairs.find((r) => r.a === focusA && r.b === focusB) ?? pairs[0];
  const directions = first ? directionsChart(pairs, first.a as string, first.b as string, dates, labels) : undefined;
  if (directions) charts.push(directions);
  const ties = out.rows('ties.csv');
  let from = first?.a ?? '';
  let to = first?.b ?? '';
  if (options.tie !== undefined) {
    const names = [...new Set(ties.map((r) => `${r.from}:${r.to}`))];
    const parsed = parseTie(options.tie);
    if (!parsed || !ties.some((r) => r.from === parsed[0] && r.to === parsed[1])) throw unknownName(out, '--tie', options.tie, names);
    [from, to] = parsed;
  }
  if (!ties.some((r) => r.from === from && r.to === to)) notes.push(`No tie ${from}>${to} in ties.csv: its charts are left out.`);
  else {
    charts.push(tieChart(ties, from, to, DOMAINS, dates, labels));
    if (out.has('contributions.csv')) charts.push(contributionsChart(out.rows('contributions.csv'), from, to, labels));
    else notes.push('Mechanism contributions are shown when the run is made with --contributions.');
  }
  if (out.has('observables.csv'))
    charts.push(observablesChart(out.rows('observables.csv'), observedPoints(out, notes), labels, posteriorPredictive(out, notes)));
  const finals = bands(
    out.rows('summary.csv'),
    (r) => `${r.a}-${r.b}`,
    (r) => Number(r.depth_final),
  );
  const tables: Table[] = [
    {
      title: 'Final depth per pair',
      columns: ['pair', 'median', '5%', '95%'],
      rows: [...finals].map(([pair, b]) => [pairKeyName(labels, pair), b.median, b.low, b.high]),
      note: 'Depth at the last tick across replications (summary.csv).',
    },
  ];
  return { charts, tables, notes };
}

function robustnessContent(out: OutputDir): Content {
  const labels = labelsFor(out);
  const all = out.rows('robustness.csv');
  const rows = all.filter((r) => r.a === all[0]?.a && r.b === all[0]?.b); // the pair the chart shows
  return {
    charts: [robustnessChart(rows, labels)],
    tables: [
      {
        title: `Levers across the sweep (${pairKeyName(labels, `${rows[0]?.a}-${rows[0]?.b}`)}; every pair in robustness.csv)`,
        columns: ['lever', 'pair', 'mean effect', 'worst case', 'best case', 'share closer', 'mean regret', 'max regret', 'points'],
        rows: rows.map((r) => [
          labels.levers[r.lever as string] ?? (r.lever as string),
          pairKeyName(labels, `${r.a}-${r.b}`),
          Number(r.mean_effect),
          Number(r.worst_case),
          Number(r.best_case),
          Number(r.share_closer),
          Number(r.mean_regret),
          Number(r.max_regret),
          Number(r.points),
        ]),
      },
    ],
    notes: [],
  };
}

function sweepParameters(out: OutputDir): string[] {
  const header = Object.keys(out.rows('points.csv')[0] ?? {});
  return header.filter((c) => c !== 'point');
}

function sweepContent(out: OutputDir, options: ReportOptions): Content {
  const runs = out.rows('runs.csv');
  const parameters = sweepParameters(out);
  const pair = choosePair(out, runs, options.pair);
  for (const p of options.heatmap ?? []) if (!parameters.includes(p)) throw unknownName(out, '--heatmap', p, parameters);
  const labels = labelsFor(out);
  const means = pointMeans(runs, parameters, pair, 'depth_final');
  const charts: Chart[] = [parameterChart(means, parameters, pair, 'depth_final', labels)];
  const [x, y] = options.heatmap ?? [parameters[0], parameters[1]];
  if (x && y) charts.push(heatmapChart(means, x, y, pair, 'depth_final', labels));
  return {
    charts,
    tables: [
      {
        title: 'Sweep',
        columns: ['points', 'runs', 'parameters'],
        rows: [
          [
            means.length,
            runs.length / Math.max(1, new Set(runs.map((r) => `${r.a}-${r.b}`)).size),
            parameters.map((p) => `${parameterWords(p, labels)} (${p})`).join('; '),
          ],
        ],
      },
    ],
    notes: [],
  };
}

function sensitivityContent(out: OutputDir, options: ReportOptions): Content {
  const indices = out.rows('indices.csv');
  const pair = choosePair(out, indices, options.pair);
  const sobol = indices.some((r) => r.index === 'S1');
  const labels = labelsFor(out);
  const mine = indices.filter((r) => r.outcome === 'depth_final' && `${r.a}-${r.b}` === pair);
  return {
    charts: [sobol ? sobolChart(indices, 'depth_final', pair, labels) : morrisChart(indices, 'depth_final', pair, labels)],
    tables: [
      {
        title: `Indices of final depth (${pairKeyName(labels, pair)})`,
        columns: ['parameter', 'index', 'value', 'CI low', 'CI high'],
        rows: mine.map((r) => [
          `${parameterWords(r.parameter as string, labels)} (${r.parameter})`,
          r.index as string,
          Number(r.value),
          num(r.ci_low),
          num(r.ci_high),
        ]),
      },
    ],
    notes: [],
  };
}

const CONTENT: Record<OutputDir['kind'], (out: OutputDir, options: ReportOptions) => Content> = {
  posterior: posteriorContent,
  run: runContent,
  compare: (out) => compareContent(out),
  robustness: robustnessContent,
  signs: signsContent,
  sweep: sweepContent,
  sensitivity: sensitivityContent,
  calibration: calibrationContent,
  discovery: discoveryContent,
  validation: validationContent,
};

export function contentOf(out: OutputDir, options: ReportOptions): Content {
  for (const key of Object.keys(options) as (keyof ReportOptions)[]) {
    if (options[key] !== undefined && !READS[out.kind].includes(key))
      throw new EntenteError('report.option', `--${key} does not apply to a ${out.kind} report`, {
        where: { file: out.dir },
        expected: READS[out.kind].length > 0 ? READS[out.kind].map((k) => `--${k}`).join(', ') : 'no options',
      });
  }
  return CONTENT[out.kind](out, options);
}
