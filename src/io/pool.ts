/**
 * Worker-thread pools (piscina) for sweeps, comparisons and calibration: one
 * place for where a worker module is found and how much memory it may hold.
 */
import { Piscina } from 'piscina';
import { knownTables } from '../scenario/expressions.js';
import { checkWorkers } from './limits.js';
import type { PoolData } from './poolContext.js';

/**
 * A pool running `module` (a path relative to src/ or dist/, e.g. 'sweep/worker.js'),
 * each worker given `workerData` once (read with poolContext), with the expression tables
 * made so far. From TypeScript source (tests) the built module is used, since workers load
 * plain JS.
 */
export function workerPool<T, R>(module: string, workers: number, workerData: unknown, heapMb = 64): Piscina<T, R> {
  checkWorkers(workers);
  const fromSource = import.meta.url.endsWith('.ts');
  const filename = new URL(fromSource ? `../../dist/${module}` : `../${module}`, import.meta.url).href;
  return new Piscina<T, R>({
    filename,
    minThreads: workers,
    maxThreads: workers,
    workerData: { context: workerData, tables: knownTables() } satisfies PoolData,
    // A worker holds one task at a time; without a cap V8 lets each heap grow
    // lazily to hundreds of MB before collecting, which is memory a task never needs.
    // The caller sizes the cap from what a task holds (sweep/estimate.ts): 64 MB unless it keeps per-tick text.
    resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: 16 },
  });
}
