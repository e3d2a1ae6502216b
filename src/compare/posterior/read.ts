/**
 * Reading a posterior that `entente calibrate --method abc` wrote: its manifest
 * (which scenario it was calibrated on) and posterior.csv (one row per particle:
 * particle, weight, distance, then one column per parameter path). Everything is
 * checked before anything runs; a damaged or foreign directory is a clear error.
 */
import { createHash } from 'node:crypto';

import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { EntenteError } from '../../errors.js';
import { readRecorded } from '../../io/fileRecord.js';
import { readJsonObject } from '../../io/ownership.js';
import { type LoadedScenario, type LoadOptions, loadScenario } from '../../scenario/load.js';

export interface Posterior {
  readonly dir: string;
  /** posterior.csv's path and SHA-256: the comparison's provenance. */
  readonly file: string;
  readonly sha256: string;
  /** The scenario the posterior was calibrated on, as its manifest names it. */
  readonly scenario: { readonly file: string; readonly sha256: string };
  readonly paths: readonly string[];
  /**
   * Settings the calibration file fixed (`set:`, its rival structure) as PATH=VALUE, applied to the
   * scenario before any particle's values; none for a calibration that fixed nothing.
   */
  readonly fixed: readonly string[];
  /** Normalised weights, one per particle (sum 1). */
  readonly weights: Float64Array;
  /** values[i][j]: particle i's value of paths[j], as written (so `--set` reproduces it). */
  readonly values: readonly (readonly string[])[];
  /** Kish's effective sample size of the weights. */
  readonly ess: number;
  /** The calibration file the posterior was drawn from (its prior), as the manifest names it. */
  readonly calibration?: { readonly file: string; readonly sha256: string };
}

const LEADING = ['particle', 'weight', 'distance'] as const;

export function readPosterior(dir: string): Posterior {
  const remedy = 'a directory written by entente calibrate FILE --method abc';
  const manifest = readJsonObject(join(dir, 'manifest.json'), `${dir}'s manifest.json`, remedy);
  if (manifest.method !== 'abc-smc' || manifest.complete === false) {
    throw new EntenteError('posterior.notPosterior', 'not a finished ABC posterior', {
      where: { file: join(dir, 'manifest.json'), path: 'method' },
      expected: remedy,
      found: JSON.stringify(manifest.method ?? null),
    });
  }
  const scenario = manifest.scenario as { file?: unknown; sha256?: unknown } | undefined;
  if (typeof scenario?.file !== 'string' || typeof scenario.sha256 !== 'string')
    throw new EntenteError('output.damaged', 'the manifest does not name the scenario', {
      where: { file: join(dir, 'manifest.json'), path: 'scenario' },
      expected: remedy,
    });
  const file = join(dir, 'posterior.csv');
  let text: string;
  try {
    text = readRecorded(dir, 'posterior.csv', manifest.files, remedy).toString('utf8');
  } catch (err) {
    if (err instanceof EntenteError) throw err;
    throw new EntenteError('output.damaged', 'posterior.csv is missing', { where: { file }, expected: remedy });
  }
  let rows: string[][];
  try {
    rows = parse(text) as string[][];
  } catch (err) {
    throw new EntenteError('output.damaged', `posterior.csv cannot be read: ${(err as Error).message.split('\n')[0]}`, {
      where: { file },
      expected: 'the file as entente calibrate --method abc wrote it',
    });
  }
  const header = rows[0] ?? [];
  if (LEADING.some((name, i) => header[i] !== name) || header.length <= LEADING.length)
    throw new EntenteError('output.damaged', 'posterior.csv has the wrong columns', {
      where: { file, line: 1 },
      expected: `${LEADING.join(',')}, then one column per parameter path`,
      found: header.slice(0, 4).join(','),
    });
  const body = rows.slice(1);
  if (body.length === 0) throw new EntenteError('output.damaged', 'posterior.csv has no particles', { where: { file }, expected: remedy });
  const weights = new Float64Array(body.length);
  let total = 0;
  body.forEach((row, i) => {
    const w = nonNegative(file, row, i, 1, 'weight');
    weights[i] = w;
    total += w;
  });
  if (!(total > 0)) throw new EntenteError('output.damaged', 'the weights sum to 0', { where: { file, path: 'weight' } });
  const paths = header.slice(LEADING.length);
  checkSupport(file, body, paths, manifest.priors);
  let squares = 0;
  for (let i = 0; i < weights.length; i++) {
    weights[i] = weights[i] / total;
    squares += weights[i] ** 2;
  }
  return {
    dir,
    file,
    sha256: createHash('sha256').update(text).digest('hex'),
    scenario: { file: scenario.file, sha256: scenario.sha256 },
    paths,
    fixed: fixedOf(manifest.fixed, join(dir, 'manifest.json')),
    weights,
    values: body.map((row) => row.slice(LEADING.length)),
    ess: 1 / squares,
    ...calibrationOf(manifest.calibration),
  };
}

