/** `entente calibrate FILE`: fit a scenario's uncertain parameters to observed figures (docs/model.md §10), or draw their posterior (--method abc). */

import { availableParallelism } from 'node:os';
import { parse } from 'node:path';
import { type Command, Option } from 'commander';
import { collectAbc, runAbcShard } from '../../calibration/abc/shardStudy.js';
import { runAbcCommand } from '../../calibration/abc/study.js';
import { applyFitted } from '../../calibration/apply.js';
import { calibrateOptimise } from '../../calibration/study.js';
import { inputError } from '../../errors.js';
import { loadSweep } from '../../experiments/loadSweep.js';
import { parseShard } from '../../experiments/plan.js';
import { defaultOut } from '../../io/outputDir.js';
import { shellQuote } from '../../shellQuote.js';
import { printNext, reportStep } from '../next.js';
import { FORCE_HELP, positiveInt, workerCount } from '../options.js';
import { calibrationLines } from '../print/calibrate.js';
import { reportAfter } from './report.js';

interface Flags {
  method?: 'optimise' | 'abc';
  particles?: number;
  generations?: number;
  replications?: number;
  resume?: boolean;
  shard?: string;
  collect?: boolean;
  apply?: boolean;
  out?: string;
  workers?: number;
  quiet?: boolean;
  report?: boolean;
  force?: boolean;
}

export function registerCalibrate(program: Command, print: (text: string) => void): void {
  program
    .command('calibrate')
    .argument('<file>', 'sweep file with a calibration: block (observed data and targets)')
    .option('-o, --out <dir>', 'output directory (default: out/<file name>)')
    .option('-w, --workers <n>', 'worker threads (default: the available cores)', workerCount)
    .addOption(
      new Option('--method <method>', 'optimise: the best point of a design, refined by zoom; abc: a posterior by ABC-SMC (posterior.csv)')
        .choices(['optimise', 'abc'])
        .default('optimise'),
    )
    .option('--particles <n>', 'abc: particles per generation (default 1000)', positiveInt('particles'))
    .option('--generations <n>', 'abc: the most generations (default 15)', positiveInt('generations'))
    .option('--resume', 'abc: continue an interrupted posterior in --out from its last complete generation')
    .option('--shard <K/N>', 'abc: evaluate shard K of N of the next round of proposals in --out (Slurm: slurm/abc.sbatch)')
    .option('--collect', 'abc: start --out for shards, save the generations their rounds complete, write the posterior when done')
    .option('-r, --replications <n>', 'abc: replications per proposal (default: the file’s)', positiveInt('replications'))
    .option('--apply', 'write the best values into the scenario file (comments kept, 4 significant digits)')
    .option('--report', 'also draw charts and write report.html in the output directory (entente report)')
    .option('--force', FORCE_HELP)
    .option('-q, --quiet', 'print nothing on success')
    .action(async (file: string, flags: Flags) => {
      // ABC runs none of the design's points: it estimates its own output (calibration/abc/estimate.ts).
      const loaded = loadSweep(file, { estimate: flags.method !== 'abc' });
      const workers = flags.workers ?? availableParallelism();
      const out = flags.out ?? defaultOut(loaded.sweep.name ?? parse(file).name, file);
      if (flags.method === 'abc' && flags.apply)
        throw inputError(
          'calibration.apply',
          '--apply writes one point; --method abc gives a posterior',
          { file, path: '--apply' },
          '--method optimise with --apply, or --method abc without it',
        );
      if (flags.apply && loaded.sweep.set !== undefined)
        throw inputError(
          'calibration.apply',
          '--apply writes the fitted values into the scenario, but this file also fixes settings (set:), which the scenario does not have: the values were fitted under another structure',
          { file, path: 'set' },
          'no --apply (run the printed --set line, which carries the fixed settings), or a calibration file without set:',
        );
      if (flags.method !== 'abc' && flags.replications !== undefined)
        throw inputError(
          'calibration.replications',
          '--replications applies to --method abc; the optimiser takes the file’s replications',
          { file, path: '--replications' },
          'replications: N in the calibration file, or --method abc',
        );
      if (flags.method !== 'abc' && flags.resume)
        throw inputError(
          'calibration.resume',
          '--resume continues an interrupted --method abc; the optimiser runs again from the start',
          { file, path: '--resume' },
          '--method abc --resume, or no --resume',
        );
      if (flags.method !== 'abc' && (flags.shard !== undefined || flags.collect))
        throw inputError(
          'calibration.shard',
          '--shard and --collect run an ABC posterior on several machines; the optimiser runs on one',
          { file, path: flags.collect ? '--collect' : '--shard' },
          '--method abc with --shard K/N or --collect',
        );
      if (flags.shard !== undefined && (flags.collect || flags.resume || flags.report))
        throw inputError(
          'calibration.shard',
          '--shard evaluates one slice of proposals; --collect (run after the shards) resumes, saves and reports',
          { file, path: '--shard' },
          '--shard K/N alone, then --collect (with --report if wanted)',
        );
      if (flags.method === 'abc') {
        const abc = {
          particles: flags.particles ?? 1000,
          generations: flags.generations ?? 15,
          replications: flags.replications ?? loaded.replications,
          resume: flags.resume === true,
          force: flags.force === true,
          quiet: flags.quiet === true,
        };
        if (flags.shard !== undefined) {
          await runAbcShard(loaded, out, workers, abc, parseShard(flags.shard), print);
          return;
        }
        const complete = flags.collect ? await collectAbc(loaded, file, out, abc, print) : true;
        if (!flags.collect) await runAbcCommand(loaded, file, out, workers, abc, print);
        if (flags.report && complete) await reportAfter(out, print, flags.quiet);
        return;
      }
      const calibration = await calibrateOptimise(loaded, {
        out,
        workers,
        force: flags.force === true,
        quiet: flags.quiet === true,
      });
      if (flags.apply) applyFitted(loaded.scenarioFile, loaded.scenario, calibration.paths, calibration.bestValues);
      if (flags.report) await reportAfter(out, print, flags.quiet);
      if (flags.quiet) return;
      for (const line of calibrationLines(file, loaded.replications, out, calibration)) print(line);
      if (flags.apply) print(`written to ${loaded.scenarioFile} (4 significant digits)`);
      printNext(
        print,
        false,
        flags.apply
          ? [`entente run ${shellQuote(loaded.scenarioFile)} --report   # the scenario with the fitted values`]
          : loaded.sweep.set !== undefined
            ? [
                `entente run ${shellQuote(loaded.scenarioFile)} ${calibration.set.map((a) => `--set ${shellQuote(a)}`).join(' ')} --report   # the fitted point, under the file's fixed settings`,
                reportStep(out, flags.report),
              ]
            : [`entente calibrate ${shellQuote(file)} --apply   # write these values into the scenario`, reportStep(out, flags.report)],
      );
    });
}
