/** `entente report DIR`: charts (SVG) and a self-contained report.html for any output directory. */
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import type { ReportOptions } from '../../report/report.js';

/** The report module loads vega: only a command that draws pays for it. */
const writeReport = async (...args: Parameters<typeof import('../../report/report.js').writeReport>) =>
  (await import('../../report/report.js')).writeReport(...args);

interface Flags {
  tie?: string;
  pair?: string;
  heatmap?: [string, string];
  quiet?: boolean;
}

function heatmapOption(value: string): [string, string] {
  const parts = value.split(',').map((p) => p.trim());
  if (parts.length !== 2 || parts.some((p) => p === '')) throw new InvalidArgumentError('expected two parameter paths, P1,P2.');
  return [parts[0] as string, parts[1] as string];
}

/** Options every command with --report shares. */
export function reportOptions(flags: Flags): ReportOptions {
  return {
    ...(flags.tie ? { tie: flags.tie } : {}),
    ...(flags.pair ? { pair: flags.pair } : {}),
    ...(flags.heatmap ? { heatmap: flags.heatmap } : {}),
  };
}

export async function reportAfter(dir: string, print: (text: string) => void, quiet: boolean | undefined): Promise<void> {
  const result = await writeReport(dir, {}, quiet === true);
  if (!quiet) print(`report: ${result.html} (${result.charts.length} charts)`);
}

export function registerReport(program: Command, print: (text: string) => void): void {
  program
    .command('report')
    .argument('<dir>', 'an output directory written by entente')
    .option(
      '--tie <A:B>',
      'run: the tie whose commitments and contributions to chart, from A to B (default: the first pair); A>B also works when quoted',
    )
    .option('--pair <A-B>', 'sweep, sensitivity: the pair whose outcome to chart (default: the first)')
    .option('--heatmap <P1,P2>', 'sweep: the two parameters of the heat map (default: the first two)', heatmapOption)
    .option('-q, --quiet', 'print nothing on success')
    .action(async (dir: string, flags: Flags) => {
      const result = await writeReport(dir, reportOptions(flags), flags.quiet === true);
      if (!flags.quiet) print(`${dir}: ${result.kind} report, ${result.charts.length} charts → ${result.html}`);
    });
}