function calibrationOf(calibration: unknown): { calibration?: { file: string; sha256: string } } {
  const c = calibration as { file?: unknown; sha256?: unknown } | undefined;
  return typeof c?.file === 'string' && typeof c.sha256 === 'string' ? { calibration: { file: c.file, sha256: c.sha256 } } : {};
}

function fixedOf(fixed: unknown, file: string): string[] {
  if (fixed === undefined) return [];
  if (!Array.isArray(fixed) || !fixed.every((a): a is string => typeof a === 'string' && a.indexOf('=') > 0))
    throw new EntenteError('output.damaged', "the manifest's fixed settings are not PATH=VALUE assignments", {
      where: { file, path: 'fixed' },
      expected: 'a list of PATH=VALUE strings, as entente calibrate --method abc wrote it',
      found: JSON.stringify(fixed).slice(0, 80),
    });
  return fixed;
}

/** Row i's column `at` (`name`) as a finite number ≥ 0, or a refusal naming the line. */
function nonNegative(file: string, row: readonly string[], i: number, at: number, name: string): number {
  const v = Number(row[at]);
  if (v >= 0 && Number.isFinite(v)) return v;
  throw new EntenteError('output.damaged', `particle ${row[0]} has no valid ${name}`, {
    where: { file, line: i + 2, path: name },
    expected: 'a finite number ≥ 0',
    found: JSON.stringify(row[at]),
  });
}

/**
 * Every particle's distance finite and ≥ 0, and each value inside the support of its parameter's
 * prior (the manifest's `priors`): a posterior.csv edited with a value no prior could give is
 * refused, not averaged over.
 */
function checkSupport(file: string, body: readonly string[][], paths: readonly string[], priors: unknown): void {
  const support = new Map<string, { min: number; max: number }>();
  if (Array.isArray(priors))
    for (const p of priors as { path?: unknown; prior?: { min?: unknown; max?: unknown } }[])
      if (typeof p.path === 'string' && typeof p.prior?.min === 'number' && typeof p.prior.max === 'number')
        support.set(p.path, { min: p.prior.min, max: p.prior.max });
  body.forEach((row, i) => {
    nonNegative(file, row, i, 2, 'distance');
    paths.forEach((path, j) => {
      const range = support.get(path);
      const text = row[LEADING.length + j];
      const v = Number(text);
      if (range && !(v >= range.min && v <= range.max))
        throw new EntenteError('output.damaged', `particle ${row[0]} has ${path} outside its prior`, {
          where: { file, line: i + 2, path },
          expected: `a value in [${range.min}, ${range.max}]`,
          found: JSON.stringify(text),
        });
    });
  });
}

/**
 * The scenario a posterior's particles run in: `file` with the posterior's fixed settings (its
 * calibration's structure) and any `before` them (a sweep's own). A fixed setting the scenario
 * refuses is blamed on the manifest's `fixed`, where it was written.
 */
export function loadUnder(file: string, posterior: Posterior, options: LoadOptions = {}, before: readonly string[] = []): LoadedScenario {
  try {
    return loadScenario(file, { ...options, set: [...before, ...posterior.fixed] });
  } catch (err) {
    const bad = err instanceof EntenteError ? posterior.fixed.findIndex((a) => err.message.startsWith(`--set ${a}:`)) : -1;
    if (bad < 0) throw err;
    const e = err as EntenteError;
    throw new EntenteError(e.code, `the posterior's fixed setting ${posterior.fixed[bad]}: ${e.message.replace(/^--set [^:]*: /, '')}`, {
      where: { file: join(posterior.dir, 'manifest.json'), path: `fixed[${bad}]` },
      expected: e.expected ?? `a setting ${file} accepts`,
      ...(e.found !== undefined ? { found: e.found } : {}),
    });
  }
}
