/** Small atomic file helpers for sweep directories: write beside, then rename. */

import { once } from 'node:events';
import { closeSync, createReadStream, createWriteStream, openSync, renameSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { ChunkResult } from './chunk.js';
import type { PerTickOutput } from './schema.js';

/** Where a finished chunk's part of a file is kept until the sweep assembles it: out/chunks/00000012.runs.csv. */
export function chunkFile(out: string, c: number, kind: 'runs' | 'failures' | PerTickOutput): string {
  return join(out, 'chunks', `${String(c).padStart(8, '0')}.${kind}.csv`);
}

/**
 * Keep a chunk's result, each file atomically and the runs file last: a chunk
 * counts as done (and is skipped by --resume) only once its runs file exists.
 */
export function writeChunk(out: string, result: ChunkResult, perTick: readonly PerTickOutput[]): void {
  const c = result.chunk;
  if (result.failureCount > 0) writeAtomic(chunkFile(out, c, 'failures'), result.failures);
  for (const name of perTick) writeAtomic(chunkFile(out, c, name), result.perTick[name] ?? '');
  writeAtomic(chunkFile(out, c, 'runs'), result.runs);
}

export function writeAtomic(path: string, text: string): void {
  const tmp = `${path}.tmp-${process.pid}`; // unique: each path is written by one thread
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}

/** Write `header` then each part's contents, in order, to `path` atomically. */
export async function concatAtomic(path: string, header: string, parts: readonly string[]): Promise<void> {
  const tmp = `${path}.tmp-${process.pid}`;
  const fd = openSync(tmp, 'w');
  writeSync(fd, header);
  closeSync(fd);
  const out = createWriteStream(tmp, { flags: 'a' });
  for (const part of parts) {
    const input = createReadStream(part);
    input.pipe(out, { end: false });
    await once(input, 'end');
  }
  out.end();
  await once(out, 'finish');
  renameSync(tmp, path);
}

/** `concatAtomic` for parts that start with a header line of their own (skipped). */
export async function concatSkippingHeaders(path: string, header: string, parts: readonly string[]): Promise<void> {
  const tmp = `${path}.tmp-${process.pid}`;
  const out = createWriteStream(tmp);
  out.write(header);
  for (const part of parts) {
    let head: string | undefined = '';
    const input = createReadStream(part, { encoding: 'utf8' });
    for await (const chunk of input) {
      let text = chunk as string;
      if (head !== undefined) {
        head += text;
        const nl = head.indexOf('\n');
        if (nl < 0) continue;
        text = head.slice(nl + 1);
        head = undefined;
      }
      if (!out.write(text)) await once(out, 'drain');
    }
  }
  out.end();
  await once(out, 'finish');
  renameSync(tmp, path);
}
