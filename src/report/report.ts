/**
 * `entente report DIR`: the charts and tables of any output directory, as SVG
 * files (charts/NAME.svg, with their Vega-Lite specifications beside them as
 * NAME.vl.json) and one self-contained report.html. Every file is written
 * atomically; the directory's own outputs are never touched.
 */
import { readdirSync, rmSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { progress } from '../experiments/progress.js';
import { writeAtomic } from '../io/atomicFile.js';
import { makeDirs } from '../io/makeDirs.js';
import { contentOf, type ReportOptions } from './content.js';
import { page, type Section } from './html.js';
import { type OutputDir, readOutputDir } from './outputs.js';
import { toSvg } from './render.js';

export type { ReportOptions };

export interface ReportResult {
  readonly kind: OutputDir['kind'];
  readonly html: string;
  readonly charts: readonly string[];
}

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

const TITLES: Record<OutputDir['kind'], string> = {
  run: 'Run',
  sweep: 'Sweep',
  compare: 'Lever comparison',
  robustness: 'Levers across uncertainty',
  signs: 'Where each lever’s sign turns',
  validation: 'Held-out figures',
  sensitivity: 'Sensitivity analysis',
  calibration: 'Calibration',
  posterior: 'Calibrated posterior',
  discovery: 'Scenario discovery',
};

/**
 * A previous report's charts that this one does not draw (another --tie, a lever no longer
 * compared): removed, so charts/ holds this report's charts only. Only files a report writes
 * (NAME.svg, NAME.vl.json) are touched.
 */
function removeStaleCharts(charts: string, names: readonly string[]): void {
  const kept = new Set(names.flatMap((n) => [`${n}.svg`, `${n}.vl.json`]));
  for (const file of readdirSync(charts))
    if ((file.endsWith('.svg') || file.endsWith('.vl.json')) && !kept.has(file)) rmSync(join(charts, file), { force: true });
}

export async function writeReport(dir: string, options: ReportOptions = {}, quiet = true): Promise<ReportResult> {
  const out = readOutputDir(dir);
  const content = contentOf(out, options);
  // Drawing a chart takes up to a second: a bar for the reports with many.
  const bar = progress(content.charts.length, 0, { quiet, label: 'report', unit: 'charts' });
  makeDirs(join(dir, 'charts'));
  removeStaleCharts(
    join(dir, 'charts'),
    content.charts.map((c) => c.name),
  );
  const sections: Section[] = [];
  for (const chart of content.charts) {
    // A turn of the event loop per chart: drawing resolves without one, so Ctrl-C or SIGTERM would wait for the whole report.
    await new Promise(setImmediate);
    const svg = await toSvg(chart.spec);
    writeAtomic(join(dir, 'charts', `${chart.name}.svg`), svg);
    writeAtomic(join(dir, 'charts', `${chart.name}.vl.json`), `${JSON.stringify(chart.spec, null, 1)}\n`);
    sections.push({
      name: chart.name,
      title: chart.title,
      headline: chart.headline,
      caption: chart.caption,
      svg: svg.replace(/^<\?xml[^>]*>\s*/, ''),
    });
    bar.add(1);
  }
  bar.done();
  const stem = (file: string | undefined) => (file ? basename(file).replace(/\.(ya?ml|json)$/, '') : undefined);
  const named = out.manifest.scenario as { name?: string; file?: string } | undefined;
  const scenario = named?.name ?? stem(named?.file);
  // A sweep's page is named by its sweep file (a scenario has many sweeps), with the scenario after it.
  const sweep = stem((out.manifest.sweep as { file?: string } | undefined)?.file);
  const subject = sweep ? `${sweep}${scenario ? ` (scenario ${scenario})` : ''}` : scenario;
  const html = page({
    title: `${TITLES[out.kind]}${subject ? `: ${subject}` : ''}`,
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
