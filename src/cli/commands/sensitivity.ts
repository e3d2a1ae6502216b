/** `entente sensitivity FILE [--method sobol|morris]`: run a sweep file's design, then indices per outcome (sensitivity/study.ts). */
import { type Command, InvalidArgumentError } from 'commander';
import type { Method } from '../../sensitivity/analyse.js';
import { sensitivity } from '../../sensitivity/study.js';
import { printNext, reportStep } from '../next.js';
import { FORCE_HELP, workerCount } from '../options.js';
import { sensitivityLines } from '../print/sensitivity.js';
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
    .option('--force', FORCE_HELP)
    .option('--report', 'also draw charts and write report.html in the output directory (entente report)')
    .option('-q, --quiet', 'no progress and no summary')
    .action(async (file: string, flags: Flags) => {
      const found = await sensitivity(file, {
        ...(flags.method !== undefined ? { method: flags.method } : {}),
        ...(flags.out !== undefined ? { out: flags.out } : {}),
        ...(flags.workers !== undefined ? { workers: flags.workers } : {}),
        resume: flags.resume === true,
        force: flags.force === true,
        quiet: flags.quiet === true,
      });
      if (!flags.quiet) for (const line of sensitivityLines(found)) print(line);
      if (flags.report) await reportAfter(found.out, print, flags.quiet);
      printNext(print, flags.quiet, [reportStep(found.out, flags.report)]);
    });
}
