/**
 * compare over a calibrated posterior: every lever against the baseline at every particle, on
 * common random numbers; verdicts as posterior probabilities (compare/stats.ts), ranks as
 * probabilities of ranking, and what each effect depends on across the posterior (drivers.csv).
 * Writes particles.csv, drivers.csv, levers.csv and manifest.json; the command only translates flags.
 */
import { join } from 'node:path';
import { EntenteError } from '../../errors.js';
import { manifestHead } from '../../io/manifest.js';
import { writeJson, writeOutputDir } from '../../io/outputDir.js';
import { claimOutput } from '../../io/ownership.js';
import { Table } from '../../io/table.js';
import { deriveSeed } from '../../model/rng.js';
import { scenarioFacts } from '../../scenario/labels.js';
import { type LoadedScenario, prepare } from '../../scenario/load.js';
import { particlesTable, writeLevers } from '../columns.js';
import { compareLevers, type LeverEffect } from '../compare.js';
import { declaredOutcomes, declaredWords } from '../leverOutcomes.js';
import { selectLevers } from '../select.js';
import { type Drivers, drivers } from './drivers.js';
import { posteriorOutcomes } from './outcomes.js';
import { loadUnder, type Posterior, readPosterior } from './read.js';

export interface PosteriorOptions {
  /** The directory calibrate --method abc wrote. */
  readonly posterior: string;
  readonly levers: string;
  readonly replications?: number;
  readonly seed?: number;
  readonly minEffect: number;
  readonly confidence: number;
  /** The output directory, given the scenario's name. */
  readonly out: (name: string) => string;
  readonly workers: number;
  readonly force: boolean;
  readonly quiet: boolean;
}

export interface PosteriorResult {
  readonly name: string;
  /** The declared outcomes the verdicts are on, in words, the primary first. */
  readonly outcomes: readonly string[];
  readonly out: string;
  readonly levers: readonly string[];
  readonly particles: number;
  readonly ess: number;
  readonly replications: number;
  readonly effects: readonly LeverEffect[];
  /** For each lever, on the focus pair: the regression of its effect on the posterior's parameters. */
  readonly drivers: ReadonlyMap<string, Drivers>;
  readonly paths: readonly string[];
}

/** Replications per particle unless told: with common random numbers the noise left is small beside the posterior's spread. */
export const PARTICLE_REPLICATIONS = 4;
/** The credible interval's level. */
export const LEVEL = 0.9;

/** The probability a closer, apart or negligible verdict needs, unless told (compare --confidence). */
export const DEFAULT_CONFIDENCE = 0.9;

interface DriverRow {
  readonly effect: LeverEffect;
  readonly parameter: string;
  readonly src: number;
  readonly r2: number;
}

/** drivers.csv: one row per lever, pair and parameter. */
const DRIVERS = new Table<DriverRow>([
  ['lever', (r) => r.effect.lever],
  ['a', (r) => r.effect.a],
  ['b', (r) => r.effect.b],
  ['parameter', (r) => r.parameter],
  ['src', (r) => r.src],
  ['r2', (r) => r.r2],
]);

/** Every path must name something in this scenario, and each lever must accept both ends of each path's values. */
export function checkParticles(loaded: LoadedScenario, levers: readonly string[], posterior: Posterior): void {
  posterior.paths.forEach((path, j) => {
    const column = posterior.values.map((row) => Number(row[j]));
    const ends = [Math.min(...column), Math.max(...column)];
    for (const lever of [undefined, ...levers])
      for (const value of ends) {
        try {
          prepare(loaded.source, loaded.spec, { lever, set: [`${path}=${value}`] });
        } catch (err) {
          if (!(err instanceof EntenteError)) throw err;
          throw new EntenteError(err.code, `parameter "${path}" = ${value}${lever ? ` under lever ${lever}` : ''}: ${err.message}`, {
            where: { file: posterior.file, path },
            expected: err.expected ?? `a value the scenario ${loaded.source.file} accepts`,
            ...(err.found !== undefined ? { found: err.found } : {}),
          });
        }
      }
  });
}

