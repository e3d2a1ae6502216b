/**
 * What a pool's worker receives once (io/pool.ts): its context, and the
 * expression tables the main thread already made, so a worker does not load
 * mathjs to recompute them.
 */
import { workerData } from 'node:worker_threads';
import { learnTables } from '../scenario/expressions.js';

export interface PoolData {
  readonly context: unknown;
  readonly tables: readonly (readonly [string, Float64Array])[];
}

/** In a worker: the context its pool was given. Call once, at the worker module's top level. */
export function poolContext<T>(): T {
  const data = workerData as PoolData;
  learnTables(data.tables);
  return data.context as T;
}
