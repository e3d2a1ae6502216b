/**
 * Outcomes of every replication and arm on a worker-thread pool: blocks of
 * replications, gathered by index, so the comparison that reads them in
 * order cannot depend on the worker count.
 */
import { Piscina } from 'piscina';
import type { LoadedScenario } from '../scenario/load.js';
import type { RunOutcome } from './paired.js';
import type { CompareContext } from './worker.js';

const BLOCK = 10;

function workerUrl(): string {
  const fromSource = import.meta.url.endsWith('.ts');
  return new URL(fromSource ? '../../dist/compare/worker.js' : './worker.js', import.meta.url).href;
}

export async function outcomesInParallel(
  loaded: LoadedScenario,
  levers: readonly string[],
  seed: number,
  replications: number,
  workers: number,
): Promise<RunOutcome[][]> {
  const context: CompareContext = { scenarioFile: loaded.source.file, scenario: loaded.spec, levers, seed };
  const pool = new Piscina<{ first: number; count: number }, RunOutcome[][]>({
    filename: workerUrl(),
    minThreads: workers,
    maxThreads: workers,
    workerData: context,
    resourceLimits: { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 16 },
  });
  try {
    const blocks = Array.from({ length: Math.ceil(replications / BLOCK) }, (_, b) => ({
      first: b * BLOCK,
      count: Math.min(BLOCK, replications - b * BLOCK),
    }));
    const results = await Promise.all(blocks.map((block) => pool.run(block)));
    return results.flat();
  } finally {
    await pool.destroy();
  }
}
