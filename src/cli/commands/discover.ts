/** `entente discover SWEEP --lever L`: where in parameter space does a lever's effect cross a threshold (discovery/study.ts)? */
import type { Command } from 'commander';
import { discover } from '../../discovery/study.js';
import { printNext, reportStep } from '../next.js';
import { FORCE_HELP, finiteNumber, workerCount } from '../options.js';
import { discoveryLines } from '../print/discover.js';
import { reportAfter } from './report.js';

interface Flags {
  lever: string;
  pair?: string;
  threshold: number;
  below?: boolean;
  out?: string;
  workers?: number;
  resume?: boolean;
  force?: boolean;
  quiet?: boolean;
  report?: boolean;
}

export function registerDiscover(program: Command, print: (text: string) => void): void {
  program
    .command('discover')
    .argument('<file>', 'sweep file')
    .requiredOption('--lever <name>', 'the lever to study')
    .option('--pair <A-B>', 'pair whose final depth is the outcome (default: the scenario’s first focus pair)')
    .option('--threshold <x>', 'threshold on the change in final depth', finiteNumber('threshold'), 0)
    .option('--below', 'cases are points where the change is below the threshold (default: above: where the lever fails to pull apart)')
    .option('-o, --out <dir>', 'output directory (default: out/<sweep name>-discover-<lever>)')
    .option('-w, --workers <n>', 'worker threads (default: the available cores)', workerCount)
    .option('--resume', 'continue an interrupted run in --out')
    .option('--force', FORCE_HELP)
    .option('--report', 'also draw the peeling trajectory and the box, and write report.html (entente report)')
    .option('-q, --quiet', 'print nothing on success')
    .action(async (file: string, flags: Flags) => {
      const found = await discover(file, {
        lever: flags.lever,
        ...(flags.pair !== undefined ? { pair: flags.pair } : {}),
        threshold: flags.threshold,
        below: flags.below === true,
        ...(flags.out !== undefined ? { out: flags.out } : {}),
        ...(flags.workers !== undefined ? { workers: flags.workers } : {}),
        resume: flags.resume === true,
        force: flags.force === true,
        quiet: flags.quiet === true,
      });
      if (flags.report) await reportAfter(found.out, print, flags.quiet);
      if (flags.quiet) return;
      for (const line of discoveryLines(found)) print(line);
      if (found.cases > 0) printNext(print, false, [reportStep(found.out, flags.report)]);
    });
}
