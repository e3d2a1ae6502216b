/** `entente compare FILE`: levers against the baseline on common random numbers. */

import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { type Command, InvalidArgumentError } from 'commander';
import { DELTAS_COLUMNS, deltaCells, writeLevers } from '../../compare/columns.js';
import { compareLevers, type LeverEffect } from '../../compare/compare.js';
import { checkCompareSize } from '../../compare/estimate.js';
import { outcomesInParallel } from '../../compare/parallel.js';
import { selectLevers } from '../../compare/select.js';
import { EntenteError } from '../../errors.js';
import { CsvFile } from '../../io/csvFile.js';
import { defaultOut, writeJson, writeOutputDir } from '../../io/outputDir.js';
import { claimOutput } from '../../io/ownership.js';
import { scenarioFacts } from '../../scenario/labels.js';
import { loadScenario, prepare } from '../../scenario/load.js';
import { isSweepFile } from '../../sweep/load.js';
import { manifestHead } from '../manifest.js';
import { printNext, reportStep } from '../next.js';
import { positiveInt, seedValue, workerCount } from '../options.js';
import { comparePosterior, PARTICLE_REPLICATIONS } from './comparePosterior.js';
import { compareSweep } from './compareSweep.js';
import { reportAfter } from './report.js';

export interface CompareFlags {
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
}

/** The posterior a scenario file names (`posterior:`), resolved against the file; it must exist. */
function scenarioPosterior(file: string): string | undefined {
  if (isSweepFile(file)) return undefined;
  const loaded = loadScenario(file);
  const named = loaded.spec.posterior;
  if (named === undefined) return undefined;
  const dir = resolve(dirname(file), named);
  if (!existsSync(join(dir, 'posterior.csv'))) {
    const line = loaded.source.locate(['posterior']);
    throw new EntenteError('compare.noPosterior', `the scenario's posterior ${dir} has no posterior.csv`, {
      where: { file, ...(line ? { line } : {}), path: 'posterior' },
      expected: 'a directory written by entente calibrate --method abc (npm run posterior for the default scenario), or --no-posterior',
    });
  }
  return dir;
}

function probability(value: string): number {
  const p = Number(value);
  if (!(p > 0.5 && p < 1))
    throw new InvalidArgumentError(`confidence must be a probability above 0.5 and below 1, found ${JSON.stringify(value)}.`);
  return p;
}

function nonNegative(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new InvalidArgumentError(`min-effect must be a number ≥ 0, found ${JSON.stringify(value)}.`);
  return n;
}

