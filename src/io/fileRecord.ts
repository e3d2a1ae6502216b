/**
 * The record that proves a finished output's files: for each, its size in bytes, its line count
 * and the SHA-256 of its bytes, kept in the output's manifest (`files`). A command that reads a
 * finished output back (merge reads shards, compare and sensitivity read a sweep's runs.csv)
 * checks it first, so a shard cut by an interrupted copy, or a value edited by hand, is refused
 * with one line instead of merged or analysed as if whole.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { EntenteError } from '../errors.js';
import { writeAtomic, writeDurable } from './atomicFile.js';
import { readRegular, readRegularText, released, streamRegular } from './readFile.js';

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
  const source = streamRegular(path);
  try {
    for await (const chunk of source) {
      const piece = chunk as Buffer;
      hash.update(piece);
      bytes += piece.length;
      lines += linesIn(piece);
    }
  } finally {
    await released(source);
  }
  return { bytes, lines, sha256: hash.digest('hex') };
}

/** The proof of bytes already in memory. */
function proofOfBytes(bytes: Buffer): FileProof {
  return { bytes: bytes.length, lines: linesIn(bytes), sha256: createHash('sha256').update(bytes).digest('hex') };
}

/** A file's proof made as its bytes are written, so the record needs no second read of the file. */
export class Proving {
  private readonly hash = createHash('sha256');
  private bytes = 0;
  private lines = 0;

  update(piece: Uint8Array): void {
    this.hash.update(piece);
    this.bytes += piece.length;
    this.lines += linesIn(Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength));
  }

  /** The proof of every byte passed to update (once: the hash is then final). */
  finish(): FileProof {
    return { bytes: this.bytes, lines: this.lines, sha256: this.hash.digest('hex') };
  }
}

/** Line ends in `bytes`. */
function linesIn(bytes: Buffer): number {
  let lines = 0;
  for (let at = bytes.indexOf(10); at >= 0; at = bytes.indexOf(10, at + 1)) lines++;
  return lines;
}

/** The files at the top level of `dir` that its manifest records: every regular file but the manifest and temporary files, by name. */
function topLevelFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && e.name !== 'manifest.json' && !/\.tmp-\d+$/.test(e.name))
    .map((e) => e.name)
    .sort();
}

/** Throw unless `found` (of the file at `path`) is what `proof` recorded. */
function checkProof(path: string, found: { bytes: number; sha256?: string }, proof: FileProof, remedy: string): void {
  if (found.bytes !== proof.bytes)
    throw new EntenteError('output.damaged', `file is damaged: ${found.bytes} bytes where ${proof.bytes} were written (cut or edited)`, {
      where: { file: path },
      expected: remedy,
    });
  if (found.sha256 !== undefined && found.sha256 !== proof.sha256)
    throw new EntenteError('output.damaged', 'file is damaged: its bytes differ from those written (edited)', {
      where: { file: path },
      expected: remedy,
    });
}

/** The record of every file at the top level of `dir` but its manifest, each read whole: for outputs of small files. */
export function recordTopLevelSync(dir: string): FilesRecord {
  return Object.fromEntries(topLevelFiles(dir).map((name) => [name, proofOfBytes(readRegular(join(dir, name)))]));
}

/** Add `names` in `dir` (written after the output finished: sensitivity's indices.csv beside its sweep) to its manifest's record. */
export function recordAlso(dir: string, names: readonly string[]): void {
  const manifestFile = join(dir, 'manifest.json');
  const manifest = JSON.parse(readRegularText(manifestFile)) as Record<string, unknown>;
  const files: Record<string, unknown> = { ...((manifest.files as Record<string, unknown> | undefined) ?? {}) };
  for (const name of names) files[name] = proofOfBytes(readRegular(join(dir, name)));
  writeAtomic(manifestFile, `${JSON.stringify({ ...manifest, files }, null, 2)}\n`);
}

/**
 * Add to the manifest.json of the finished output in `dir` the record of every other file at its
 * top level (CSV, Parquet, JSON): what a later command that reads them back checks.
 */
export async function sealManifest(dir: string): Promise<void> {
  const manifestFile = join(dir, 'manifest.json');
  if (!existsSync(manifestFile)) return;
  const names = topLevelFiles(dir);
  const manifest = JSON.parse(readRegularText(manifestFile)) as Record<string, unknown>;
  // What the command said of a file already (a run's row counts) is kept beside its proof.
  const said = (typeof manifest.files === 'object' && manifest.files !== null ? manifest.files : {}) as Record<string, object>;
  // A file whose writer proved it as it wrote (io/csvFile.ts) is not read again.
  const proofs = await recordFiles(
    dir,
    names.filter((name) => !isProof(said[name])),
  );
  const files = Object.fromEntries(names.map((name) => [name, { ...said[name], ...proofs[name] }]));
  writeDurable(manifestFile, `${JSON.stringify({ ...manifest, files }, null, 2)}\n`);
}

/**
 * A file of a finished output, read whole and checked against the record its manifest keeps
 * (`files`, if it keeps one: an output of an entente before the record is read as it is).
 */
export function readRecorded(dir: string, name: string, files: unknown, remedy: string): Buffer {
  const path = join(dir, name);
  const bytes = readRegular(path);
  if (typeof files !== 'object' || files === null) return bytes;
  const proof = (files as Record<string, unknown>)[name];
  if (!isProof(proof)) return bytes; // a file added later (a report's own): not the command's output
  checkProof(path, proofOfBytes(bytes), proof, remedy);
  return bytes;
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
    checkProof(path, { bytes: statSync(path).size }, proof, remedy); // a cut file is told by its size, without reading it
    checkProof(path, await proofOf(path), proof, remedy);
  }
}
