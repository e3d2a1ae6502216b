/** `entente validate FILE`: held-out figures scored over a posterior, or over a time split's, calibrated from scratch (validate/study.ts; docs/validation.md). */
import type { Command } from 'commander';
import { parseShard } from '../../experiments/plan.js';
import { validateFile } from '../../validate/study.js';
import { printNext, reportStep } from '../next.js';
import { FORCE_HELP, positiveInt, workerCount } from '../options.js';
import { validationLines } from '../print/validate.js';
import { reportAfter } from './report.js';

interface Flags {
  out?: string;
  workers?: number;
  force?: boolean;
  resume?: boolean;
  particles?: number;
  generations?: number;
  shard?: string;
  collect?: boolean;
  quiet?: boolean;
  report?: boolean;
}

export function registerValidate(program: Command, print: (text: string) => void): void {
  program
    .command('validate')
    .argument('<file>', 'validation file (held-out figures, their tolerances and naive forecasts’ basis)')
    .option('-o, --out <dir>', 'output directory (default: out/<name>-validation)')
    .option('-w, --workers <n>', 'worker threads (default: the available cores)', workerCount)
    .option('--resume', 'a split: continue its calibration in --out where it stopped (a complete one is scored, not drawn again)')
    .option('--particles <n>', 'a split: ABC particles instead of the file’s (a small version)', positiveInt('particles'))
    .option('--generations <n>', 'a split: at most this many ABC generations instead of the file’s', positiveInt('generations'))
    .option('--shard <K/N>', 'a split on Slurm: evaluate shard K of N of its calibration’s next round (slurm/validate.sbatch)')
    .option('--collect', 'a split on Slurm: start --out, collect the shards’ rounds, score the figures once the posterior is complete')
    .option('--force', FORCE_HELP)
    .option('--report', 'also draw the intervals against the observations and the PIT histogram, and write report.html')
    .option('-q, --quiet', 'print nothing on success')
    .action(async (file: string, flags: Flags) => {
      const result = await validateFile(
        file,
        {
          ...(flags.out !== undefined ? { out: flags.out } : {}),
          ...(flags.workers !== undefined ? { workers: flags.workers } : {}),
          ...(flags.particles !== undefined ? { particles: flags.particles } : {}),
          ...(flags.generations !== undefined ? { generations: flags.generations } : {}),
          ...(flags.shard !== undefined ? { shard: parseShard(flags.shard) } : {}),
          resume: flags.resume === true,
          collect: flags.collect === true,
          force: flags.force === true,
          quiet: flags.quiet === true,
        },
        print,
      );
      if (!('rows' in result)) {
        if (!flags.quiet && flags.shard === undefined)
          print(
            `${result.out}: the split's calibration is not complete; run its shards, then --collect (slurm/validate.sbatch loops them)`,
          );
        return;
      }
      if (flags.report) await reportAfter(result.out, print, flags.quiet);
      if (flags.quiet) return;
      for (const line of validationLines(result)) print(line);
      printNext(print, false, [reportStep(result.out, flags.report)]);
    });
}
