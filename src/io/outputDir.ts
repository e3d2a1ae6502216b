/**
 * Atomic output directories: everything is written into a hidden sibling
 * temporary directory, which is renamed into place only when complete. An
 * interrupted or failed run leaves no files that look complete, and never
 * touches an existing result until the new one is ready. Which directories
 * may be replaced at all is io/ownership.ts's rule.
 */
import { chmodSync, mkdtempSync, readdirSync, renameSync, rmdirSync, rmSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { EntenteError } from '../errors.js';
import { writeAtomic, writeDurable } from './atomicFile.js';
import { recordTopLevelSync, sealManifest } from './fileRecord.js';
import { makeDirs } from './makeDirs.js';
import { type Claim, type ClaimOptions, claimOutput, type OutputKind, ownershipFields } from './ownership.js';
import { fromSystemError } from './systemError.js';

const cleanups = new Set<() => void>();

/** Remove every temporary directory still being written (used on Ctrl-C and on failure). */
export function abandonPendingOutputs(): void {
  for (const clean of cleanups) clean();
  cleanups.clear();
}

/** Register a clean-up to run if the process is interrupted or fails; returns its remover. */
function onAbandon(clean: () => void): () => void {
  cleanups.add(clean);
  return () => cleanups.delete(clean);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as { code?: string }).code === 'EPERM';
  }
}

/** `.NAME.partial-HOST-PID-xxxxxx`: whose temporary directory it is, so litter can be told from work in progress. */
const partialPrefix = (target: string) => `.${basename(target)}.partial-`;

/**
 * Remove temporary directories that killed runs (kill -9, power loss) left
 * beside `target`: those of this host whose process is gone.
 */
export function removeStalePartials(target: string): void {
  const parent = dirname(target);
  const prefix = partialPrefix(target);
  let names: string[];
  try {
    names = readdirSync(parent);
  } catch {
    return;
  }
  const host = hostname();
  for (const name of names) {
    if (!name.startsWith(`${prefix}${host}-`)) continue; // host names may hold dashes: match it whole
    const pid = name.slice(prefix.length + host.length + 1).split('-')[0] ?? '';
    if (/^\d+$/.test(pid) && !alive(Number(pid))) rmSync(join(parent, name), { recursive: true, force: true });
  }
}

/** Remove `dir` and its parents up to and including `top`, each only while it is empty. */
function removeEmptyParents(dir: string, top: string): void {
  for (let at = dir; at.length >= top.length; at = dirname(at)) {
    try {
      rmdirSync(at);
    } catch {
      return;
    }
  }
}

/** `err` with the temporary directory's path shown as the output's own. */
function asTarget(err: unknown, tmp: string, target: string): unknown {
  const e = fromSystemError(err);
  if (!(e instanceof EntenteError) || !e.where.file?.startsWith(tmp)) return e;
  return e.relocated({ ...e.where, file: target + e.where.file.slice(tmp.length) });
}

/**
 * Write a `kind` of output to `out` atomically: `fill` writes into a temporary
 * directory that replaces `out` only once complete (and only where the
 * ownership rule allows it, checked before anything is written).
 */
export async function writeOutputDir<T>(
  out: string,
  kind: OutputKind,
  fill: (dir: string) => Promise<T>,
  options: ClaimOptions = {},
): Promise<T> {
  const target = resolve(out);
  const claim = claimOutput(target, kind, options);
  let tmp = '';
  let made: string | undefined; // the first parent directory this call created, removed again on failure
  try {
    made = makeDirs(dirname(target));
    removeStalePartials(target);
    tmp = mkdtempSync(join(dirname(target), `${partialPrefix(target)}${hostname()}-${process.pid}-`));
  } catch (err) {
    throw fromSystemError(err, dirname(target));
  }
  const clean = () => {
    rmSync(tmp, { recursive: true, force: true });
    if (made) removeEmptyParents(dirname(target), made);
  };
  const forget = onAbandon(clean);
  try {
    const result = await fill(tmp);
    await sealManifest(tmp);
    chmodSync(tmp, 0o755);
    // Checked again at the last moment: nothing foreign may have arrived while we ran.
    if (claim === 'replace' && claimOutput(target, kind, { force: true }) === 'replace') {
      const old = `${tmp}.old`;
      renameSync(target, old);
      renameSync(tmp, target);
      rmSync(old, { recursive: true, force: true });
    } else {
      renameSync(tmp, target);
    }
    return result;
  } catch (err) {
    clean();
    throw asTarget(err, tmp, target);
  } finally {
    forget();
  }
}

/** A manifest or other JSON file inside a directory being written. */
export function writeJson(path: string, value: unknown): void {
  writeDurable(path, `${JSON.stringify(value, null, 2)}\n`);
}

/** Is `path` inside `dir` (or `dir` itself)? */
export function isInside(path: string, dir: string): boolean {
  const p = resolve(path);
  const d = resolve(dir);
  return p === d || p.startsWith(d.endsWith(sep) ? d : `${d}${sep}`);
}

/**
 * Claim `out` for a `kind` written in place (sweeps and what is built on them,
 * which must survive interruption to be resumed): check the ownership rule,
 * clear an earlier output being replaced (everything in it is entente's, as
 * the rule has just checked), and mark a new directory as entente's at once
 * with an unfinished manifest. Returns how the directory is being used.
 */
export function startInPlace(out: string, kind: OutputKind, options: ClaimOptions, facts: Record<string, unknown>): Claim {
  const claim = claimOutput(out, kind, options);
  let made: string | undefined; // the first folder this call created (out, or a parent), removed again on failure
  try {
    if (claim === 'replace') rmSync(out, { recursive: true, force: true });
    if (claim !== 'resume') {
      made = makeDirs(out);
      writeJson(join(out, 'manifest.json'), { tool: 'entente', ...ownershipFields(kind, false), ...facts });
    }
  } catch (err) {
    if (made) {
      rmSync(out, { recursive: true, force: true }); // ours alone: nothing half-made is left
      removeEmptyParents(dirname(out), made);
    }
    throw fromSystemError(err, out);
  }
  return claim;
}

/**
 * Mark an in-place output finished: its manifest, written last, says so, with the record of its
 * top-level files (`files`, io/fileRecord.ts) unless `facts` give one (a sweep records its own).
 */
export function finishInPlace(out: string, kind: OutputKind, facts: Record<string, unknown>): void {
  const files = facts.files ?? recordTopLevelSync(out);
  writeAtomic(
    join(out, 'manifest.json'),
    `${JSON.stringify({ tool: 'entente', ...ownershipFields(kind, true), ...facts, files }, null, 2)}\n`,
  );
}

/**
 * The default output folder, out/<name><suffix>: `name` (a scenario's or
 * sweep's) must be a plain folder name, so a default never lands outside out/.
 */
export function defaultOut(name: string, file: string, suffix = ''): string {
  if (name === '' || name === '.' || name === '..' || /[/\\]/.test(name) || name.startsWith('.') || name.includes('\0')) {
    throw new EntenteError(
      'output.badName',
      'the name is used as the default output folder out/<name>, and this one is not a plain folder name',
      {
        where: { file, path: 'name' },
        expected: 'a name without / or \\ that does not start with a dot, or --out DIR',
        found: JSON.stringify(name),
      },
    );
  }
  return join('out', `${name}${suffix}`);
}
