/**
 * What a sweep will hold and write, estimated from its file before its design
 * is drawn: a 10⁸-point design is refused with the estimate, not built.
 */

import { checkMemory, checkOutputSize } from '../io/limits.js';
import type { ModelConfig } from '../model/config.js';
import { actorTableBytes } from '../scenario/memory.js';
import { perTickBytes, ROW_BYTES } from './estimate.js';
import type { PerTickOutput } from './sweepSchema.js';

/** Memory of a design's table and its points.csv text, per point and parameter (JS arrays of values, and text). */
const BYTES_PER_VALUE = 48;
const BYTES_PER_POINT = 120;

export interface SweepShape {
  readonly points: number;
  /** Bytes a row's parameter values take at most (each as CSV text; at least 20 for a number), summed over parameters. */
  readonly valueBytes?: number;
  /** Bytes of the labels its manifest copies from the scenario. */
  readonly labelBytes?: number;
  /** Bytes the design holds while it streams its points (io: Design.streamBytes). */
  readonly designBytes: number;
  readonly parameters: number;
  readonly replications: number;
  readonly perTick: readonly PerTickOutput[];
}

/** Bytes of the per-tick rows of one run of the sweep (its kept per-tick files). */
export function sweepRunBytes(cfg: ModelConfig, perTick: readonly PerTickOutput[]): number {
  const keep = (name: PerTickOutput) => perTick.includes(name);
  const events = keep('events') ? cfg.shocks.length * 2 * ROW_BYTES.events : 0;
  return perTickBytes(cfg, { ties: keep('ties'), pairs: keep('pairs'), actors: keep('actors') }) + events;
}

/** Bytes a sweep writes: runs.csv and its per-tick files, points.csv, and its manifest's labels (at most the scenario's own text). */
export function sweepOutputBytes(cfg: ModelConfig, shape: SweepShape): number {
  const { points, parameters, replications } = shape;
  const runs = points * replications;
  const values = shape.valueBytes ?? 20 * parameters;
  const summary = cfg.P * (ROW_BYTES.summary + values);
  return runs * (summary + sweepRunBytes(cfg, shape.perTick)) + points * (10 + values) + (shape.labelBytes ?? 0);
}

/** Refuse a sweep whose design or output exceeds the limits (io/limits.ts). */
export function checkSweepSize(cfg: ModelConfig, shape: SweepShape, file: string): void {
  checkMemory(`a design of ${shape.points} points`, shape.designBytes, 'fewer samples', file);
  checkOutputSize(
    `${shape.points} points × ${shape.replications} replications`,
    sweepOutputBytes(cfg, shape),
    shape.perTick.length > 0 ? 'fewer samples or replications, or fewer per-tick outputs' : 'fewer samples or replications',
    file,
  );
}

/** Refuse to hold a whole design's table (what PRIM, calibration and sensitivity need) above the memory limit. */
export function checkDesignTable(points: number, parameters: number, file: string): void {
  checkMemory(
    `all ${points} points of the design at once`,
    points * (parameters * BYTES_PER_VALUE + BYTES_PER_POINT),
    'fewer samples (entente sweep streams any number of points; this command needs them all)',
    file,
  );
}

/**
 * Heap (MB) a sweep worker needs: a chunk's per-tick text about four times
 * (the pieces, their join, the garbage a collection has not yet reclaimed:
 * measured, a 55 MB chunk needs a heap of ~250 MB), the model state, and a
 * base that covers the engine and a batch of rows. 64 MB when no per-tick
 * file is kept.
 */
export function workerHeapMb(cfg: ModelConfig, chunkRuns: number, perTick: readonly PerTickOutput[]): number {
  const runBytes = sweepRunBytes(cfg, perTick);
  if (runBytes === 0) return 64;
  const text = chunkRuns * runBytes * 4;
  const state = cfg.K * 6 * 8 * 16 + cfg.shocks.length * cfg.ticks * 8 * 2;
  return 64 + Math.ceil((text + state) / 1e6);
}

/** Refuse workers whose heaps, and the copy of the scenario's actor-by-actor tables each holds, together exceed the memory limit. */
export function checkWorkerMemory(workers: number, heapMb: number, actors = 0): void {
  checkMemory(
    `${workers} workers of ${heapMb} MB each${actors > 0 ? ` and a scenario of ${actors} actors` : ''}`,
    workers * (heapMb * 1e6 + actorTableBytes(actors)),
    'fewer --workers, or fewer per-tick outputs',
  );
}
