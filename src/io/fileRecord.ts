/**
 * The record that proves a finished output's files: for each, its size in bytes, its line count
 * and the SHA-256 of its bytes, kept in the output's manifest (`files`). A command that reads a
 * finished output back (merge reads shards, compare and sensitivity read a sweep's runs.csv)
 * checks it first, so a shard cut by an interrupted copy, or a value edited by hand, is refused
 * with one line instead of merged or analysed as if whole.
 */
import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { EntenteError } from '../errors.js';
import { streamRegular } from './readFile.js';

export interface FileProof {
  readonly bytes: number;
  readonly lines: number;
  readonly sha256: string;
}

export type FilesRecord = Readonly<Record<string, FileProof>>;

/** The proof of one file, streamed (memory flat in its size). */
export async function proofOf(path: string): Promise<FileProof> {
  const hash = createHash('sha256');
  let bytes = 0;
  let lines = 0;
  for await (const chunk of streamRegular(path)) {
    const piece = chunk as Buffer;
    hash.update(piece);
    bytes += piece.length;
    for (let at = piece.indexOf(10); at >= 0; at = piece.indexOf(10, at + 1)) lines++;
  }
  return { bytes, lines, sha256: hash.digest('hex') };
}

/** The record of `names` in `dir` (those that exist). */
export async function recordFiles(dir: string, names: readonly string[]): Promise<FilesRecord> {
  const record: Record<string, FileProof> = {};
  for (const name of names) if (existsSync(join(dir, name))) record[name] = await proofOf(join(dir, name));
  return record;
}

const isProof = (p: unknown): p is FileProof =>
  typeof p === 'object' &&
  p !== null &&
  Number.isInteger((p as FileProof).bytes) &&
  Number.isInteger((p as FileProof).lines) &&
  typeof (p as FileProof).sha256 === 'string';

/**
 * Check `names` in `dir` against the record a manifest holds (its `files`): each must be listed,
 * present, and of the recorded size and hash. `remedy` says what to do about a damaged output.
 */
export async function verifyFiles(dir: string, files: unknown, names: readonly string[], remedy: string): Promise<void> {
  const where = { file: join(dir, 'manifest.json') };
  if (typeof files !== 'object' || files === null)
    throw new EntenteError(
      'output.unproven',
      'the manifest holds no record of its files (written by an older entente?), so they cannot be checked',
      {
        where,
        expected: remedy,
      },
    );
  for (const name of names) {
    const proof = (files as Record<string, unknown>)[name];
    const path = join(dir, name);
    if (!isProof(proof)) throw new EntenteError('output.unproven', `the manifest holds no record of ${name}`, { where, expected: remedy });
    if (!existsSync(path)) throw new EntenteError('output.damaged', 'file is missing', { where: { file: path }, expected: remedy });
    const size = statSync(path).size;
    if (size !== proof.bytes)
      throw new EntenteError('output.damaged', `file is damaged: ${size} bytes where ${proof.bytes} were written (cut or edited)`, {
        where: { file: path },
        expected: remedy,
      });
    const found = await proofOf(path);
    if (found.sha256 !== proof.sha256)
      throw new EntenteError('output.damaged', 'file is damaged: its bytes differ from those written (edited)', {
        where: { file: path },
        expected: remedy,
      });
  }
}
