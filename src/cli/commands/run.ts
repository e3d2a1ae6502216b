/** `entente run FILE`: run a scenario's replications and write its CSVs atomically. */

import { join } from 'node:path';
import { type Command, Option } from 'commander';
import { inputError } from '../../errors.js';
import type { OutputFormat } from '../../experiments/columns.js';
import { runOutputBytes } from '../../experiments/estimate.js';
import { resolveObservables } from '../../experiments/observables.js';
import { runScenario } from '../../experiments/runScenario.js';
import { checkOutputSize } from '../../io/limits.js';
import { defaultOut, writeJson, writeOutputDir } from '../../io/outputDir.js';
import { scenarioFacts } from '../../scenario/labels.js';
import { loadScenario } from '../../scenario/load.js';
import { manifestHead } from '../manifest.js';
import { printNext, reportStep } from '../next.js';
import { collect, positiveInt, seedValue } from '../options.js';
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
    .option('--force', 'replace the output of another entente command in --out (never a directory entente did not write)')
    .option('-q, --quiet', 'print nothing on success')
    .action(async (file: string, flags: RunFlags) => {
      const started = Date.now();
      if (flags.report && flags.format === 'parquet')
        throw inputError(
          'options.format',
          '--report draws from the CSV files; --format parquet writes none',
          { file, path: '--report' },
          '--format csv with --report, or entente report on a CSV run',
        );
      const loaded = loadScenario(file, {
        lever: flags.lever,
        set: flags.set,
        ticks: flags.ticks,
        seed: flags.seed,
        replications: flags.replications,
      });
      const observables = resolveObservables(loaded);
      checkOutputSize(
        `${loaded.replications} replication(s) × ${loaded.config.ticks} ticks`,
        runOutputBytes(loaded.config, {
          replications: loaded.replications,
          contributions: flags.contributions === true,
          observables: observables.length,
        }),
        flags.contributions ? 'fewer replications or ticks, or no --contributions' : 'fewer replications or ticks',
        file,
      );
      // A lever's run goes beside the baseline's (out/<name>-<lever>), not over it.
      const out = flags.out ?? defaultOut(loaded.spec.name, file, loaded.lever ? `-${loaded.lever}` : '');
      const result = await writeOutputDir(
        out,
        'run',
        async (dir) => {
          const simStart = Date.now();
          const res = await runScenario(loaded.config, dir, {
            seed: loaded.seed,
            replications: loaded.replications,
            contributions: flags.contributions === true,
            observables,
            format: flags.format,
          });
          writeJson(join(dir, 'manifest.json'), {
            ...manifestHead('run'),
            ...scenarioFacts(file, loaded.source.hash, loaded.spec),
            lever: loaded.lever ?? null,
            overrides: flags.set,
            seed: loaded.seed,
            replications: loaded.replications,
            ticks: loaded.config.ticks,
            start: loaded.config.start ?? null,
            runSeeds: res.runSeeds,
            seedDerivation: 'runSeed = first 52 bits of sha256("entente/<seed>/<point>/<replication>"), point 0 for run',
            format: flags.format,
            files: Object.fromEntries(Object.entries(res.rows).map(([name, rows]) => [`${name}.${flags.format}`, { rows }])),
            timings: { startedAt: new Date(started).toISOString(), loadMs: simStart - started, simulateAndWriteMs: Date.now() - simStart },
            node: process.version,
          });
          return res;
        },
        { force: flags.force === true },
      );
      if (!flags.quiet) {
        print(
          `${loaded.spec.name}: ${loaded.replications} replication(s) × ${loaded.config.ticks} ticks${loaded.lever ? `, lever ${loaded.lever}` : ''} → ${out}`,
        );
        print(summaryTable(loaded.config, result.depthFinal, result.rhetoricFinal, loaded.replications));
      }
      if (flags.report) await reportAfter(out, print, flags.quiet);
      printNext(print, flags.quiet, [
        reportStep(out, flags.report),
        `entente compare ${file} --report   # which levers push the pair closer`,
      ]);
    });
}
