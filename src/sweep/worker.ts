/**
 * The worker-thread entry: the sweep context arrives once as workerData; each
 * task is a chunk, whose files the worker writes itself. Only counts go back to
 * the main thread, which so never holds (or copies) the chunk's text.
 */

import { type ChunkDone, type ChunkTask, runChunk, type SweepContext } from '../experiments/chunk.js';
import { writeChunk } from '../experiments/chunkFiles.js';
import { carryingErrors, poolContext } from '../experiments/poolContext.js';
import { isSystemError } from '../io/systemError.js';

const context = poolContext<SweepContext>();

export default carryingErrors(function run(task: ChunkTask & { readonly out: string }): ChunkDone {
  const result = runChunk(context, task);
  const done = { chunk: result.chunk, runCount: result.runCount, failureCount: result.failureCount };
  try {
    writeChunk(task.out, result, context.perTick);
  } catch (err) {
    // An Error loses its code and path crossing threads: a file-system failure travels as data.
    if (!isSystemError(err)) throw err;
    const { code, syscall, path } = err;
    return { ...done, ioError: { code, ...(syscall ? { syscall } : {}), ...(path ? { path } : {}) } };
  }
  return done;
});
