/**
 * What every way of running `calibrate --method abc` ends with (in one process, or collected
 * from shards): the identity a resumed or sharded run must share, and the final files —
 * posterior.csv, predictive.csv, generations.csv, the manifest (last) — with a summary.
 */
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { EntenteError } from '../../errors.js';
import type { LoadedSweep } from '../../experiments/loadSweep.js';
import { fixedAssignments } from '../../experiments/loadSweep.js';
import { writeAtomic } from '../../io/atomicFile.js';
import { formatNumber } from '../../io/csvFile.js';
import { commandLine } from '../../io/manifest.js';
import { finishInPlace } from '../../io/outputDir.js';
import { readJsonObject } from '../../io/ownership.js';
import { scenarioFacts } from '../../scenario/labels.js';
import { VERSION } from '../../version.js';
import { type Loaded, loadGenerations, type OnDamage, removeCheckpoints } from './checkpoint.js';
import { PREDICTIVE_COLUMNS, predictiveSeries } from './predictiveSeries.js';
import type { Prior } from './priors.js';
import type { AbcSetup } from './run.js';
import { removeRounds } from './shards.js';
import { type AbcResult, marginal } from './smc.js';

export interface AbcFlags {
  readonly particles: number;
  readonly generations: number;
  readonly replications: number;
  readonly resume: boolean;
  readonly force: boolean;
  readonly quiet: boolean;
}

/** What a resumed or sharded run must share with the one it continues (the calibration file by its hash). */
export type AbcIdentity = {
  readonly method: 'abc-smc';
  readonly calibration: { readonly sha256: string };
  readonly particles: number;
  readonly generationLimit: number;
  readonly replications: number;
  readonly seed: number;
};

export function abcIdentity(loaded: LoadedSweep, flags: AbcFlags): AbcIdentity {
  return {
    method: 'abc-smc',
    calibration: { sha256: loaded.source.hash },
    particles: flags.particles,
    generationLimit: flags.generations,
    replications: flags.replications,
    seed: loaded.seed,
  };
}

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * The first field of `expected` (by dotted path) whose value `found` does not have; undefined if it
 * has them all. Only the identity's own fields count: a finished manifest says more of the same
 * object (`calibration` gains the file's name and the observed data's path, finish.ts) and is still
 * the same calibration.
 */
function differing(found: unknown, expected: unknown, path: string): { path: string; found: unknown; expected: unknown } | undefined {
  if (!isObject(expected)) return JSON.stringify(found) === JSON.stringify(expected) ? undefined : { path, found, expected };
  if (!isObject(found)) return { path, found, expected };
  for (const [key, value] of Object.entries(expected)) {
    const d = differing(found[key], value, `${path}.${key}`);
    if (d) return d;
  }
  return undefined;
}

/** The manifest of the run in `out`, checked to be this calibration with these settings (finished or not). */
export function sameCalibration(out: string, identity: Record<string, unknown>): Record<string, unknown> {
  const manifest = readJsonObject(join(out, 'manifest.json'), `${out}'s manifest.json`, 'an ABC calibration: --force to start over');
  for (const [key, value] of Object.entries(identity)) {
    const d = differing(manifest[key], value, key);
    if (d)
      throw new EntenteError('calibration.resumeMismatch', `cannot continue: the run in this directory had another ${key}`, {
        where: { file: join(out, 'manifest.json'), path: d.path },
        expected: JSON.stringify(d.expected),
        found: JSON.stringify(d.found ?? null),
      });
  }
  return manifest;
}

/** The saved generations of the run in `out`, if it was this calibration with these settings (checkpoint.ts: what a damaged one means). */
export function resumable(out: string, identity: AbcIdentity, priors: readonly Prior[], onDamage: OnDamage): Loaded {
  sameCalibration(out, identity);
  return loadGenerations(out, { particles: identity.particles, priors }, onDamage);
}

export interface AbcRunFacts {
  readonly identity: AbcIdentity;
  readonly file: string;
  readonly started: number;
  readonly floor: number;
  readonly observedFile: string;
  /** Worker threads, or how the shards ran. */
  readonly ran: Record<string, unknown>;
}

