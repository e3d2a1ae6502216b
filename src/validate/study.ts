/**
 * `entente validate FILE` (docs/validation.md): the held-out figures of a validation file scored
 * over a posterior: the predictive median and 50%/90% intervals of each, whether they hold the
 * observation, its CRPS beside the naive forecasts', its PIT; validation.csv and manifest.json,
 * written atomically. A figure with a condition is forecast at each value of its grid (the whole
 * fan is written) and judged at the value independent evidence implies.
 */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { loadUnder, type Posterior, readPosterior } from '../compare/posterior/read.js';
import { checkParticles } from '../compare/posterior/study.js';
import { EntenteError } from '../errors.js';
import type { Value } from '../experiments/designs/design.js';
import type { Shard } from '../experiments/plan.js';
import { progressNote } from '../experiments/progress.js';
import { writeAtomic } from '../io/atomicFile.js';
import { commandLine, manifestHead } from '../io/manifest.js';
import { defaultOut, finishInPlace, startInPlace, writeJson, writeOutputDir } from '../io/outputDir.js';
import { inspectOutput } from '../io/ownership.js';
import { prepare } from '../scenario/load.js';
import { readSource } from '../scenario/source.js';
import { VERSION } from '../version.js';
import { scoreFigure } from './figureScore.js';
import { type LoadedValidation, loadValidation } from './load.js';
import { predictFigures } from './predict.js';
import { checkAfterSplit, splitCollect, splitPosterior, splitShard } from './split.js';
import { summarise, VALIDATION, type ValidationRow, type ValidationSummary } from './table.js';

export interface ValidateOptions {
  readonly out?: string;
  readonly workers?: number;
  readonly force: boolean;
  readonly quiet: boolean;
  /** A split: continue its calibration where OUT/posterior stopped (a complete one is scored again, not redrawn). */
  readonly resume?: boolean;
  /** A split: ABC's particles and most generations instead of the file's (a small version, as CI runs). */
  readonly particles?: number;
  readonly generations?: number;
  /** A split on Slurm: evaluate this shard of the calibration's next round (slurm/validate.sbatch). */
  readonly shard?: Shard;
  /** A split on Slurm: start OUT, collect the shards' rounds, and score once the posterior is complete. */
  readonly collect?: boolean;
}

export interface ValidationResult {
  readonly name: string;
  readonly out: string;
  readonly rows: readonly ValidationRow[];
  readonly summary: ValidationSummary;
  readonly posterior: Posterior;
}

/** The condition's values to forecast at: its grid, and the evidence's reading if the grid lacks it. */
function conditionValues(loaded: LoadedValidation): readonly (number | undefined)[] {
  const c = loaded.spec.condition;
  if (!c) return [undefined];
  return c.values.includes(c.reading) ? c.values : [...c.values, c.reading];
}

/** Every value of the condition must be one the scenario accepts, said of the validation file. */
function checkCondition(loaded: LoadedValidation, base: ReturnType<typeof loadUnder>): void {
  const c = loaded.spec.condition;
  if (!c) return;
  for (const value of conditionValues(loaded))
    try {
      prepare(base.source, base.spec, { set: [`${c.path}=${value}`] });
    } catch (err) {
      if (!(err instanceof EntenteError)) throw err;
      throw new EntenteError(err.code, `condition ${c.path} = ${value}: ${err.message.replace(/^--set [^:]*: /, '')}`, {
        where: { file: loaded.source.file, path: 'condition' },
        expected: err.expected ?? 'a path and values the scenario accepts',
      });
    }
}

/** Forecast every figure at every value of the condition over the posterior's particles, and score it. */
async function scoreOver(loaded: LoadedValidation, posterior: Posterior, options: ValidateOptions): Promise<ValidationRow[]> {
  const base = loadUnder(loaded.scenarioFile, posterior);
  checkParticles(base, [], posterior);
  checkCondition(loaded, base);
  const condition = loaded.spec.condition;
  const replaced = condition ? posterior.paths.indexOf(condition.path) : -1;
  const paths = condition && replaced < 0 ? [...posterior.paths, condition.path] : posterior.paths;
  const rows: ValidationRow[] = [];
  // Each run is a draw of its own, weight w_i / R: the observation is one realisation of the world,
  // so the predictive keeps the run-to-run spread a mean over replications would shrink by √R.
  // Run r of particle i is point i·R + r (its seed deriveSeed(seed, i·R + r, 0)), the same at every value of the condition.
  const R = loaded.replications;
  const weights = Float64Array.from(
    { length: posterior.weights.length * R },
    (_, x) => (posterior.weights[Math.floor(x / R)] as number) / R,
  );
  for (const value of conditionValues(loaded)) {
    const points: Value[][] = posterior.values.flatMap((row) => {
      const point: Value[] = [...row];
      if (value !== undefined) {
        if (replaced >= 0) point[replaced] = String(value);
        else point.push(String(value));
      }
      return Array.from({ length: R }, () => point);
    });
    const values = await predictFigures(
      {
        scenarioFile: base.source.file,
        scenario: base.spec,
        paths,
        seed: loaded.seed,
        replications: 1,
        figures: loaded.figures,
      },
      points,
      options.workers ?? availableParallelism(),
      options.quiet,
    );
    loaded.figures.forEach((figure, f) => {
      const spec = loaded.spec.figures[f];
      rows.push({
        figure,
        unit: loaded.units[f] as string,
        ...(value !== undefined ? { condition: value } : {}),
        judged: value === undefined || value === condition?.reading,
        tolerance: figure.spec.scale,
        ...(spec?.maxWidth !== undefined ? { maxWidth: spec.maxWidth } : {}),
        score: scoreFigure(values[f] as Float64Array, weights, figure.observed, loaded.naive[f]),
      });
    });
  }
  // Figure by figure, its grid in order: the fan reads down the file.
  return loaded.figures.flatMap((figure) => rows.filter((r) => r.figure === figure));
}

