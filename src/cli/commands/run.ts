/** `entente run FILE`: run a scenario's replications and write its CSVs atomically. */

import { type Command, Option } from 'commander';
import { inputError } from '../../errors.js';
import type { OutputFormat } from '../../experiments/columns.js';
import { runStudy } from '../../experiments/study.js';
import { shellQuote } from '../../shellQuote.js';
import { printNext, reportStep } from '../next.js';
import { collect, FORCE_HELP, positiveInt, seedValue } from '../options.js';
import { summaryTable } from '../summaryTable.js';
import { reportAfter } from './report.js';

interface RunFlags {
  out?: string;
  seed?: number;
  replications?: number;
  ticks?: number;
  lever?: string;
  set: string[];
  contributions?: boolean;
  quiet?: boolean;
  report?: boolean;
  force?: boolean;
  format: OutputFormat;
}

export function registerRun(program: Command, print: (text: string) => void): void {
  program
    .command('run')
    .argument('<file>', 'scenario file (YAML or JSON)')
    .option('-o, --out <dir>', 'output directory (default: out/<scenario name>)')
    .option('--seed <n>', 'base seed (default: the scenario’s seed)', seedValue)
    .option('-r, --replications <n>', 'number of replications (default: the scenario’s)', positiveInt('replications'))
    .option('--ticks <n>', 'number of ticks (default: the scenario’s)', positiveInt('ticks'))
    .option('--lever <name>', 'apply one of the scenario’s levers')
    .option('--set <path=value>', 'override a parameter, e.g. actors.CHN.costAversion=0.5 (repeatable)', collect, [])
    .option('--contributions', 'also write contributions.csv: each mechanism’s push on every tie')
    .addOption(
      new Option('--format <format>', 'per-run files as CSV, or as Parquet (columnar, full precision: for big runs)')
        .choices(['csv', 'parquet'])
        .default('csv'),
    )
    .option('--report', 'also draw charts and write report.html in the output directory (entente report)')
    .option('--force', FORCE_HELP)
    .option('-q, --quiet', 'print nothing on success')
    .action(async (file: string, flags: RunFlags) => {
      if (flags.report && flags.format === 'parquet')
        throw inputError(
          'options.format',
          '--report draws from the CSV files; --format parquet writes none',
          { file, path: '--report' },
          '--format csv with --report, or entente report on a CSV run',
        );
      const { loaded, out, ...result } = await runStudy(file, {
        ...(flags.lever !== undefined ? { lever: flags.lever } : {}),
        ...(flags.ticks !== undefined ? { ticks: flags.ticks } : {}),
        ...(flags.seed !== undefined ? { seed: flags.seed } : {}),
        ...(flags.replications !== undefined ? { replications: flags.replications } : {}),
        ...(flags.out !== undefined ? { out: flags.out } : {}),
        set: flags.set,
        contributions: flags.contributions === true,
        format: flags.format,
        force: flags.force === true,
        quiet: flags.quiet === true,
      });
      if (!flags.quiet) {
        print(
          `${loaded.spec.name}: ${loaded.replications} replication(s) × ${loaded.config.ticks} ticks${loaded.lever ? `, lever ${loaded.lever}` : ''} → ${out}`,
        );
        print(summaryTable(loaded.config, result.depthFinal, result.rhetoricFinal, loaded.replications));
      }
      if (flags.report) await reportAfter(out, print, flags.quiet);
      printNext(print, flags.quiet, [
        reportStep(out, flags.report),
        `entente compare ${shellQuote(file)} --report   # which levers push the pair closer`,
      ]);
    });
}