function table(effects: readonly LeverEffect[]): string {
  const shown = effects.some((e) => e.focus) ? effects.filter((e) => e.focus) : effects;
  const rows = [...shown].sort((x, y) => y.deltaMean - x.deltaMean);
  const f = (x: number) => (x >= 0 ? '+' : '') + x.toFixed(4);
  const header = ['lever', 'pair', 'Δ depth', '95% CI', 'p_closer', 'verdict', 'Δ rhetoric', 'Δ sender welfare', ''];
  const body = rows.map((e) => [
    e.lever,
    `${e.a}-${e.b}`,
    f(e.deltaMean),
    `[${f(e.ciLow)}, ${f(e.ciHigh)}]`,
    e.pCloser.toFixed(2),
    e.verdict,
    f(e.deltaRhetoric),
    `${f(e.deltaSenderWelfare)}${e.senders ? ` (${e.senders})` : ''}`,
    e.rhetoricNotDepth ? 'rhetoric without depth' : '',
  ]);
  const all = [header, ...body];
  const widths = header.map((_, c) => Math.max(...all.map((r) => (r[c] as string).length)));
  return all
    .map((r) =>
      r
        .map((cell, c) => (c < 2 || c === 5 || c === 8 ? cell.padEnd(widths[c] as number) : cell.padStart(widths[c] as number)))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
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
    .option('--min-effect <x>', 'smallest change in depth that counts as closer or apart', nonNegative, 0.005)
    .option(
      '--posterior <dir>',
      'compare over a calibrated posterior (a directory from calibrate --method abc): verdicts as probabilities over its particles',
    )
    .option('--no-posterior', 'compare over replications even when the scenario names a posterior')
    .option('--confidence <p>', 'with --posterior: the probability a closer, apart or negligible verdict needs', probability, 0.9)
    .option('-o, --out <dir>', 'output directory (default: out/<scenario name>-compare)')
    .option('-w, --workers <n>', 'worker threads (default: the available cores; for a scenario, 1 below 2,000 runs)', workerCount)
    .option('--resume', 'continue an interrupted comparison across a sweep file')
    .option(
      '--force',
      'replace the output of another entente command in --out, or start an unfinished one over (never a directory entente did not write)',
    )
    .option('--report', 'also draw charts and write report.html in the output directory (entente report)')
    .option('-q, --quiet', 'print nothing on success')
    .action(async (file: string, flags: CompareFlags) => {
      const posterior = flags.posterior === false ? undefined : (flags.posterior ?? scenarioPosterior(file));
      if (posterior !== undefined) {
        if (isSweepFile(file))
          throw new EntenteError('compare.posteriorSweep', '--posterior compares a scenario over a posterior, not a sweep file', {
            where: { file },
            expected: 'the scenario file the posterior was calibrated on',
          });
        const name = loadScenario(file).spec.name;
        await comparePosterior(
          file,
          {
            posterior,
            levers: flags.levers,
            ...(flags.replications !== undefined ? { replications: flags.replications } : {}),
            ...(flags.seed !== undefined ? { seed: flags.seed } : {}),
            minEffect: flags.minEffect,
            confidence: flags.confidence,
            out: flags.out ?? defaultOut(name, file, '-compare'),
            workers: flags.workers ?? availableParallelism(),
            force: flags.force === true,
            quiet: flags.quiet === true,
          },
          print,
        );
        const dir = flags.out ?? defaultOut(name, file, '-compare');
        if (flags.report) await reportAfter(dir, print, flags.quiet);
        printNext(print, flags.quiet, [reportStep(dir, flags.report)]);
        return;
      }
      if (isSweepFile(file)) {
        await compareSweep(file, flags, print);
        return;
      }
      const loaded = loadScenario(file, { seed: flags.seed, replications: flags.replications });
      const levers = selectLevers(flags.levers, loaded.spec, file);
      for (const lever of levers) prepare(loaded.source, loaded.spec, { lever }); // every lever must resolve before anything is written
      const out = flags.out ?? defaultOut(loaded.spec.name, file, '-compare');
      claimOutput(out, 'compare', { force: flags.force === true }); // before the work, not after
      checkCompareSize(loaded.config, levers.length, loaded.replications, file);
      const started = Date.now();
      // Starting workers costs about a second, so by default the pool is used only for 2,000 runs or more.
      const runs = (levers.length + 1) * loaded.replications;
      const workers = flags.workers ?? (runs >= 2000 ? availableParallelism() : 1);
      // One worker: run in this thread; more: replications in blocks on a pool, read back in order.
      const outcomes =
        workers > 1 ? await outcomesInParallel(loaded, levers, loaded.seed, loaded.replications, workers, flags.quiet === true) : undefined;
      const effects = await writeOutputDir(
        out,
        'compare',
        async (dir) => {
          const deltas = new CsvFile(join(dir, 'deltas.csv'), DELTAS_COLUMNS);
          const result = compareLevers(
            loaded,
            { levers, replications: loaded.replications, seed: loaded.seed, minEffect: flags.minEffect },
            (row) => deltas.write([row.lever, row.replication, row.seed, row.a, row.b, ...deltaCells(row)]),
            outcomes,
          );
          await deltas.close();
          await writeLevers(dir, levers.length, result);
          writeJson(join(dir, 'manifest.json'), {
            ...manifestHead('compare'),
            ...scenarioFacts(file, loaded.source.hash, loaded.spec),
            levers,
            seed: loaded.seed,
            replications: loaded.replications,
            minEffect: flags.minEffect,
            design: 'common random numbers: baseline and every lever run replication r with seed deriveSeed(seed, 0, r)',
            interval: 'seeded percentile bootstrap of the mean paired difference, 2000 resamples, 95%',
            verdict:
              'closer if ci_low > 0 and delta_mean ≥ min-effect; apart if ci_high < 0 and delta_mean ≤ −min-effect; otherwise unclear',
            timings: { seconds: (Date.now() - started) / 1000 },
          });
          return result;
        },
        { force: flags.force === true },
      );
      if (!flags.quiet) {
        print(
          `${loaded.spec.name}: ${levers.length} lever(s) vs baseline, ${loaded.replications} paired replications, final depth (min effect ${flags.minEffect}) → ${out}`,
        );
        print(table(effects));
      }
      if (flags.report) await reportAfter(out, print, flags.quiet);
      printNext(print, flags.quiet, [reportStep(out, flags.report)]);
    });
}