/** What validate writes beside validation.csv: the file, the posterior, the settings and the summary. */
function manifestFacts(loaded: LoadedValidation, posterior: Posterior, summary: ValidationSummary): Record<string, unknown> {
  return {
    validation: { file: loaded.source.file, sha256: loaded.source.hash, name: loaded.name },
    scenario: { file: loaded.scenarioFile },
    observed: loaded.observedFile,
    posterior: {
      dir: posterior.dir,
      sha256: posterior.sha256,
      particles: posterior.values.length,
      ess: posterior.ess,
      ...(posterior.calibration ? { calibration: posterior.calibration.file } : {}),
      ...(loaded.calibrationFile ? { calibratedFromScratch: true } : {}),
    },
    seed: loaded.seed,
    replications: loaded.replications,
    ...(loaded.spec.condition ? { condition: loaded.spec.condition } : {}),
    summary,
    scores:
      'CRPS of the weighted sample of runs (each run of a particle a draw with its share of the particle’s weight) against the observation (Gneiting & Raftery 2007); a naive forecast is a point, its CRPS its absolute error; means are over judged figures, each in units of its tolerance',
  };
}

/** A split whose calibration is not finished: run as shards, it waits for the rest. */
export interface Pending {
  readonly name: string;
  readonly out: string;
  readonly pending: true;
}

/** Over a named posterior: scored and written atomically, a study of seconds. */
async function overNamed(loaded: LoadedValidation, out: string, options: ValidateOptions): Promise<ValidationResult> {
  if (options.shard || options.collect)
    throw new EntenteError('validation.shard', '--shard and --collect are for a time split, whose calibration is the long part', {
      where: { file: loaded.source.file, path: 'posterior' },
      expected: 'a validation file with calibrate: { file, particles }, or no --shard/--collect (a posterior’s figures take seconds)',
    });
  const posterior = readPosterior(loaded.posterior as string);
  // As compare says it: particles drawn on another text of the scenario are used as they are, with a word.
  if (!options.quiet && posterior.scenario.sha256 !== readSource(loaded.scenarioFile).hash)
    progressNote(
      `note: the posterior in ${posterior.dir} was calibrated on another text of ${posterior.scenario.file} (SHA-256 differs from ${loaded.scenarioFile}'s); its particles are used as they are.`,
    );
  const rows = await scoreOver(loaded, posterior, options);
  const summary = summarise(rows);
  await writeOutputDir(
    out,
    'validation',
    async (dir) => {
      writeAtomic(join(dir, 'validation.csv'), VALIDATION.text(rows));
      writeJson(join(dir, 'manifest.json'), { ...manifestHead('validation'), ...manifestFacts(loaded, posterior, summary) });
    },
    { force: options.force },
  );
  return { name: loaded.name, out, rows, summary, posterior };
}

/** A time split: its posterior drawn from scratch in OUT/posterior (in place, so it resumes; or as Slurm shards), then scored. */
async function overSplit(
  loaded: LoadedValidation,
  out: string,
  options: ValidateOptions,
  print: (text: string) => void,
): Promise<ValidationResult | Pending> {
  const split = {
    out,
    workers: options.workers ?? availableParallelism(),
    ...(options.particles !== undefined ? { particles: options.particles } : {}),
    ...(options.generations !== undefined ? { generations: options.generations } : {}),
    resume: options.resume === true || options.collect === true,
    quiet: options.quiet,
  };
  const command = commandLine();
  if (options.shard) {
    if (inspectOutput(out).state !== 'entente')
      throw new EntenteError('validation.notStarted', 'no split has been started in this directory', {
        where: { file: out, path: '--out' },
        expected: `the directory started by \`entente validate ${loaded.source.file} --out ${out} --collect\` (run it before the shards)`,
      });
    await splitShard(loaded, split, options.shard, print);
    return { name: loaded.name, out, pending: true };
  }
  startInPlace(out, 'validation', { resume: split.resume, force: options.force }, { version: VERSION, command });
  const posterior = options.collect ? await splitCollect(loaded, split, print) : await splitPosterior(loaded, split, print);
  if (!posterior) return { name: loaded.name, out, pending: true };
  const rows = await scoreOver(loaded, posterior, options);
  const summary = summarise(rows);
  writeAtomic(join(out, 'validation.csv'), VALIDATION.text(rows));
  finishInPlace(out, 'validation', { version: VERSION, command, ...manifestFacts(loaded, posterior, summary) });
  return { name: loaded.name, out, rows, summary, posterior };
}

export async function validateFile(
  file: string,
  options: ValidateOptions,
  print: (text: string) => void = () => {},
): Promise<ValidationResult | Pending> {
  const loaded = loadValidation(file);
  checkAfterSplit(loaded); // before anything is written
  const out = options.out ?? defaultOut(loaded.name, file, '-validation');
  return loaded.posterior ? overNamed(loaded, out, options) : overSplit(loaded, out, options, print);
}
