/**
 * A time split's posterior, calibrated from scratch by `entente validate` (docs/validation.md):
 * ABC-SMC on the split's calibration file, run in place in OUT/posterior/ exactly as
 * `entente calibrate FILE --method abc --out OUT/posterior` runs it (each generation saved as it
 * completes, so --resume continues it), then read back. And the rule that makes it a split: every
 * figure was still unobserved when the last of the calibration's targets was.
 */
import { join, resolve } from 'node:path';
import type { AbcFlags } from '../calibration/abc/finish.js';
import { collectAbc, runAbcShard } from '../calibration/abc/shardStudy.js';
import { runAbcCommand } from '../calibration/abc/study.js';
import { months, type Target } from '../calibration/targets.js';
import { type Posterior, readPosterior } from '../compare/posterior/read.js';
import { EntenteError } from '../errors.js';
import { type LoadedSweep, loadSweep } from '../experiments/loadSweep.js';
import type { Shard } from '../experiments/plan.js';
import type { LoadedValidation } from './load.js';

/** ABC's most generations for a split unless its file or the command says (calibrate's default). */
export const SPLIT_GENERATIONS = 15;

export interface SplitOptions {
  readonly out: string;
  readonly workers: number;
  /** Particles and generations instead of the file's: a small version for CI. */
  readonly particles?: number;
  readonly generations?: number;
  readonly resume: boolean;
  readonly quiet: boolean;
}

/** The month (since the scenario's start) after the calibration's last observed target ends: the split's date. */
function splitDate(targets: readonly { period: string; statistic: string }[], start: string): number {
  let end = 0;
  for (const t of targets) {
    if (t.statistic === 'rise' || t.statistic === 'change') continue; // a pattern observes nothing
    const { first, count } = months(t.period, start);
    end = Math.max(end, first + count);
  }
  return end;
}

/** Refuse a figure the split's calibration could have seen: one whose period ends by the split's date. */
export function checkAfterSplit(loaded: LoadedValidation): void {
  if (!loaded.calibrationFile) return;
  const sweep = loadSweep(loaded.calibrationFile, { lever: null, estimate: false });
  // The split calibrates the scenario its figures are read from, or its months and observables mean nothing here.
  if (resolve(sweep.scenarioFile) !== resolve(loaded.scenarioFile))
    throw new EntenteError(
      'validation.splitScenario',
      `the split's calibration ${loaded.calibrationFile} calibrates another scenario (${sweep.scenarioFile})`,
      {
        where: { file: loaded.source.file, path: 'calibrate.file' },
        expected: `a calibration file whose scenario: is ${loaded.scenarioFile}`,
      },
    );
  const targets = sweep.sweep.calibration?.targets ?? [];
  const date = splitDate(targets, loaded.start);
  // A split's naive forecasts read only what was observed by its date, as its calibration does.
  loaded.spec.figures.forEach((figure, i) => {
    for (const field of ['last', 'before'] as const) {
      const period = figure.naive?.[field];
      if (period === undefined) continue;
      const { first, count } = months(period, loaded.start);
      if (first + count <= date) continue;
      const line = loaded.source.locate(['figures', i, 'naive', field]);
      throw new EntenteError(
        'validation.naiveAfterSplit',
        `figure ${figure.indicator} ${figure.period}: its naive basis ${period} was observed after the split`,
        {
          where: { file: loaded.source.file, ...(line ? { line } : {}), path: `figures[${i}].naive.${field}` },
          expected: `a period that ends by the split's date (month ${date} of the scenario), as the calibration's data do`,
        },
      );
    }
  });
  loaded.figures.forEach((figure: Target, i) => {
    if (figure.to > date) return;
    const line = loaded.source.locate(['figures', i]);
    throw new EntenteError(
      'validation.beforeSplit',
      `figure ${figure.spec.indicator} ${figure.spec.period} was observed before the split`,
      {
        where: { file: loaded.source.file, ...(line ? { line } : {}), path: `figures[${i}].period` },
        expected: `a period that ends after the calibration's last target (month ${date} of the scenario), as a forecast's does`,
      },
    );
  });
}

/** The split's calibration file, loaded, and the flags its ABC runs with (the file's particles unless the command says). */
function abc(loaded: LoadedValidation, options: SplitOptions): { sweep: LoadedSweep; file: string; flags: AbcFlags } {
  const file = loaded.calibrationFile as string;
  const sweep = loadSweep(file, { lever: null, estimate: false });
  const calibration = loaded.spec.calibrate;
  return {
    sweep,
    file,
    flags: {
      particles: options.particles ?? calibration?.particles ?? 1000,
      generations: options.generations ?? calibration?.generations ?? SPLIT_GENERATIONS,
      replications: sweep.replications,
      resume: options.resume,
      force: false,
      quiet: options.quiet,
    },
  };
}

/** Where a split's posterior is drawn: a calibration output of its own inside the validation's. */
export const posteriorDir = (out: string): string => join(out, 'posterior');

/** Draw (or, with resume, finish drawing) the split's posterior in OUT/posterior, and read it. */
export async function splitPosterior(loaded: LoadedValidation, options: SplitOptions, print: (text: string) => void): Promise<Posterior> {
  const { sweep, file, flags } = abc(loaded, options);
  await runAbcCommand(sweep, file, posteriorDir(options.out), options.workers, flags, print);
  return readPosterior(posteriorDir(options.out));
}

/** One Slurm task's shard of the round the split's calibration asks for next (slurm/validate.sbatch). */
export async function splitShard(
  loaded: LoadedValidation,
  options: SplitOptions,
  shard: Shard,
  print: (text: string) => void,
): Promise<void> {
  const { sweep, flags } = abc(loaded, options);
  await runAbcShard(sweep, posteriorDir(options.out), options.workers, flags, shard, print);
}

/** Collect what the shards' rounds completed; the posterior once ABC has stopped, else undefined. */
export async function splitCollect(
  loaded: LoadedValidation,
  options: SplitOptions,
  print: (text: string) => void,
): Promise<Posterior | undefined> {
  const { sweep, file, flags } = abc(loaded, options);
  return (await collectAbc(sweep, file, posteriorDir(options.out), flags, print)) ? readPosterior(posteriorDir(options.out)) : undefined;
}
