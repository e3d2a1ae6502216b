/**
 * How a sweep is cut into chunks and shards. Both depend only on the sweep
 * (points and replications), never on workers, so every split concatenates
 * to the same runs.csv. Shard K of N takes a contiguous range of chunks.
 */
import { EntenteError } from '../errors.js';

/** The most per-tick text one chunk may hold, so a worker's heap stays small whatever the scenario's size. */
export const CHUNK_TEXT_BYTES = 16e6;

/**
 * About 256 runs per chunk (32 when per-tick files are kept, whose rows are
 * many, and fewer when one run's per-tick rows are large: at most
 * CHUNK_TEXT_BYTES of them): large enough to amortise a task, small enough
 * to lose little on a kill. `runBytes` is one run's per-tick text (0 for none).
 */
export function chunkPoints(replications: number, runBytes: number): number {
  const runs = runBytes > 0 ? Math.max(1, Math.min(32, Math.floor(CHUNK_TEXT_BYTES / runBytes))) : 256;
  return Math.max(1, Math.floor(runs / replications));
}

export interface Shard {
  readonly index: number; // 1-based K
  readonly count: number; // N
}

export function parseShard(text: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  const k = Number(m?.[1]);
  const n = Number(m?.[2]);
  if (!m || n < 1 || k < 1 || k > n) {
    throw new EntenteError('options.shard', 'bad --shard', {
      expected: 'K/N with 1 ≤ K ≤ N, e.g. 2/8 (Slurm: $SLURM_ARRAY_TASK_ID/$SLURM_ARRAY_TASK_COUNT)',
      found: JSON.stringify(text),
    });
  }
  return { index: k, count: n };
}

/** Chunks [first, end) that a shard runs, out of `chunks`. */
export function shardChunks(chunks: number, shard: Shard | undefined): { first: number; end: number } {
  if (!shard) return { first: 0, end: chunks };
  return { first: Math.floor(((shard.index - 1) * chunks) / shard.count), end: Math.floor((shard.index * chunks) / shard.count) };
}
