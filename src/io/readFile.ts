/**
 * Reading the files a user names or a study reads back: only regular files (a FIFO would hang the
 * command, a device never ends), and only as far as needed. The file is opened without blocking
 * and looked at before a byte is read, so a FIFO is refused with one line instead of waited on.
 */
import { closeSync, constants, createReadStream, fstatSync, openSync, type ReadStream, readSync } from 'node:fs';
import { EntenteError } from '../errors.js';

/** What a path that is not a regular file is, for the error message. */
function kindOf(stats: ReturnType<typeof fstatSync>): string {
  if (stats.isFIFO()) return 'a FIFO (named pipe)';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  if (stats.isSocket()) return 'a socket';
  if (stats.isDirectory()) return 'a directory';
  return 'not a regular file';
}

/** Open `path` for reading, refusing anything but a regular file; the caller closes the descriptor. */
export function openRegular(path: string): number {
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile())
      throw new EntenteError('input.notRegularFile', `is ${kindOf(stats)}, not a regular file: entente reads only files`, {
        where: { file: path },
        expected: 'a regular file',
      });
    return fd;
  } catch (err) {
    closeSync(fd);
    throw err;
  }
}

/** The first `limit` bytes of the open file `fd` (all of it when it is shorter). */
function readUpTo(fd: number, limit: number): Buffer {
  const buffer = Buffer.alloc(Math.min(limit, Math.max(0, fstatSync(fd).size)));
  let done = 0;
  while (done < buffer.length) {
    const n = readSync(fd, buffer, done, buffer.length - done, done);
    if (n === 0) break;
    done += n;
  }
  return buffer.subarray(0, done);
}

/** A regular file's bytes (refusing a FIFO, a device or a directory). */
export function readRegular(path: string): Buffer {
  const fd = openRegular(path);
  try {
    return readUpTo(fd, Number.MAX_SAFE_INTEGER);
  } finally {
    closeSync(fd);
  }
}

/** A regular file's text, as UTF-8. */
export function readRegularText(path: string): string {
  return readRegular(path).toString('utf8');
}

/** The first `bytes` bytes of a regular file, as UTF-8: a look at its head, never the whole file. */
export function readHead(path: string, bytes: number): string {
  const fd = openRegular(path);
  try {
    return readUpTo(fd, bytes).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

/** A stream of a regular file's bytes. */
export function streamRegular(path: string, options: { encoding?: BufferEncoding } = {}): ReadStream {
  return createReadStream(path, { ...options, fd: openRegular(path) });
}

/**
 * Close a stream from streamRegular and wait until its descriptor is closed. A stream ended or
 * destroyed closes its descriptor later, on the event loop: a command that fails and returns
 * meanwhile would still hold the file (and, if it was deleted, its room on the disk).
 */
export function released(stream: ReadStream): Promise<void> {
  if (stream.closed) return Promise.resolve();
  return new Promise((resolve) => {
    stream.once('close', () => resolve());
    // Torn down, not read: an error closing it (the descriptor's close failing) has no one to tell.
    stream.on('error', () => {});
    stream.destroy();
  });
}
