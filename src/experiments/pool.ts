/**
 * Worker-thread pools (piscina) for sweeps, comparisons and calibration: one
 * place for where a worker module is found and how much memory it may hold.
 */
import { Piscina } from 'piscina';
import { EntenteError, type Where } from '../errors.js';
import { checkWorkers } from '../io/limits.js';
import { knownTables } from '../scenario/expressions.js';
import { CARRIED, type PoolData } from './poolContext.js';

/** An EntenteError a worker threw (poolContext.ts carryingErrors), as itself again; any other error unchanged. */
function uncarried(err: unknown): unknown {
  const message = err instanceof Error ? err.message : '';
  if (!message.startsWith(CARRIED)) return err;
  const e = JSON.parse(message.slice(CARRIED.length)) as {
    code: string;
    message: string;
    where: Where;
    expected?: string;
    found?: string;
    exitStatus: number;
  };
  return new EntenteError(e.code, e.message, {
    where: e.where,
    exitStatus: e.exitStatus,
    ...(e.expected !== undefined ? { expected: e.expected } : {}),
    ...(e.found !== undefined ? { found: e.found } : {}),
  });
}

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
  const pool = new Piscina<T, R>({
    filename,
    minThreads: workers,
    maxThreads: workers,
    workerData: { context: workerData, tables: knownTables() } satisfies PoolData,
    // A worker holds one task at a time; without a cap V8 lets each heap grow
    // lazily to hundreds of MB before collecting, which is memory a task never needs.
    // The caller sizes the cap from what a task holds (experiments/sweepEstimate.ts): 64 MB unless it keeps per-tick text.
    resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: 16 },
  });
  const run = pool.run.bind(pool);
  pool.run = (task, options) => run(task, options).catch((err: unknown) => Promise.reject(uncarried(err)));
  return pool;
}
