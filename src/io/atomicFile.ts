/**
 * Writing one file so that it is either whole or absent: write beside it
 * (NAME.tmp-PID), flush, rename. On failure the temporary file is removed and
 * the error names the path (io/systemError.ts). Every command's single files
 * go through here; whole directories through io/outputDir.ts.
 */
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { fromSystemError } from './systemError.js';

/** Write a whole file and flush it to the disk: a file that exists after a crash is complete. */
export function writeDurable(path: string, text: string): void {
  writeLinesDurable(path, [text]);
}

function writeLinesDurable(path: string, pieces: Iterable<string>): void {
  const fd = openSync(path, 'w');
  try {
    for (const piece of pieces) writeSync(fd, piece);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Write `pieces` (made as they are written) to `path` atomically, throwing the file system's own
 * error: a worker thread passes it on as data. `durable: false` skips the flush, for a file whose
 * content something else proves (a sweep chunk's record, sweep/files.ts).
 */
export function writeAtomicRaw(path: string, pieces: Iterable<string>, durable = true): void {
  const tmp = `${path}.tmp-${process.pid}`; // unique: each path is written by one thread
  try {
    if (durable) writeLinesDurable(tmp, pieces);
    else writeFileSync(tmp, [...pieces].join(''));
    renameSync(tmp, path);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}

/** Write `text` (or pieces of it, made as they are written) to `path` atomically and durably. */
export function writeAtomic(path: string, text: string | Iterable<string>): void {
  try {
    writeAtomicRaw(path, typeof text === 'string' ? [text] : text);
  } catch (err) {
    throw fromSystemError(err, path);
  }
}
