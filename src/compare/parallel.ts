/**
 * Outcomes of every replication and arm on a worker-thread pool: blocks of
 * replications, gathered by index, so the comparison that reads them in
 * order cannot depend on the worker count.
 */

import type { RunOutcome } from '../experiments/outcomes.js';
import { workerPool } from '../experiments/pool.js';
import { progress } from '../experiments/progress.js';
import type { LoadedScenario } from '../scenario/load.js';
import type { CompareContext } from './worker.js';

const BLOCK = 10;

export async function outcomesInParallel(
  loaded: LoadedScenario,
  levers: readonly string[],
  seed: number,
  replications: number,
  workers: number,
  quiet = false,
): Promise<RunOutcome[][]> {
  const context: CompareContext = { scenarioFile: loaded.source.file, scenario: loaded.spec, levers, seed };
  const pool = workerPool<{ first: number; count: number }, RunOutcome[][]>('compare/worker.js', workers, context);
  try {
    const blocks = Array.from({ length: Math.ceil(replications / BLOCK) }, (_, b) => ({
      first: b * BLOCK,
      count: Math.min(BLOCK, replications - b * BLOCK),
    }));
    // Progress counts runs: every arm of each block of replications.
    const bar = progress(replications * (levers.length + 1), 0, { quiet, label: 'compare' });
    const results = await Promise.all(
      blocks.map((block) =>
        pool.run(block).then((outcomes) => {
          bar.add(block.count * (levers.length + 1));
          return outcomes;
        }),
      ),
    );
    bar.done();
    return results.flat();
  } finally {
    await pool.destroy();
  }
}
