/**
 * A validation file, loaded and checked before anything runs: its scenario, the posterior it scores
 * (named, the scenario's own, or to be calibrated from scratch), its figures resolved against the
 * scenario's observables and the observed data, their naive forecasts, and the rule that makes
 * calibration and validation data apart by construction: a figure that is a target of the
 * calibration the posterior was drawn from is refused (exit 2), never scored as held out.
 */
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { months, readObserved, resolveTargets, type Target } from '../calibration/targets.js';
import { scenarioPosterior } from '../compare/posterior/named.js';
import { readPosterior } from '../compare/posterior/read.js';
import { EntenteError } from '../errors.js';
import { loadSweep } from '../experiments/loadSweep.js';
import { resolveObservables } from '../experiments/observables.js';
import { expectKind } from '../scenario/fileKind.js';
import { loadScenario } from '../scenario/load.js';
import { readSource, type Source } from '../scenario/source.js';
import { validateShape } from '../scenario/validate.js';
import type { Naive } from './figureScore.js';
import { naiveForecasts } from './naive.js';
import type { ValidationFile } from './schema.js';
import { Validation } from './schemas.js';

/** Runs per particle, averaged, unless the file says. */
export const DEFAULT_REPLICATIONS = 2;

export interface LoadedValidation {
  readonly source: Source;
  readonly spec: ValidationFile;
  readonly name: string;
  readonly scenarioFile: string;
  readonly observedFile: string;
  /** The posterior scored: a directory (named or the scenario's), or undefined for a split, calibrated by the command. */
  readonly posterior?: string;
  /** A split's calibration file, resolved. */
  readonly calibrationFile?: string;
  /** The figures as calibration targets compute them (statistic, period, conversion), in file order. */
  readonly figures: readonly Target[];
  readonly naive: readonly Naive[];
  /** Each figure's unit: its observable's, or "growth" (a fraction, 0.26 = +26%). */
  readonly units: readonly string[];
  readonly seed: number;
  readonly replications: number;
  /** The scenario's first month, YYYY-MM: what periods count from. */
  readonly start: string;
}

/** A file a manifest names relative to where its command ran: tried from each folder above `near`, then from here. */
function findNamed(file: string, near: string): string | undefined {
  if (isAbsolute(file)) return existsSync(file) ? file : undefined;
  for (let dir = resolve(near); ; dir = dirname(dir)) {
    if (existsSync(join(dir, file))) return join(dir, file);
    if (dirname(dir) === dir) break;
  }
  return existsSync(file) ? resolve(file) : undefined;
}

/** The calibration file whose targets the posterior saw: a split's own, or the one the posterior's manifest names, as it was then. */
function calibrationOf(loaded: { source: Source; posterior?: string; calibrationFile?: string }): string {
  if (loaded.calibrationFile) return loaded.calibrationFile;
  const posterior = readPosterior(loaded.posterior as string);
  const named = posterior.calibration && findNamed(posterior.calibration.file, posterior.dir);
  const where = { file: join(posterior.dir, 'manifest.json'), path: 'calibration.file' };
  if (!named)
    throw new EntenteError('validation.noCalibration', 'cannot tell which figures the posterior was calibrated on', {
      where,
      expected: `the calibration file the posterior was drawn from${posterior.calibration ? ` (${posterior.calibration.file}, not found)` : ''}: a figure must be checked as held out before it is scored`,
    });
  // Its targets as they were when the posterior was drawn: a file edited since could hide a fitted figure.
  if (readSource(named).hash !== posterior.calibration?.sha256)
    throw new EntenteError('validation.calibrationChanged', `${named} has changed since the posterior was drawn from it`, {
      where,
      expected: 'the calibration file as it was (its SHA-256 in the manifest), or the posterior drawn again from the file as it is',
    });
  return named;
}

