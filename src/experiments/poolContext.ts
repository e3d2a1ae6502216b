/**
 * What a pool's worker receives once (io/pool.ts): its context, and the
 * expression tables the main thread already made, so a worker does not load
 * mathjs to recompute them.
 */
import { workerData } from 'node:worker_threads';
import { EntenteError } from '../errors.js';
import { learnTables } from '../scenario/expressions.js';

export interface PoolData {
  readonly context: unknown;
  readonly tables: readonly (readonly [string, Float64Array])[];
}

/** Marks an EntenteError carried across threads in an Error's message (an Error loses its class and fields on the way). */
export const CARRIED = '\u0000entente-error:';

/**
 * A worker's task function whose typed errors reach the main thread as the same
 * EntenteError (pool.ts undoes the wrapping): a user's error stays one line with
 * its exit status, not an internal error.
 */
export function carryingErrors<T, R>(task: (input: T) => R): (input: T) => R {
  return (input) => {
    try {
      return task(input);
    } catch (err) {
      if (!(err instanceof EntenteError)) throw err;
      const { code, message, where, expected, found, exitStatus } = err;
      throw new Error(`${CARRIED}${JSON.stringify({ code, message, where, expected, found, exitStatus })}`);
    }
  };
}

/** In a worker: the context its pool was given. Call once, at the worker module's top level. */
export function poolContext<T>(): T {
  const data = workerData as PoolData;
  learnTables(data.tables);
  return data.context as T;
}
