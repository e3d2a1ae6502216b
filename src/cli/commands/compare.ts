/** `entente compare FILE`: levers against the baseline (compare/study.ts), over a posterior (compare/posterior/study.ts) or across a sweep (compare/sweepStudy.ts). */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { Command } from 'commander';
import { DEFAULT_MIN_EFFECT } from '../../compare/compare.js';
import { scenarioPosterior } from '../../compare/posterior/named.js';
import { readPosterior } from '../../compare/posterior/read.js';
import { comparePosterior, DEFAULT_CONFIDENCE, PARTICLE_REPLICATIONS } from '../../compare/posterior/study.js';
import { compareScenario } from '../../compare/study.js';
import { compareSweep } from '../../compare/sweepStudy.js';
import { leverSigns } from '../../discovery/signs.js';
import { EntenteError } from '../../errors.js';
import { isSweepFile } from '../../experiments/loadSweep.js';
import { parseShard } from '../../experiments/plan.js';
import { defaultOut } from '../../io/outputDir.js';
import { shellQuote } from '../../shellQuote.js';
import { printNext, reportStep } from '../next.js';
import { FORCE_HELP, nonNegative, positiveInt, probability, seedValue, workerCount } from '../options.js';
import { leverTable, posteriorLines, robustnessLines } from '../print/compare.js';
import { signsLines } from '../print/signs.js';
import { reportAfter } from './report.js';

interface Flags {
  levers: string;
  workers?: number;
  resume?: boolean;
  replications?: number;
  seed?: number;
  minEffect: number;
  out?: string;
  quiet?: boolean;
  report?: boolean;
  force?: boolean;
  /** A directory; false with --no-posterior; undefined: the scenario's own posterior, if it names one. */
  posterior?: string | false;
  confidence: number;
  /** --robustness: true (the posterior's own prior) or a prior's calibration or sweep file. */
  robustness?: string | true;
  shard?: string;
  merge?: string[];
}

/** The prior a posterior was drawn from: its calibration file, which must still be where the manifest says. */
function posteriorPrior(posterior: string | undefined, file: string): string {
  const calibration = posterior === undefined ? undefined : readPosterior(posterior).calibration;
  if (calibration === undefined || !existsSync(calibration.file))
    throw new EntenteError('compare.noPrior', 'no prior to study the signs over', {
      where: { file: posterior ?? file },
      expected: `--robustness PRIOR, a calibration or sweep file of ${file}${calibration ? ` (the posterior names ${calibration.file}, which is not there)` : ''}`,
    });
  return calibration.file;
}

