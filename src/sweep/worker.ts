/** The worker-thread entry: the sweep context arrives once as workerData; each task is a chunk. */
import { workerData } from 'node:worker_threads';
import { type ChunkResult, type ChunkTask, runChunk, type SweepContext } from './chunk.js';

const context = workerData as SweepContext;

export default function run(task: ChunkTask): ChunkResult {
  return runChunk(context, task);
}
