/**
 * The record that proves a file ABC wrote is whole and unchanged, as a sweep chunk's
 * record does (experiments/chunkFiles.ts): NAME.done.json, written after NAME.json, holds its size and sha256.
 * A file without its record was never finished (its process was killed between the two): it does
 * not count, and is written again. A file that differs from its record was changed after entente
 * wrote it (cut, edited, damaged): readRecorded refuses it. The record names the calibration that
 * wrote the file (a digest of the identity its directory's manifest holds: the calibration file's
 * hash, particles, generations, replications, seed), so a file copied from another calibration's
 * directory is refused too. docs/calibration.md.
 */
import { createHash } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { writeAtomic } from '../../io/atomicFile.js';
import { readRegular } from '../../io/readFile.js';
import type { Refuse } from './readBack.js';

interface FileRecord {
  readonly bytes: number;
  readonly sha256: string;
  /** The calibration that wrote the file (ownerOf). */
  readonly owner: string;
}

/** The calibration a file under `out/rounds/` or `out/checkpoint/` belongs to: a digest of the identity in out/manifest.json. */
function ownerOf(file: string): string {
  const manifestFile = join(dirname(dirname(file)), 'manifest.json');
  // A directory without a manifest (ABC's functions called on their own) has the identity of nothing; no command takes such a directory.
  const manifest = (existsSync(manifestFile) ? JSON.parse(readRegular(manifestFile).toString('utf8')) : {}) as Record<string, unknown>;
  const calibration = manifest.calibration as { sha256?: unknown } | undefined;
  const { method, particles, generationLimit, replications, seed } = manifest;
  return sha256(JSON.stringify({ method, calibration: calibration?.sha256, particles, generationLimit, replications, seed }));
}

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

/** NAME.json → NAME.done.json */
export const recordPath = (file: string): string => file.replace(/\.json$/, '.done.json');

/** Is there a record for `file` (it was finished, though it may have been changed since)? */
export const hasRecord = (file: string): boolean => existsSync(recordPath(file));

/** Write `file` atomically, then its record. An older record goes first: it must never vouch for the file while it is rewritten. */
export function writeRecorded(file: string, text: string): void {
  rmSync(recordPath(file), { force: true });
  writeAtomic(file, text);
  const record: FileRecord = { bytes: Buffer.byteLength(text), sha256: sha256(text), owner: ownerOf(file) };
  writeAtomic(recordPath(file), `${JSON.stringify(record)}\n`);
}

function parseRecord(text: string): FileRecord | undefined {
  try {
    const r: unknown = JSON.parse(text);
    if (r === null || typeof r !== 'object') return undefined;
    const { bytes, sha256: hash, owner } = r as Record<string, unknown>;
    const digest = (x: unknown): x is string => typeof x === 'string' && /^[0-9a-f]{64}$/.test(x);
    return Number.isSafeInteger(bytes) && digest(hash) && digest(owner) ? { bytes: bytes as number, sha256: hash, owner } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The text of `file` once its record proves it, or undefined if it has no record (or is gone):
 * not finished. A record that cannot be read, or a file of another size or hash, is refused.
 */
export function readRecorded(file: string, refuse: Refuse): string | undefined {
  if (!hasRecord(file) || !existsSync(file)) return undefined;
  const name = basename(recordPath(file));
  const recordText = readRegular(recordPath(file)).toString('utf8');
  const record = parseRecord(recordText);
  if (!record)
    return refuse(`has a damaged record ${name}`, undefined, '{"bytes": N, "sha256": "…", "owner": "…"}', recordText.trim().slice(0, 60));
  if (record.owner !== ownerOf(file))
    return refuse(
      'was written by another calibration (its file, seed, particles, generations or replications differ): copied from another directory?',
      undefined,
      'a file this calibration wrote',
      'another calibration’s',
    );
  const data = readRegular(file);
  const hash = sha256(data);
  if (data.length !== record.bytes || hash !== record.sha256)
    return refuse(
      `differs from its record ${name} (cut, edited or damaged after entente wrote it)`,
      undefined,
      `${record.bytes} bytes with sha256 ${record.sha256.slice(0, 12)}…`,
      `${data.length} bytes with sha256 ${hash.slice(0, 12)}…`,
    );
  return data.toString('utf8');
}