export function registerCompare(program: Command, print: (text: string) => void): void {
  program
    .command('compare')
    .argument('<file>', 'scenario file, or a sweep file to compare across its points')
    .option('--levers <names>', 'comma-separated lever names, or all', 'all')
    .option(
      '-r, --replications <n>',
      `replications (default: the scenario’s; with --posterior, per particle: ${PARTICLE_REPLICATIONS})`,
      positiveInt('replications'),
    )
    .option('--seed <n>', 'base seed (default: the scenario’s)', seedValue)
    .option('--min-effect <x>', 'smallest change in depth that counts as closer or apart', nonNegative('min-effect'), DEFAULT_MIN_EFFECT)
    .option(
      '--posterior <dir>',
      'compare over a calibrated posterior (a directory from calibrate --method abc): verdicts as probabilities over its particles',
    )
    .option('--no-posterior', 'compare over replications even when the scenario names a posterior')
    .option(
      '--confidence <p>',
      'with --posterior: the probability a closer, apart or negligible verdict needs',
      probability('confidence'),
      DEFAULT_CONFIDENCE,
    )
    .option(
      '--robustness [prior]',
      'where each lever’s sign turns: every lever over the prior (a calibration or sweep file; default: the one the posterior was drawn from) and the posterior, with the share of each where it pushes closer, apart or changes nothing, and the box of the prior where its sign turns (signs.csv)',
    )
    .option('--shard <K/N>', 'with --robustness: run only shard K of N of the prior’s arms into --out (Slurm: slurm/robustness.sbatch)')
    .option('--merge <dirs...>', 'with --robustness: merge these shards’ arms into --out, then write the study')
    .option('-o, --out <dir>', 'output directory (default: out/<scenario name>-compare; with --robustness, -robustness)')
    .option('-w, --workers <n>', 'worker threads (default: the available cores; for a scenario, 1 below 2,000 runs)', workerCount)
    .option('--resume', 'continue an interrupted comparison across a sweep file')
    .option('--force', FORCE_HELP)
    .option('--report', 'also draw charts and write report.html in the output directory (entente report)')
    .option('-q, --quiet', 'print nothing on success')
    .action(async (file: string, flags: Flags) => {
      const quiet = flags.quiet === true;
      const say = (lines: readonly string[]) => {
        if (!quiet) for (const line of lines) print(line);
      };
      const common = { levers: flags.levers, minEffect: flags.minEffect, force: flags.force === true, quiet };
      const sweep = isSweepFile(file);
      const posterior = flags.posterior === false ? undefined : (flags.posterior ?? scenarioPosterior(file));
      if (sweep && posterior !== undefined)
        throw new EntenteError('compare.posteriorSweep', '--posterior compares a scenario over a posterior, not a sweep file', {
          where: { file },
          expected: 'the scenario file the posterior was calibrated on',
        });
      let out: string;
      let next: string[] = [];
      if ((flags.shard !== undefined || flags.merge !== undefined) && (flags.robustness === undefined || (flags.shard && flags.merge)))
        throw new EntenteError('compare.shard', '--shard and --merge split compare --robustness over Slurm tasks', {
          where: { file },
          expected: '--robustness with --shard K/N (each task), then --robustness with --merge SHARDS (once)',
        });
      if (flags.robustness !== undefined) {
        if (sweep)
          throw new EntenteError(
            'compare.robustnessSweep',
            '--robustness studies a scenario over its prior and posterior, not a sweep file',
            {
              where: { file },
              expected: 'the scenario file, with --robustness PRIOR naming the calibration or sweep file of its prior',
            },
          );
        const result = await leverSigns(
          file,
          {
            ...common,
            prior: flags.robustness === true ? posteriorPrior(posterior, file) : flags.robustness,
            ...(posterior !== undefined ? { posterior } : {}),
            confidence: flags.confidence,
            resume: flags.resume === true,
            ...(flags.replications !== undefined ? { replications: flags.replications } : {}),
            ...(flags.out !== undefined ? { out: flags.out } : {}),
            ...(flags.workers !== undefined ? { workers: flags.workers } : {}),
            ...(flags.shard !== undefined ? { shard: parseShard(flags.shard) } : {}),
            ...(flags.merge !== undefined ? { merge: flags.merge } : {}),
          },
          (text) => say([text]),
        );
        out = result.out;
        if (result.shard) {
          say([`${result.name}: shard ${result.shard.index} of ${result.shard.count} of the prior's arms → ${out}`]);
          printNext(print, quiet, [
            `entente compare ${shellQuote(file)} --robustness … --merge <every shard's directory> --out <dir>   # once all ${result.shard.count} are done`,
          ]);
          return;
        }
        say(signsLines(result));
      } else if (sweep) {
        const result = await compareSweep(file, {
          ...common,
          resume: flags.resume === true,
          ...(flags.out !== undefined ? { out: flags.out } : {}),
          ...(flags.workers !== undefined ? { workers: flags.workers } : {}),
          ...(flags.replications !== undefined ? { replications: flags.replications } : {}),
          ...(flags.seed !== undefined ? { seed: flags.seed } : {}),
        });
        out = result.out;
        const { lines, discover } = robustnessLines(result, join(out, 'robustness.csv'));
        say(lines);
        next = discover ? [`entente discover ${shellQuote(file)} ${discover}`] : [];
      } else if (posterior !== undefined) {
        const result = await comparePosterior(
          file,
          {
            ...common,
            posterior,
            ...(flags.replications !== undefined ? { replications: flags.replications } : {}),
            ...(flags.seed !== undefined ? { seed: flags.seed } : {}),
            confidence: flags.confidence,
            out: (name) => flags.out ?? defaultOut(name, file, '-compare'),
            workers: flags.workers ?? availableParallelism(),
          },
          (text) => say([text]),
        );
        out = result.out;
        say(posteriorLines(result, flags.minEffect, flags.confidence, out));
      } else {
        const result = await compareScenario(file, {
          ...common,
          ...(flags.replications !== undefined ? { replications: flags.replications } : {}),
          ...(flags.seed !== undefined ? { seed: flags.seed } : {}),
          ...(flags.workers !== undefined ? { workers: flags.workers } : {}),
          // Over replications where the scenario could be compared over its posterior: a name of its own, so neither replaces the other.
          out: (name) => flags.out ?? defaultOut(name, file, flags.posterior === false ? '-compare-replications' : '-compare'),
        });
        out = result.out;
        say([
          `${result.name}: ${result.levers.length} lever(s) vs baseline, ${result.replications} paired replications (min effect ${flags.minEffect}) → ${out}`,
          `verdicts on ${result.outcomes.join(' and ')}; Δ is depth at the end's; "depends on outcome" where the verdicts differ`,
          leverTable(result.effects),
        ]);
      }
      if (flags.report) await reportAfter(out, print, quiet);
      printNext(print, quiet, [reportStep(out, flags.report), ...next]);
    });
}
