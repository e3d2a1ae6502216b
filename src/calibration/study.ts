/**
 * Calibration by optimisation: score every point of a sweep design (refined by zoom) against
 * the observed figures and keep the best. Writes calibration.csv (tidy: one row per point and
 * target), targets.csv (the best point against each target) and manifest.json; --apply writes
 * the best values into the scenario. The command only translates flags.
 */
import { join } from 'node:path';
import { fixedAssignments, type LoadedSweep } from '../experiments/loadSweep.js';
import { manifestHead } from '../io/manifest.js';
import { writeJson, writeOutputDir } from '../io/outputDir.js';
import { claimOutput } from '../io/ownership.js';
import { type Column, Table } from '../io/table.js';
import { scenarioFacts } from '../scenario/labels.js';
import { type CalibrationResult, calibrate } from './calibrate.js';
import { lossTerm, type PointScore } from './evaluate.js';
import type { Target } from './targets.js';

export interface CalibrateOptions {
  readonly out: string;
  readonly workers: number;
  readonly force: boolean;
  readonly quiet: boolean;
}

export interface Calibration {
  readonly result: CalibrationResult;
  readonly paths: readonly string[];
  /** path=value of the best point, as --set takes them. */
  readonly set: readonly string[];
  readonly bestValues: readonly (string | number)[];
}

/** A point's score, on one target. */
interface PointTarget {
  readonly score: PointScore;
  readonly target: number;
}

/** calibration.csv: the point's round, values and loss, then the target and what the point simulated for it. */
function calibrationTable(result: CalibrationResult, paths: readonly string[]): Table<PointTarget> {
  const target = (r: PointTarget) => result.targets[r.target] as Target;
  return new Table<PointTarget>([
    ['point', (r) => r.score.point],
    ['round', (r) => result.rounds[r.score.point]],
    paths.map((p, j): Column<PointTarget> => [p, (r) => result.points[r.score.point]?.[j] as string | number]),
    ['loss', (r) => r.score.loss],
    ['indicator', (r) => target(r).spec.indicator],
    ['period', (r) => target(r).spec.period],
    ['statistic', (r) => target(r).spec.statistic],
    ['observed', (r) => target(r).observed],
    ['simulated', (r) => r.score.simulated[r.target]],
  ]);
}

/** targets.csv: the best point against each target, with the term it adds to the loss. */
function targetsTable(best: readonly number[]): Table<{ t: Target; i: number }> {
  return new Table<{ t: Target; i: number }>([
    ['indicator', ({ t }) => t.spec.indicator],
    ['period', ({ t }) => t.spec.period],
    ['statistic', ({ t }) => t.spec.statistic],
    ['observed', ({ t }) => t.observed],
    ['simulated', ({ i }) => best[i]],
    ['scale', ({ t }) => t.errorScale],
    ['weight', ({ t }) => t.weight],
    ['loss', ({ t, i }) => lossTerm(t, best[i])],
  ]);
}

export async function calibrateOptimise(loaded: LoadedSweep, options: CalibrateOptions): Promise<Calibration> {
  const started = Date.now();
  claimOutput(options.out, 'calibration', { force: options.force }); // before the work, not after
  const result = await calibrate(loaded, options.workers, options.quiet);
  const paths = loaded.parameters.map((p) => p.path);
  const bestValues = result.points[result.best.point] as readonly (string | number)[];
  // The file's fixed settings first (its structure), then the fitted values: what `entente run --set` reproduces.
  const fixed = fixedAssignments(loaded.sweep);
  const set = [...fixed, ...paths.map((p, i) => `${p}=${bestValues[i]}`)];
  await writeOutputDir(
    options.out,
    'calibration',
    async (dir) => {
      const points = calibrationTable(result, paths).open(join(dir, 'calibration.csv'));
      for (const score of result.scores) for (let target = 0; target < result.targets.length; target++) points.write({ score, target });
      await points.close();
      const targets = targetsTable(result.best.simulated).open(join(dir, 'targets.csv'));
      for (const [i, t] of result.targets.entries()) targets.write({ t, i });
      await targets.close();
      writeJson(join(dir, 'manifest.json'), {
        ...manifestHead('calibration'),
        calibration: { file: loaded.source.file, sha256: loaded.source.hash, observed: result.observedFile },
        ...scenarioFacts(loaded.scenarioFile, loaded.scenarioSource.hash, loaded.scenario),
        ...(fixed.length > 0 ? { fixed } : {}),
        design: loaded.sweep.design,
        points: result.points.length,
        refine: loaded.sweep.calibration?.refine ?? null,
        replications: loaded.replications,
        seed: loaded.seed,
        loss: 'Σ weight · ((simulated − observed) / scale)², simulated = mean over replications of the statistic',
        best: { point: result.best.point, loss: result.best.loss, set },
        workers: options.workers,
        timings: { seconds: (Date.now() - started) / 1000 },
      });
    },
    { force: options.force },
  );
  return { result, paths, set, bestValues };
}
