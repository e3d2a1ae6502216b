/**
 * The posterior predictive of held-out figures: every particle run (its replications averaged, as
 * calibration scores a point) and each figure's statistic read, as a calibration target computes
 * it, on the calibration worker pool or in this thread. Particle i is point i, whatever the
 * condition's value, so the forecasts along a condition's grid share their random numbers and
 * differ by the condition alone; blocks are gathered by index, so no figure depends on the worker count.
 */
import type { CalibrationContext, PointScore } from '../calibration/evaluate.js';
import { scorePoints } from '../calibration/evaluate.js';
import type { Target } from '../calibration/targets.js';
import type { Value } from '../experiments/designs/design.js';
import { workerPool } from '../experiments/pool.js';
import { progress } from '../experiments/progress.js';

/** Particles per task: a fraction of a second each, so the bar moves and both cores stay busy. */
const BLOCK = 16;

export interface PredictContext {
  readonly scenarioFile: string;
  readonly scenario: CalibrationContext['scenario'];
  readonly paths: readonly string[];
  readonly seed: number;
  readonly replications: number;
  readonly figures: readonly Target[];
}

/** values[f][i]: figure f's statistic at particle i (points: each particle's values in path order). */
export async function predictFigures(
  context: PredictContext,
  points: readonly (readonly Value[])[],
  workers: number,
  quiet: boolean,
): Promise<Float64Array[]> {
  const { figures, ...rest } = context;
  const ctx: CalibrationContext = { ...rest, targets: figures };
  const blocks = Array.from({ length: Math.ceil(points.length / BLOCK) }, (_, b) => ({
    first: b * BLOCK,
    points: points.slice(b * BLOCK, (b + 1) * BLOCK),
  }));
  const bar = progress(points.length * context.replications, 0, { quiet, label: 'validate' });
  let scores: PointScore[][];
  if (workers <= 1) {
    scores = blocks.map((block) => {
      const result = scorePoints(ctx, block.first, block.points);
      bar.add(block.points.length * context.replications);
      return result;
    });
  } else {
    const pool = workerPool<{ first: number; points: readonly (readonly Value[])[] }, PointScore[]>('calibration/worker.js', workers, ctx);
    try {
      scores = await Promise.all(
        blocks.map(async (block) => {
          const result = await pool.run(block);
          bar.add(block.points.length * context.replications);
          return result;
        }),
      );
    } finally {
      await pool.destroy();
    }
  }
  bar.done();
  const flat = scores.flat();
  return figures.map((_, f) => Float64Array.from(flat, (s) => s.simulated[f] as number));
}
