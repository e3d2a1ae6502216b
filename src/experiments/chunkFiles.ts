/**
 * Atomic, durable file helpers for sweep directories: write beside, flush,
 * then rename. A chunk counts as done only when its record (NNNNNNNN.done.json,
 * written last) proves every file of the chunk: same size, same sha256. The
 * proof is what makes a chunk trustworthy after a crash, so chunk files are
 * not flushed one by one (a file the crash lost or tore fails its proof and
 * runs again; flushing each slows a large sweep measurably); the
 * files a sweep assembles at the end are flushed before they are renamed.
 */
import { createHash } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, openSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { asFile, expectSize, writeAll, writeAtomicRaw } from '../io/atomicFile.js';
import { readRegular, readRegularText, released, streamRegular } from '../io/readFile.js';
import { fromSystemError } from '../io/systemError.js';
import type { ChunkResult } from './chunk.js';
import type { PerTickOutput } from './sweepSchema.js';

type ChunkPart = 'runs' | 'failures' | PerTickOutput;

/** Where a finished chunk's part of a file is kept until the sweep assembles it: out/chunks/00000012.runs.csv. */
export function chunkFile(out: string, c: number, kind: ChunkPart): string {
  return join(out, 'chunks', `${String(c).padStart(8, '0')}.${kind}.csv`);
}

/** The record that proves a chunk finished: out/chunks/00000012.done.json. */
function doneFile(out: string, c: number): string {
  return join(out, 'chunks', `${String(c).padStart(8, '0')}.done.json`);
}

interface DoneRecord {
  readonly chunk: number;
  /** Per part written: bytes and sha256 of its text. */
  readonly files: Record<string, { readonly bytes: number; readonly sha256: string }>;
}

const sha256 = (text: string | Buffer) => createHash('sha256').update(text).digest('hex');

/**
 * Keep a chunk's result, each file atomically and durably, then the record
 * that proves them: a chunk counts as done (and is skipped by --resume) only
 * once that record exists and every file still matches it.
 */
export function writeChunk(out: string, result: ChunkResult, perTick: readonly PerTickOutput[]): void {
  const c = result.chunk;
  const parts: [ChunkPart, string][] = [
    ['runs', result.runs],
    ...perTick.map((name): [ChunkPart, string] => [name, result.perTick[name] ?? '']),
  ];
  if (result.failureCount > 0) parts.push(['failures', result.failures]);
  const files: Record<string, { bytes: number; sha256: string }> = {};
  for (const [part, text] of parts) {
    writeAtomicRaw(chunkFile(out, c, part), [text], false);
    files[part] = { bytes: Buffer.byteLength(text), sha256: sha256(text) };
  }
  writeAtomicRaw(doneFile(out, c), [`${JSON.stringify({ chunk: c, files } satisfies DoneRecord)}\n`], false);
}

/**
 * Is chunk `c` finished, as its files prove? A missing, torn or stale record,
 * or any file whose size or hash differs from it (truncated, edited, lost in a
 * crash), means no: the chunk runs again.
 */
export function chunkDone(out: string, c: number): boolean {
  let record: DoneRecord;
  try {
    record = JSON.parse(readRegularText(doneFile(out, c))) as DoneRecord;
  } catch {
    return false;
  }
  if (record === null || typeof record !== 'object' || record.chunk !== c || typeof record.files !== 'object' || !record.files.runs)
    return false;
  for (const [part, proof] of Object.entries(record.files)) {
    const file = chunkFile(out, c, part as ChunkPart);
    if (!existsSync(file) || statSync(file).size !== proof.bytes) return false;
    if (sha256(readRegular(file)) !== proof.sha256) return false;
  }
  return true;
}

/** Forget chunk `c`, so it runs again (its files may be damaged). */
export function dropChunk(out: string, c: number): void {
  const prefix = String(c).padStart(8, '0');
  for (const name of readdirSync(join(out, 'chunks')))
    if (name.startsWith(`${prefix}.`)) rmSync(join(out, 'chunks', name), { force: true });
}

/** Remove temporary files (NAME.tmp-PID) that a killed process left in `dir` and its subdirectories. */
export function removeTmpLitter(dir: string): void {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (/\.tmp-\d+$/.test(name)) rmSync(path, { force: true });
    else if (statSync(path).isDirectory()) removeTmpLitter(path);
  }
}

/** Stream `parts` (each without its first line if `skipHeaders`) after `header` into `path`, atomically and durably. */
async function concatInto(path: string, header: string, parts: readonly string[], skipHeaders: boolean): Promise<void> {
  const tmp = `${path}.tmp-${process.pid}`;
  try {
    const fd = openSync(tmp, 'w');
    try {
      let bytes = writeAll(fd, header, tmp);
      for (const part of parts) {
        let head: Buffer | undefined = skipHeaders ? Buffer.alloc(0) : undefined;
        const source = streamRegular(part);
        try {
          for await (const chunk of source) {
            let piece = chunk as Buffer;
            if (head !== undefined) {
              head = Buffer.concat([head, piece]);
              const nl = head.indexOf(10);
              if (nl < 0) continue;
              piece = head.subarray(nl + 1);
              head = undefined;
            }
            bytes += writeAll(fd, piece, tmp);
          }
        } finally {
          await released(source);
        }
      }
      fsyncSync(fd);
      expectSize(fd, bytes, tmp);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw fromSystemError(asFile(err, tmp, path), path);
  }
}

/** Write `header` then each part's contents, in order, to `path` atomically. */
export function concatAtomic(path: string, header: string, parts: readonly string[]): Promise<void> {
  return concatInto(path, header, parts, false);
}

/** `concatAtomic` for parts that start with a header line of their own (skipped). */
export function concatSkippingHeaders(path: string, header: string, parts: readonly string[]): Promise<void> {
  return concatInto(path, header, parts, true);
}
