/**
 * Where `entente explore` may write its page: a new path, or a page it wrote before (its mark,
 * the generator <meta> near the top, is looked for in the file's first bytes only). Anything
 * else, a user's file, a FIFO, a device, a directory, is never replaced, whatever the flags: the
 * rule every command keeps (io/ownership.ts, docs/reference.md "Where output goes").
 */
import { statSync } from 'node:fs';
import { inputError } from '../errors.js';
import { readHead } from '../io/readFile.js';
import { GENERATOR } from './html.js';

/** The mark of a page this command wrote, and how far into the file it is looked for (it sits in the first 120 bytes). */
const MARK = `<meta name="generator" content="${GENERATOR}">`;
const HEAD_BYTES = 400;

/** Refuse `out` unless it is absent or a page entente explore wrote. */
export function claimPage(out: string): void {
  const stats = statSync(out, { throwIfNoEntry: false });
  if (!stats) return;
  const where = { file: out, path: '--out' };
  if (stats.isDirectory()) throw inputError('explore.out', `${out} is a directory`, where, 'a file name such as out/explore.html');
  // A FIFO or a device is refused without being opened; a regular file is read no further than its head.
  if (!stats.isFile() || !readHead(out, HEAD_BYTES).includes(MARK))
    throw inputError(
      'explore.out',
      `${out} exists and is not a page entente explore wrote: entente replaces only its own pages, never another file`,
      where,
      'a new file name',
    );
}