/** Write the final files and the manifest (last), remove what was kept only for resuming, and print the summary. */
export function finishAbc(
  out: string,
  loaded: LoadedSweep,
  setup: AbcSetup,
  result: AbcResult,
  facts: AbcRunFacts,
  flags: AbcFlags,
  print: (text: string) => void,
): void {
  const { parameters } = setup;
  const paths = loaded.parameters.map((p) => p.path);
  const freePaths = parameters.free.map((i) => paths[i] as string);
  const final = result.generations[result.generations.length - 1];
  if (!final) throw new Error('ABC returned no generation');
  const csv = (rows: (string | number)[][]) => stringify(rows, { cast: { number: formatNumber } });
  writeAtomic(
    join(out, 'posterior.csv'),
    csv([
      ['particle', 'weight', 'distance', ...paths],
      ...final.particles.map((theta, i) => [i, final.weights[i], final.distances[i], ...parameters.point(theta)]),
    ]),
  );
  const points = final.particles.map((theta) => parameters.point(theta));
  writeAtomic(
    join(out, 'predictive.csv'),
    csv([
      PREDICTIVE_COLUMNS,
      ...predictiveSeries(loaded, points, final.weights).map((row) => [row.indicator, row.unit, row.tick, row.date, ...row.quantiles]),
    ]),
  );
  writeAtomic(
    join(out, 'generations.csv'),
    csv([
      ['generation', 'tolerance', 'acceptance_rate', 'ess', 'simulations'],
      ...result.generations.map((g) => [g.t, g.tolerance, g.acceptance, g.ess, g.simulations]),
    ]),
  );
  finishInPlace(out, 'calibration', {
    version: VERSION,
    command: commandLine(),
    ...facts.identity,
    calibration: { file: loaded.source.file, sha256: loaded.source.hash, observed: facts.observedFile },
    ...scenarioFacts(loaded.scenarioFile, loaded.scenarioSource.hash, loaded.scenario),
    // The calibration file's fixed settings (its rival structure): readers apply them before each particle's values.
    ...(loaded.sweep.set ? { fixed: fixedAssignments(loaded.sweep) } : {}),
    generations: result.generations.length,
    stopped: result.stopped,
    floor: facts.floor,
    stopRules:
      'a generation accepting under 1% of its simulations, a tolerance falling by under 1%, --generations, or the tolerance floor √(k(1 − 2/(9k))³), k = Σ target weights: the median distance the true parameters would have if each scale were the observation error',
    predictive:
      'predictive.csv: weighted quantiles over the final particles of each observable at each tick, one run per particle (point 1001·2³² + i)',
    distance: '√(Σ weight · ((simulated − observed) / scale)²), simulated = mean over replications of the statistic',
    priors: parameters.free.map((i, j) => ({ path: paths[i], prior: parameters.declared[j] })),
    ...facts.ran,
    timings: { seconds: (Date.now() - facts.started) / 1000 },
  });
  // The generations are in generations.csv; the populations and rounds were only for resuming.
  removeCheckpoints(out);
  removeRounds(out);
  if (flags.quiet) return;
  const simulations = result.generations.reduce((a, g) => a + g.simulations, 0);
  print(
    `${facts.file}: ABC-SMC, ${flags.particles} particles, ${result.generations.length} generations (stopped: ${result.stopped}), ${simulations} simulations × ${flags.replications} replications → ${out}`,
  );
  print(`final tolerance ${formatNumber(final.tolerance)}, acceptance ${formatNumber(final.acceptance)}, ESS ${formatNumber(final.ess)}`);
  const width = Math.max(...freePaths.map((p) => p.length), 9);
  print(`${'parameter'.padEnd(width)}  posterior mean  sd`);
  // Of the values the model ran with (a spike prior's latent u mapped to its value).
  const mapped = { ...final, particles: points.map((point) => Float64Array.from(parameters.free, (i) => Number(point[i]))) };
  freePaths.forEach((p, j) => {
    const { mean, sd } = marginal(mapped, j);
    print(`${p.padEnd(width)}  ${formatNumber(mean).padStart(14)}  ${formatNumber(sd)}`);
  });
}
