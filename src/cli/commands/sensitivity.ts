/** `entente sensitivity FILE [--method sobol|morris]`: run a sweep file's design, then indices per outcome (the method is the design's). */
import { availableParallelism } from 'node:os';
import { join, parse } from 'node:path';
import { type Command, InvalidArgumentError } from 'commander';
import { stringify } from 'csv-stringify/sync';
import { EntenteError, ExitStatus } from '../../errors.js';
import { writeAtomic } from '../../io/atomicFile.js';
import { formatNumber } from '../../io/csvFile.js';
import { defaultOut } from '../../io/outputDir.js';
import { analyse, type IndexRow, type Method } from '../../sensitivity/analyse.js';
import { readPointOutcomes } from '../../sensitivity/outcomes.js';
import { checkDesignTable } from '../../sweep/estimate.js';
import { loadSweep } from '../../sweep/load.js';
import { runSweep } from '../../sweep/run.js';
import { commandLine } from '../manifest.js';
import { printNext, reportStep } from '../next.js';
import { workerCount } from '../options.js';
import { VERSION } from '../version.js';
import { reportAfter } from './report.js';

interface Flags {
  method?: Method;
  out?: string;
  workers?: number;
  resume?: boolean;
  quiet?: boolean;
  report?: boolean;
  force?: boolean;
}

const INDEX_COLUMNS = ['outcome', 'a', 'b', 'parameter', 'index', 'value', 'ci_low', 'ci_high'];

export function registerSensitivity(program: Command, print: (text: string) => void): void {
  program
    .command('sensitivity')
    .argument('<file>', 'sweep file with design: sobol or design: morris')
    .option('--method <method>', 'sobol or morris (default: the sweep file’s design, which it must match)', (v: string) => {
      if (v !== 'sobol' && v !== 'morris') throw new InvalidArgumentError('expected sobol or morris.');
      return v;
    })
    .option('-o, --out <dir>', 'output directory (default: out/<sweep name>-sensitivity)')
    .option('-w, --workers <n>', 'worker threads (default: the available cores)', workerCount)
    .option('--resume', 'continue an interrupted run in --out')
    .option(
      '--force',
      'replace the output of another entente command in --out, or start an unfinished one over (never a directory entente did not write)',
    )
    .option('--report', 'also draw charts and write report.html in the output directory (entente report)')
    .option('-q, --quiet', 'no progress and no summary')
    .action(async (file: string, flags: Flags) => {
      const loaded = loadSweep(file);
      const laidOut = loaded.sweep.design;
      if (flags.method === undefined && laidOut !== 'sobol' && laidOut !== 'morris') {
        throw new EntenteError('sensitivity.design', 'sensitivity needs a sweep laid out for Sobol indices or Morris screening', {
          where: { file, path: 'design' },
          expected: 'design: sobol or design: morris (entente sweep runs any other design)',
          found: laidOut,
        });
      }
      const method: Method = flags.method ?? (laidOut as Method);
      if (laidOut !== method) {
        throw new EntenteError('sensitivity.design', `--method ${method} needs a sweep laid out for it`, {
          where: { file, path: 'design' },
          expected: `design: ${method}`,
          found: laidOut,
        });
      }
      // The indices need every output at once, one per point: refuse a design too large for that before running it.
      checkDesignTable(loaded.pointCount, loaded.parameters.length, file);
      const name = loaded.sweep.name ?? parse(file).name;
      const out = flags.out ?? defaultOut(name, file, '-sensitivity');
      const command = commandLine();
      const result = await runSweep(loaded, {
        out,
        workers: flags.workers ?? availableParallelism(),
        shard: undefined,
        resume: flags.resume === true,
        force: flags.force === true,
        kind: 'sensitivity',
        quiet: flags.quiet === true,
        command,
        version: VERSION,
      });
      if (result.failures > 0) {
        throw new EntenteError(
          'sensitivity.failures',
          `${result.failures} run(s) failed, so indices cannot be computed; see ${join(out, 'failures.csv')}`,
          {
            exitStatus: ExitStatus.someRunsFailed,
          },
        );
      }
      const { series } = await readPointOutcomes(join(out, 'runs.csv'), loaded.pointCount);
      const design = { method, parameters: loaded.parameters, samples: loaded.sweep.samples ?? 0, seed: loaded.seed };
      const rows: (string | number)[][] = [];
      const byKey = new Map<string, IndexRow[]>();
      for (const [key, y] of series) {
        const [outcome = '', a = '', b = ''] = key.split('|');
        const indices = analyse(design, y, `${loaded.seed}/${key}`);
        byKey.set(key, indices);
        for (const r of indices) rows.push([outcome, a, b, r.parameter, r.index, r.value, r.ciLow ?? '', r.ciHigh ?? '']);
      }
      writeAtomic(join(out, 'indices.csv'), stringify([INDEX_COLUMNS, ...rows], { cast: { number: formatNumber } }));
      if (!flags.quiet) {
        const focus = loaded.scenario.focus?.[0]?.split('-') ?? [];
        const key =
          [...byKey.keys()].find((k) => k === `depth_final|${focus[0]}|${focus[1]}`) ??
          [...byKey.keys()].find((k) => k.startsWith('depth_final|'));
        print(`${name}: ${method} indices from ${result.runs} runs → ${join(out, 'indices.csv')}`);
        if (key) {
          const main = method === 'sobol' ? 'ST' : 'mu_star';
          const shown = (byKey.get(key) ?? []).filter((r) => r.index === main || r.index === (method === 'sobol' ? 'S1' : 'sigma'));
          print(`${key.split('|').slice(1).join('-')} final depth:`);
          for (const parameter of loaded.parameters.map((p) => p.path)) {
            const cells = shown
              .filter((r) => r.parameter === parameter)
              .map(
                (r) =>
                  `${r.index} ${r.value.toFixed(3)}${r.ciLow !== undefined ? ` [${r.ciLow.toFixed(3)}, ${(r.ciHigh ?? 0).toFixed(3)}]` : ''}`,
              );
            print(`  ${parameter.padEnd(36)} ${cells.join('   ')}`);
          }
        }
      }
      if (flags.report) await reportAfter(out, print, flags.quiet);
      printNext(print, flags.quiet, [reportStep(out, flags.report)]);
    });
}
