/**
 * Atomic output directories: everything is written into a hidden sibling
 * temporary directory, which is renamed into place only when complete. An
 * interrupted or failed run leaves no files that look complete, and never
 * touches an existing result until the new one is ready.
 */
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { EntenteError } from '../errors.js';

const cleanups = new Set<() => void>();

/** Remove every temporary directory still being written (used on Ctrl-C). */
export function abandonPendingOutputs(): void {
  for (const clean of cleanups) clean();
  cleanups.clear();
}

/** Refuse to replace a directory that is not an earlier entente output. */
export function checkOutputTarget(out: string): void {
  if (!existsSync(out)) return;
  if (!statSync(out).isDirectory()) {
    throw new EntenteError('output.notDirectory', 'output path exists and is not a directory', {
      where: { file: out },
      expected: 'a directory or a new path',
    });
  }
  const entries = readdirSync(out).filter((e) => e !== '.gitkeep');
  if (entries.length > 0 && !entries.includes('manifest.json')) {
    throw new EntenteError('output.notEntente', 'output directory holds files that entente did not write; refusing to replace it', {
      where: { file: out },
      expected: 'an empty directory, a new path, or an earlier entente output (with manifest.json)',
    });
  }
}

export async function writeOutputDir<T>(out: string, fill: (dir: string) => Promise<T>): Promise<T> {
  const target = resolve(out);
  checkOutputTarget(target);
  mkdirSync(dirname(target), { recursive: true });
  const tmp = mkdtempSync(join(dirname(target), `.${basename(target)}.partial-`));
  const clean = () => rmSync(tmp, { recursive: true, force: true });
  cleanups.add(clean);
  try {
    const result = await fill(tmp);
    chmodSync(tmp, 0o755);
    if (existsSync(target)) {
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
    throw err;
  } finally {
    cleanups.delete(clean);
  }
}

export function writeJson(path: string, value: unknown): void {
  writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`);
}
