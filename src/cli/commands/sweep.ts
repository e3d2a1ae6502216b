/** `entente sweep FILE`: run a sweep file on a worker pool; `entente merge`: join its shards. */
import { availableParallelism } from 'node:os';
import { join, parse } from 'node:path';
import { type Command, Option } from 'commander';
import { EntenteError, ExitStatus, inputError } from '../../errors.js';
import type { OutputFormat } from '../../experiments/columns.js';
import { loadSweep } from '../../experiments/loadSweep.js';
import { parseShard } from '../../experiments/plan.js';
import { commandLine } from '../../io/manifest.js';
import { defaultOut } from '../../io/outputDir.js';
import { shellQuote } from '../../shellQuote.js';
import { mergeShards } from '../../sweep/merge.js';
import { runSweep } from '../../sweep/run.js';
import { VERSION } from '../../version.js';
import { printNext, reportStep } from '../next.js';
import { workerCount } from '../options.js';
import { reportAfter } from './report.js';

interface SweepFlags {
  out?: string;
  workers?: number;
  shard?: string;
  resume?: boolean;
  quiet?: boolean;
  report?: boolean;
  force?: boolean;
  format: OutputFormat;
}

/** --format for sweep and merge. */
const formatOption = () =>
  new Option('--format <format>', 'runs and per-tick files as CSV, or as Parquet (columnar, for big sweeps)')
    .choices(['csv', 'parquet'])
    .default('csv');

const command = commandLine;

export function registerSweep(program: Command, print: (text: string) => void): void {
  program
    .command('sweep')
    .argument('<file>', 'sweep file (YAML or JSON)')
    .option('-o, --out <dir>', 'output directory (default: out/<sweep name>)')
    .option('-w, --workers <n>', 'worker threads (default: the available cores)', workerCount)
    .option('--shard <K/N>', 'run only shard K of N (Slurm: $SLURM_ARRAY_TASK_ID/$SLURM_ARRAY_TASK_COUNT with --array=1-N)')
    .option('--resume', 'continue an interrupted sweep in --out, running only what is missing')
    .option(
      '--force',
      'replace the output of another entente command in --out, or start an unfinished one over (never a directory entente did not write)',
    )
    .addOption(formatOption())
    .option('--report', 'also draw charts and write report.html in the output directory (entente report)')
    .option('-q, --quiet', 'no progress and no summary')
    .action(async (file: string, flags: SweepFlags) => {
      const shard = flags.shard === undefined ? undefined : parseShard(flags.shard);
      if (flags.format === 'parquet' && (shard || flags.report))
        throw inputError(
          'options.format',
          shard
            ? 'shards are merged from their CSV files: run them as CSV and merge with --format parquet'
            : '--report draws from the CSV files; --format parquet writes none',
          { file, path: '--format' },
          shard ? 'entente merge SHARDS --out DIR --format parquet' : '--format csv with --report',
        );
      const loaded = loadSweep(file);
      const name = loaded.sweep.name ?? parse(file).name;
      const out = flags.out ?? defaultOut(name, file, shard ? `.shard-${shard.index}-of-${shard.count}` : '');
      const workers = flags.workers ?? availableParallelism();
      const result = await runSweep(loaded, {
        out,
        workers,
        shard,
        resume: flags.resume === true,
        force: flags.force === true,
        quiet: flags.quiet === true,
        command: command(),
        version: VERSION,
        format: flags.format,
      });
      if (!flags.quiet) {
        const rate = result.runs / Math.max(result.seconds, 1e-9);
        print(
          `${name}: ${loaded.pointCount} points × ${loaded.replications} replications${shard ? ` (shard ${shard.index}/${shard.count})` : ''}, ${result.runs} runs in ${result.seconds.toFixed(1)} s (${rate.toFixed(0)} runs/s, ${workers} workers) → ${out}`,
        );
      }
      if (flags.report && !shard) await reportAfter(out, print, flags.quiet);
      if (result.failures === 0)
        printNext(
          print,
          flags.quiet,
          shard
            ? [`entente merge <every shard's directory> --out <dir>   # once all ${shard.count} shards are done`]
            : [reportStep(out, flags.report), `entente compare ${shellQuote(file)}   # each lever across these points`],
        );
      if (result.failures > 0) {
        throw new EntenteError('sweep.someFailed', `${result.failures} run(s) failed; see ${join(out, 'failures.csv')}`, {
          exitStatus: ExitStatus.someRunsFailed,
        });
      }
    });
}

export function registerMerge(program: Command, print: (text: string) => void): void {
  program
    .command('merge')
    .argument('<dirs...>', 'shard output directories')
    .requiredOption('-o, --out <dir>', 'merged output directory')
    .option('--force', 'replace the output of another entente command in --out (never a directory entente did not write)')
    .addOption(formatOption())
    .action(async (dirs: string[], flags: { out: string; force?: boolean; format: OutputFormat }) => {
      const meta = { command: command(), version: VERSION, force: flags.force === true, format: flags.format };
      const { shards } = await mergeShards(dirs, flags.out, meta);
      print(`merged ${shards} shard(s) → ${flags.out}`);
      printNext(print, false, [reportStep(flags.out, false)]);
    });
}
