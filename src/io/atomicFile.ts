/**
 * Writing one file so that it is either whole or absent: write beside it
 * (NAME.tmp-PID), flush, check its size, rename. On failure the temporary file is removed and
 * the error names the path (io/systemError.ts). Every file entente writes goes through
 * `writeAll` (write(2) may write only part of what it is given, with no error, on a nearly full
 * disk) and is checked by `expectSize` before it counts as written; whole directories are made
 * through io/outputDir.ts.
 */
import { closeSync, fstatSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { fromSystemError } from './systemError.js';

/** A short write found after the fact: the file holds fewer bytes than were handed to it. */
function shortWrite(path: string, size: number, expected: number): Error {
  return Object.assign(new Error(`${path}: ${size} of ${expected} bytes written`), { code: 'EIO', syscall: 'write', path });
}

/**
 * Write every byte of `data` to `fd`, calling write(2) until it has taken them all, and return
 * how many that was. A call that takes nothing is an error (it would loop for ever).
 */
export function writeAll(fd: number, data: string | Uint8Array, path: string): number {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  for (let done = 0; done < bytes.length; ) {
    let written: number;
    try {
      written = writeSync(fd, bytes, done, bytes.length - done);
    } catch (err) {
      throw withPath(err, path); // write(2)'s errors name no file: a full disk would be reported without one
    }
    if (written <= 0) throw shortWrite(path, done, bytes.length);
    done += written;
  }
  return bytes.length;
}

/** `err`, said of `path` where it names the temporary file `tmp` written beside it (an internal name). */
export function asFile(err: unknown, tmp: string, path: string): unknown {
  if (err instanceof Error && (err as Error & { path?: unknown }).path === tmp) Object.assign(err, { path });
  return err;
}

/** `err` naming `path` if it names none. */
function withPath(err: unknown, path: string): unknown {
  if (err instanceof Error && (err as Error & { path?: unknown }).path === undefined) Object.assign(err, { path });
  return err;
}

/** Throw unless the file open as `fd` holds exactly `expected` bytes. */
export function expectSize(fd: number, expected: number, path: string): void {
  let size: number;
  try {
    size = fstatSync(fd).size;
  } catch (err) {
    throw withPath(err, path);
  }
  if (size !== expected) throw shortWrite(path, size, expected);
}

/** Remove a temporary file, keeping the error that made it litter (its removal may fail for the same cause). */
export function removeQuietly(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch {
    // the path never was a file (a part of it is a file, or it is unwritable): nothing to remove
  }
}

/** Write `pieces` to a new file at `path`, check its size, and (if `durable`) flush it to the disk. */
function writePieces(path: string, pieces: Iterable<string>, durable: boolean): void {
  const fd = openSync(path, 'w');
  try {
    let bytes = 0;
    for (const piece of pieces) bytes += writeAll(fd, piece, path);
    if (durable) {
      try {
        fsyncSync(fd);
      } catch (err) {
        throw withPath(err, path);
      }
    }
    expectSize(fd, bytes, path);
  } finally {
    closeSync(fd);
  }
}

/** Write a whole file and flush it to the disk: a file that exists after a crash is complete. */
export function writeDurable(path: string, text: string): void {
  writePieces(path, [text], true);
}

/**
 * Write `pieces` (made as they are written) to `path` atomically, throwing the file system's own
 * error: a worker thread passes it on as data. `durable: false` skips the flush, for a file whose
 * content something else proves (a sweep chunk's record, experiments/chunkFiles.ts).
 */
export function writeAtomicRaw(path: string, pieces: Iterable<string>, durable = true): void {
  const tmp = `${path}.tmp-${process.pid}`; // unique: each path is written by one thread
  try {
    writePieces(tmp, pieces, durable);
    renameSync(tmp, path);
  } catch (err) {
    removeQuietly(tmp);
    throw asFile(err, tmp, path);
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
