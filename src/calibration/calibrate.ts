/**
 * `entente calibrate`: score every point of a sweep file's design against the
 * observed figures its `calibration:` block names, on a worker pool, and pick
 * the point with the least loss (the lowest-numbered one on a tie); then, if
 * asked, refine by successive zoom (zoom.ts). Blocks of points are gathered by
 * index, so the result does not depend on the workers.
 */
import { dirname, resolve } from 'node:path';
import { EntenteError } from '../errors.js';
import { pointsContext } from '../experiments/chunk.js';
import type { Value } from '../experiments/designs/design.js';
import { drawPoints } from '../experiments/designs/design.js';
import { DESIGN_REGISTRY } from '../experiments/designs/index.js';
import type { LoadedSweep } from '../experiments/loadSweep.js';
import { resolveObservables } from '../experiments/observables.js';
import { workerPool } from '../experiments/pool.js';
import { progress } from '../experiments/progress.js';
import { designRandom } from '../model/rng.js';
import { prepare } from '../scenario/load.js';
import type { CalibrationContext, PointScore } from './evaluate.js';
import { readObserved, resolveTargets, type Target } from './targets.js';
import { zoomedParameters } from './zoom.js';

const BLOCK = 8;

export interface CalibrationResult {
  readonly targets: readonly Target[];
  /** Every point scored: the design's, then each refinement round's. */
  readonly points: readonly (readonly Value[])[];
  /** Round of each point (0: the design). */
  readonly rounds: readonly number[];
  readonly scores: readonly PointScore[];
  readonly best: PointScore;
  readonly observedFile: string;
}

/** Resolve the calibration block against the scenario: every target must name an observable and an observed figure. */
export function calibrationTargets(loaded: LoadedSweep): { targets: Target[]; observedFile: string } {
  const spec = loaded.sweep.calibration;
  if (!spec) {
    throw new EntenteError('calibration.missing', 'this sweep file has no calibration block', {
      where: { file: loaded.source.file, path: 'calibration' },
      expected: 'calibration: { observed: FILE, targets: [...] }',
    });
  }
  const observedFile = resolve(dirname(loaded.source.file), spec.observed);
  const base = prepare(loaded.scenarioSource, loaded.scenario);
  const targets = resolveTargets(loaded.source, spec.targets, resolveObservables(base), readObserved(observedFile), base.config);
  return { targets, observedFile };
}

export async function calibrate(loaded: LoadedSweep, workers: number, quiet = false): Promise<CalibrationResult> {
  const { targets, observedFile } = calibrationTargets(loaded);
  const context: CalibrationContext = { ...pointsContext(loaded), targets };
  const pool = workerPool<{ first: number; points: LoadedSweep['points'] }, PointScore[]>('calibration/worker.js', workers, context);
  const points: (readonly Value[])[] = [...loaded.points];
  const rounds: number[] = loaded.points.map(() => 0);
  const scores: PointScore[] = [];
  // Progress counts runs: the design's points and every refinement round's, each × replications.
  const refineSpec = loaded.sweep.calibration?.refine;
  const perRound = refineSpec?.samples ?? loaded.sweep.samples ?? loaded.points.length;
  const bar = progress((loaded.points.length + (refineSpec?.rounds ?? 0) * perRound) * loaded.replications, 0, {
    quiet,
    label: 'calibrate',
  });
  const score = async (first: number, batch: readonly (readonly Value[])[]) => {
    const blocks = Array.from({ length: Math.ceil(batch.length / BLOCK) }, (_, b) => b * BLOCK);
    const results = await Promise.all(
      blocks.map((b) => {
        const points = batch.slice(b, b + BLOCK);
        return pool.run({ first: first + b, points }).then((scored) => {
          bar.add(points.length * loaded.replications);
          return scored;
        });
      }),
    );
    scores.push(...results.flat());
  };
  const best = () => scores.reduce((a, b) => (b.loss < a.loss ? b : a));
  try {
    await score(0, loaded.points);
    const refine = loaded.sweep.calibration?.refine;
    for (let round = 1; round <= (refine?.rounds ?? 0); round++) {
      const centre = points[best().point] as readonly Value[];
      const parameters = zoomedParameters(loaded.parameters, centre, refine?.shrink ?? 0.5, round);
      const samples = refine?.samples ?? loaded.sweep.samples ?? loaded.points.length;
      const batch = drawPoints(DESIGN_REGISTRY.lhs, parameters, samples, designRandom(loaded.seed, `refine/${round}`));
      const first = points.length;
      points.push(...batch);
      rounds.push(...batch.map(() => round));
      await score(first, batch);
    }
  } finally {
    await pool.destroy();
  }
  bar.done();
  return { targets, points, rounds, scores, best: best(), observedFile };
}
