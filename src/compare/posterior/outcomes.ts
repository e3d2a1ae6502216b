/**
 * Every particle's outcomes, in this thread or on a worker pool: blocks of
 * particles gathered by index, so what follows cannot depend on the worker count.
 */

import type { RunOutcome } from '../../experiments/outcomes.js';
import { workerPool } from '../../experiments/pool.js';
import { progress } from '../../experiments/progress.js';
import type { Posterior } from './read.js';
import { type ParticleBlock, type PosteriorRunContext, particleOutcomes } from './runs.js';

/** Particles per task: a few hundred runs, so a block takes a fraction of a second and the bar moves. */
const BLOCK = 8;

export async function posteriorOutcomes(
  context: PosteriorRunContext,
  posterior: Posterior,
  workers: number,
  quiet: boolean,
): Promise<RunOutcome[][]> {
  const count = posterior.values.length;
  const blocks: ParticleBlock[] = Array.from({ length: Math.ceil(count / BLOCK) }, (_, b) => ({
    first: b * BLOCK,
    values: posterior.values.slice(b * BLOCK, (b + 1) * BLOCK),
  }));
  const runsPer = (block: ParticleBlock) => block.values.length * (context.levers.length + 1) * context.replications;
  const bar = progress(count * (context.levers.length + 1) * context.replications, 0, { quiet, label: 'compare' });
  if (workers <= 1) {
    const results = blocks.map((block) => {
      const result = particleOutcomes(context, block);
      bar.add(runsPer(block));
      return result;
    });
    bar.done();
    return results.flat();
  }
  const pool = workerPool<ParticleBlock, RunOutcome[][]>('compare/posterior/worker.js', workers, context);
  try {
    const results = await Promise.all(
      blocks.map(async (block) => {
        const result = await pool.run(block);
        bar.add(runsPer(block));
        return result;
      }),
    );
    bar.done();
    return results.flat();
  } finally {
    await pool.destroy();
  }
}
