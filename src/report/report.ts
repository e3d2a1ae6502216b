/**
 * `entente report DIR`: the charts and tables of any output directory, as SVG
 * files (charts/NAME.svg, with their Vega-Lite specifications beside them as
 * NAME.vl.json) and one self-contained report.html. Every file is written
 * atomically; the directory's own outputs are never touched.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { tickDate } from '../experiments/dates.js';
import { DOMAINS } from '../model/domains.js';
import { readSource } from '../scenario/source.js';
import { writeAtomic } from '../sweep/files.js';
import { page, type Section, type Table } from './html.js';
import { type OutputDir, type Row, readCsv, readOutputDir } from './outputs.js';
import { toSvg } from './render.js';
import { targetsChart } from './specs/calibration.js';
import type { Chart } from './specs/chart.js';
import { domainChart, focusRows, forestChart, robustnessChart } from './specs/compare.js';
import { contributionsChart, depthChart, type ObservedPoint, observablesChart, tieChart } from './specs/run.js';
import { morrisChart, sobolChart } from './specs/sensitivity.js';
import { heatmapChart, parameterChart, pointMeans } from './specs/sweep.js';
import { bands } from './summarise.js';

export interface ReportOptions {
  /** The tie to chart for a run, "A>B" (default: the first pair's first direction). */
  readonly tie?: string;
  /** The pair whose outcomes a sweep or sensitivity report shows, "A-B" (default: the first). */
  readonly pair?: string;
  /** The two parameters of a sweep's heat map (default: the first two). */
  readonly heatmap?: readonly [string, string];
}

export interface ReportResult {
  readonly kind: OutputDir['kind'];
  readonly html: string;
  readonly charts: readonly string[];
}

interface Content {
  readonly charts: Chart[];
  readonly tables: Table[];
  readonly notes: string[];
}

const num = (v: string | undefined): number | string => (v === undefined || v === '' ? '' : Number(v));
const str = (v: unknown): string => (v === undefined || v === null ? '' : typeof v === 'string' ? v : JSON.stringify(v));

function manifestFacts(out: OutputDir): [string, string][] {
  const m = out.manifest as Record<string, Record<string, unknown> | unknown>;
  const scenario = m.scenario as Record<string, unknown> | undefined;
  const facts: [string, string][] = [
    ['output', resolve(out.dir)],
    ['kind', out.kind],
    ['scenario', str(scenario?.name ?? scenario?.file)],
    ['scenario sha256', str(scenario?.sha256)],
    ['seed', str(m.seed ?? (m.identity as Record<string, unknown> | undefined)?.seed)],
    ['replications', str(m.replications ?? (m.identity as Record<string, unknown> | undefined)?.replications)],
    ['entente version', str(m.version)],
    ['command', str(m.command)],
  ];
  if (Array.isArray(m.runSeeds))
    facts.push(['run seeds', `${(m.runSeeds as number[]).slice(0, 5).join(', ')}${m.runSeeds.length > 5 ? ', …' : ''}`]);
  return facts.filter(([, v]) => v !== '');
}

/** The scenario file a run's manifest names (absolute path first, then as typed, relative to the working directory). */
function scenarioPath(out: OutputDir): string | undefined {
  const s = out.manifest.scenario as { path?: string; file?: string } | undefined;
  return [s?.path, s?.file].find((f): f is string => typeof f === 'string' && existsSync(f));
}

/** Observed figures for the run's observables: from the data file the scenario names (`observed:`), in matching units. */
function observedPoints(out: OutputDir, notes: string[]): ObservedPoint[] {
  const file = scenarioPath(out);
  if (!file) {
    notes.push('Observed figures are not shown: the scenario file named in manifest.json was not found from here.');
    return [];
  }
  const source = readSource(file);
  const ran = (out.manifest.scenario as { sha256?: string } | undefined)?.sha256;
  if (ran && source.hash !== ran)
    notes.push(`${file} has changed since this run: observed figures are matched to its current observables.`);
  const data = source.data as { observed?: string; observables?: Record<string, { unit?: string }> };
  if (!data.observed) return [];
  const path = resolve(dirname(file), data.observed);
  if (!existsSync(path)) {
    notes.push(`Observed figures are not shown: ${path} was not found.`);
    return [];
  }
  const csv = readCsv(path);
  const points: ObservedPoint[] = [];
  for (const r of csv) {
    const unit = data.observables?.[r.indicator as string]?.unit;
    const value = Number(r.value);
    const date = periodDate(r.period as string);
    if (unit === undefined || r.unit !== unit || !Number.isFinite(value) || r.value === '' || !date) continue;
    points.push({ indicator: r.indicator as string, date, value, label: r.period as string });
  }
  return points;
}

