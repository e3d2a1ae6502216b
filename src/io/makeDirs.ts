/**
 * `mkdir -p`, one directory at a time. Node's own recursive mkdirSync retries for ever when mkdir
 * answers ENOENT for a path whose parent exists (under /proc/self, say), so a command given such
 * a path spun at full CPU until killed, deaf to SIGTERM. Here each missing directory is made once,
 * from the deepest one that exists, and mkdir's own error is thrown.
 */
import { mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** Make `path` and its missing parents; the first directory made (undefined if it existed), as mkdirSync's recursive form returns. */
export function makeDirs(path: string): string | undefined {
  const target = resolve(path);
  const missing: string[] = [];
  for (let at = target; ; at = dirname(at)) {
    const found = kindOf(at);
    if (found === 'directory') break;
    if (found === 'other') {
      // mkdir's own error for a path whose part is a file: EEXIST for the path itself, ENOTDIR below it.
      mkdirSync(at === target ? at : target);
    }
    missing.push(at);
    if (dirname(at) === at) break;
  }
  missing.reverse();
  for (const dir of missing) {
    try {
      mkdirSync(dir);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || kindOf(dir) !== 'directory') throw err;
    }
  }
  return missing[0];
}

function kindOf(path: string): 'directory' | 'other' | 'none' {
  try {
    return statSync(path).isDirectory() ? 'directory' : 'other';
  } catch {
    return 'none';
  }
}