/** Refuse a figure the calibration fitted: one whose months overlap a target's of the same indicator (patterns read no figure). */
function checkHeldOut(source: Source, figures: readonly Target[], calibrationFile: string, start: string): void {
  const fitted = (loadSweep(calibrationFile, { lever: null, estimate: false }).sweep.calibration?.targets ?? []).filter(
    (t) => t.statistic !== 'rise' && t.statistic !== 'change',
  );
  figures.forEach((figure, i) => {
    const same = fitted.find((t) => {
      if (t.indicator !== figure.spec.indicator) return false;
      const { first, count } = months(t.period, start);
      return first < figure.to && figure.from < first + count;
    });
    if (!same) return;
    const line = source.locate(['figures', i]);
    throw new EntenteError(
      'validation.notHeldOut',
      `figure ${figure.spec.indicator} ${figure.spec.period} is a calibration target of ${calibrationFile} (${same.indicator} ${same.period})`,
      {
        where: { file: source.file, ...(line ? { line } : {}), path: `figures[${i}]` },
        expected:
          'a figure the posterior was not calibrated on, in months no target of the same indicator covers: calibration data and validation data apart',
      },
    );
  });
}

/** Refuse the same figure twice: it would count twice in coverage and the mean CRPS. */
function checkUnique(source: Source, figures: readonly Target[]): void {
  const seen = new Set<string>();
  figures.forEach((f, i) => {
    const key = `${f.spec.indicator} ${f.spec.period} ${f.spec.statistic}`;
    if (seen.has(key))
      throw new EntenteError('validation.duplicate', `figure ${key} is listed twice`, {
        where: { file: source.file, path: `figures[${i}]` },
        expected: 'each figure once',
      });
    seen.add(key);
  });
}

export function loadValidation(file: string): LoadedValidation {
  const source = readSource(file);
  expectKind(source, 'validation');
  const spec = validateShape<ValidationFile>(Validation, source);
  const here = dirname(source.file);
  const scenarioFile = resolve(here, spec.scenario);
  if (spec.posterior !== undefined && spec.calibrate !== undefined)
    throw new EntenteError('validation.posterior', 'a validation file scores a posterior it names or one it calibrates, not both', {
      where: { file: source.file, path: 'calibrate' },
      expected: 'posterior: DIR, or calibrate: { file, particles }',
    });
  const calibrationFile = spec.calibrate ? resolve(here, spec.calibrate.file) : undefined;
  const posterior =
    spec.posterior !== undefined ? resolve(here, spec.posterior) : calibrationFile ? undefined : scenarioPosterior(scenarioFile);
  if (!posterior && !calibrationFile)
    throw new EntenteError('validation.posterior', 'nothing to score the figures over: the scenario names no posterior', {
      where: { file: source.file, path: 'posterior' },
      expected: 'posterior: DIR (a directory from entente calibrate --method abc), or calibrate: { file, particles }',
    });
  const scenario = loadScenario(scenarioFile);
  const observedFile = resolve(here, spec.observed);
  const observed = readObserved(observedFile);
  const start = scenario.spec.start;
  const observables = resolveObservables(scenario);
  const figures = resolveTargets(
    source,
    spec.figures.map((f) => ({
      indicator: f.indicator,
      period: f.period,
      statistic: f.statistic,
      scale: f.tolerance,
      ...(f.per ? { per: f.per } : {}),
    })),
    observables,
    observed,
    scenario.config,
    { at: ['figures'], noun: 'figure', ranges: true },
  );
  const loaded = { source, ...(posterior ? { posterior } : {}), ...(calibrationFile ? { calibrationFile } : {}) };
  checkUnique(source, figures);
  checkHeldOut(source, figures, calibrationOf(loaded), start as string);
  return {
    ...loaded,
    spec,
    name: spec.name ?? scenario.spec.name,
    scenarioFile,
    observedFile,
    figures,
    naive: spec.figures.map((f, i) => naiveForecasts(source, f, i, observed, start as string)),
    units: figures.map((f) => (f.spec.statistic === 'growth' ? 'growth' : (observables[f.observable]?.unit ?? ''))),
    start: start as string,
    seed: spec.seed ?? scenario.seed,
    replications: spec.replications ?? DEFAULT_REPLICATIONS,
  };
}