export async function comparePosterior(file: string, options: PosteriorOptions, note: (text: string) => void): Promise<PosteriorResult> {
  const posterior = readPosterior(options.posterior);
  // The posterior's structure (its calibration's fixed settings) is part of every world it holds.
  const loaded = loadUnder(file, posterior, { seed: options.seed });
  const levers = selectLevers(options.levers, loaded.spec, file);
  checkParticles(loaded, levers, posterior);
  const out = options.out(loaded.spec.name);
  claimOutput(out, 'compare', { force: options.force });
  if (posterior.scenario.sha256 !== loaded.source.hash)
    note(
      `note: the posterior in ${options.posterior} was calibrated on another text of ${posterior.scenario.file} (SHA-256 differs from ${file}'s); its particles are used as they are.`,
    );
  const started = Date.now();
  const replications = options.replications ?? PARTICLE_REPLICATIONS;
  const count = posterior.values.length;
  const outcomes = await posteriorOutcomes(
    { scenarioFile: loaded.source.file, scenario: loaded.spec, levers, paths: posterior.paths, seed: loaded.seed, replications },
    posterior,
    options.workers,
    options.quiet,
  );
  const focusDrivers = new Map<string, Drivers>();
  const effects = await writeOutputDir(
    out,
    'compare',
    async (dir) => {
      const particles = particlesTable(posterior.weights).open(join(dir, 'particles.csv'));
      const byLever = new Map<string, Float64Array>();
      const result = compareLevers(
        loaded,
        {
          levers,
          replications: count,
          seed: loaded.seed,
          minEffect: options.minEffect,
          posterior: { weights: posterior.weights, confidence: options.confidence, level: LEVEL },
          unitSeed: (i) => deriveSeed(loaded.seed, i, 0),
        },
        (row) => {
          const key = `${row.lever}|${row.a}|${row.b}`;
          const effects = byLever.get(key) ?? new Float64Array(count);
          byLever.set(key, effects);
          effects[row.replication] = row.deltaDepthFinal;
          particles.write(row);
        },
        outcomes,
      );
      await particles.close();
      const x = posterior.values.map((row) => Float64Array.from(row, Number));
      const driversFile = DRIVERS.open(join(dir, 'drivers.csv'));
      for (const effect of result) {
        const found = drivers(x, byLever.get(`${effect.lever}|${effect.a}|${effect.b}`) as Float64Array, posterior.weights);
        found.src.forEach((src, j) => {
          driversFile.write({ effect, parameter: posterior.paths[j] as string, src, r2: found.r2 });
        });
        if (effect.focus) focusDrivers.set(effect.lever, found);
      }
      await driversFile.close();
      await writeLevers(dir, levers.length, declaredOutcomes(loaded.spec), result);
      writeJson(join(dir, 'manifest.json'), {
        ...manifestHead('compare'),
        ...scenarioFacts(file, loaded.source.hash, loaded.spec),
        outcomes: declaredOutcomes(loaded.spec),
        outcomeWords: declaredWords(loaded.spec),
        posterior: {
          dir: options.posterior,
          file: posterior.file,
          sha256: posterior.sha256,
          particles: count,
          parameters: posterior.paths.length,
          ess: posterior.ess,
          calibratedOn: posterior.scenario,
        },
        levers,
        seed: loaded.seed,
        replications,
        minEffect: options.minEffect,
        confidence: options.confidence,
        design:
          'every particle i runs the baseline and every lever with its values, replication r with seed deriveSeed(seed, i, r) (common random numbers); its effect is the mean paired difference',
        interval: `${LEVEL * 100}% central credible interval: weighted quantiles of the particles' effects`,
        verdict: `closer if P(Δ > min-effect) ≥ confidence; apart if P(Δ < −min-effect) ≥ confidence; negligible if P(|Δ| ≤ min-effect) ≥ confidence; otherwise uncertain`,
        ranks:
          'p_rank_k: the posterior probability that the lever ranks k-th among the levers for the pair, most dividing (lowest Δ) first',
        timings: { seconds: (Date.now() - started) / 1000 },
      });
      return result;
    },
    { force: options.force },
  );
  return {
    name: loaded.spec.name,
    outcomes: declaredWords(loaded.spec),
    out,
    levers,
    particles: count,
    ess: posterior.ess,
    replications,
    effects,
    drivers: focusDrivers,
    paths: posterior.paths,
  };
}