/** A period of the observed data as a month to plot at: years at mid-year, quarters at their middle month. */
export function periodDate(period: string): string | undefined {
  if (/^\d{4}$/.test(period)) return `${period}-07`;
  if (/^\d{4}-(0[1-9]|1[0-2])$/.test(period)) return period;
  const q = /^(\d{4})-Q([1-4])$/.exec(period);
  if (q) return `${q[1]}-${String(Number(q[2]) * 3 - 1).padStart(2, '0')}`;
  return undefined;
}

function dateMap(out: OutputDir, ticks: Iterable<string>): Map<string, string> {
  const start = out.manifest.start;
  const map = new Map<string, string>();
  if (typeof start !== 'string') return map;
  for (const t of ticks) map.set(t, tickDate(start, Number(t)));
  return map;
}

function runContent(out: OutputDir, options: ReportOptions): Content {
  const notes: string[] = [];
  const pairs = out.rows('pairs.csv');
  const events = out.has('events.csv') ? out.rows('events.csv') : [];
  const dates = dateMap(out, new Set(pairs.map((r) => r.tick as string)));
  const charts: Chart[] = [depthChart(pairs, events, dates)];
  const first = pairs[0];
  const [from, to] = options.tie ? (options.tie.split('>') as [string, string]) : [first?.a ?? '', first?.b ?? ''];
  const ties = out.rows('ties.csv');
  if (!ties.some((r) => r.from === from && r.to === to)) notes.push(`No tie ${from}>${to} in ties.csv: its charts are left out.`);
  else {
    charts.push(tieChart(ties, from, to, DOMAINS, dates));
    if (out.has('contributions.csv')) charts.push(contributionsChart(out.rows('contributions.csv'), from, to));
    else notes.push('Mechanism contributions are shown when the run is made with --contributions.');
  }
  if (out.has('observables.csv')) charts.push(observablesChart(out.rows('observables.csv'), observedPoints(out, notes)));
  const finals = bands(
    out.rows('summary.csv'),
    (r) => `${r.a}-${r.b}`,
    (r) => Number(r.depth_final),
  );
  const tables: Table[] = [
    {
      title: 'Final depth per pair',
      columns: ['pair', 'median', '5%', '95%'],
      rows: [...finals].map(([pair, b]) => [pair, b.median, b.low, b.high]),
      note: 'Depth at the last tick across replications (summary.csv).',
    },
  ];
  return { charts, tables, notes };
}

function compareContent(out: OutputDir): Content {
  const levers = out.rows('levers.csv');
  const rows = [...focusRows(levers)].sort((x, y) => Number(y.delta_mean) - Number(x.delta_mean));
  return {
    charts: [forestChart(levers), domainChart(levers, DOMAINS)],
    tables: [
      {
        title: 'Levers, ranked',
        columns: [
          'lever',
          'pair',
          'Δ final depth',
          '95% CI low',
          '95% CI high',
          'p_closer',
          'verdict',
          'Δ rhetoric',
          'Δ sender welfare',
          'senders',
        ],
        rows: rows.map((r) => [
          r.lever as string,
          `${r.a}-${r.b}`,
          Number(r.delta_mean),
          Number(r.ci_low),
          Number(r.ci_high),
          Number(r.p_closer),
          r.verdict as string,
          Number(r.delta_rhetoric),
          Number(r.delta_sender_welfare ?? Number.NaN),
          r.senders as string,
        ]),
        note: 'Paired differences against the baseline on common random numbers; 95% seeded bootstrap intervals (levers.csv).',
      },
    ],
    notes: [],
  };
}

function robustnessContent(out: OutputDir): Content {
  const all = out.rows('robustness.csv');
  const rows = all.filter((r) => r.a === all[0]?.a && r.b === all[0]?.b); // the pair the chart shows
  return {
    charts: [robustnessChart(rows)],
    tables: [
      {
        title: `Levers across the sweep (${rows[0]?.a}-${rows[0]?.b}; every pair in robustness.csv)`,
        columns: ['lever', 'pair', 'mean effect', 'worst case', 'best case', 'share closer', 'mean regret', 'max regret', 'points'],
        rows: rows.map((r) => [
          r.lever as string,
          `${r.a}-${r.b}`,
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
  const pair = options.pair ?? `${runs[0]?.a}-${runs[0]?.b}`;
  const means = pointMeans(runs, parameters, pair, 'depth_final');
  const charts: Chart[] = [parameterChart(means, parameters, pair, 'depth_final')];
  const [x, y] = options.heatmap ?? [parameters[0], parameters[1]];
  if (x && y) charts.push(heatmapChart(means, x, y, pair, 'depth_final'));
  return {
    charts,
    tables: [
      {
        title: 'Sweep',
        columns: ['points', 'runs', 'parameters'],
        rows: [[means.length, runs.length / Math.max(1, new Set(runs.map((r) => `${r.a}-${r.b}`)).size), parameters.join(', ')]],
      },
    ],
    notes: [],
  };
}

function sensitivityContent(out: OutputDir, options: ReportOptions): Content {
  const indices = out.rows('indices.csv');
  const pair = options.pair ?? `${indices[0]?.a}-${indices[0]?.b}`;
  const sobol = indices.some((r) => r.index === 'S1');
  const mine = indices.filter((r) => r.outcome === 'depth_final' && `${r.a}-${r.b}` === pair);
  return {
    charts: [sobol ? sobolChart(indices, 'depth_final', pair) : morrisChart(indices, 'depth_final', pair)],
    tables: [
      {
        title: `Indices of depth_final (${pair})`,
        columns: ['parameter', 'index', 'value', 'CI low', 'CI high'],
        rows: mine.map((r) => [r.parameter as string, r.index as string, Number(r.value), num(r.ci_low), num(r.ci_high)]),
      },
    ],
    notes: [],
  };
}

function calibrationContent(out: OutputDir): Content {
  const targets = out.rows('targets.csv');
  const best = (out.manifest.best ?? {}) as { loss?: number; set?: string[] };
  return {
    charts: [targetsChart(targets)],
    tables: [
      {
        title: 'Targets at the best point',
        columns: ['indicator', 'period', 'statistic', 'observed', 'simulated', 'scale', 'loss term'],
        rows: targets.map((r: Row) => [
          r.indicator as string,
          r.period as string,
          r.statistic as string,
          Number(r.observed),
          Number(r.simulated),
          Number(r.scale),
          Number(r.loss),
        ]),
        note: `Loss ${best.loss ?? '?'}; fitted values: ${(best.set ?? []).join(', ')}`,
      },
    ],
    notes: [],
  };
}

const TITLES: Record<OutputDir['kind'], string> = {
  run: 'Run',
  sweep: 'Sweep',
  compare: 'Lever comparison',
  robustness: 'Levers across uncertainty',
  sensitivity: 'Sensitivity analysis',
  calibration: 'Calibration',
};

export async function writeReport(dir: string, options: ReportOptions = {}): Promise<ReportResult> {
  const out = readOutputDir(dir);
  const content =
    out.kind === 'run'
      ? runContent(out, options)
      : out.kind === 'compare'
        ? compareContent(out)
        : out.kind === 'robustness'
          ? robustnessContent(out)
          : out.kind === 'sweep'
            ? sweepContent(out, options)
            : out.kind === 'sensitivity'
              ? sensitivityContent(out, options)
              : calibrationContent(out);
  mkdirSync(join(dir, 'charts'), { recursive: true });
  const sections: Section[] = [];
  for (const chart of content.charts) {
    const svg = await toSvg(chart.spec);
    writeAtomic(join(dir, 'charts', `${chart.name}.svg`), svg);
    writeAtomic(join(dir, 'charts', `${chart.name}.vl.json`), `${JSON.stringify(chart.spec, null, 1)}\n`);
    sections.push({ name: chart.name, title: chart.title, caption: chart.caption, svg: svg.replace(/^<\?xml[^>]*>\s*/, '') });
  }
  const named = out.manifest.scenario as { name?: string; file?: string } | undefined;
  const scenario = named?.name ?? (named?.file ? basename(named.file).replace(/\.(ya?ml|json)$/, '') : undefined);
  const html = page({
    title: `${TITLES[out.kind]}${scenario ? `: ${scenario}` : ''}`,
    subtitle: 'entente — a limited strategic partnership under stress',
    facts: manifestFacts(out),
    charts: sections,
    tables: content.tables,
    notes: content.notes,
  });
  const file = join(dir, 'report.html');
  writeAtomic(file, html);
  return { kind: out.kind, html: file, charts: content.charts.map((c) => c.name) };
}
