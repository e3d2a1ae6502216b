/** `npm run readme`: regenerate the README's lever table from a fresh `entente compare` (see leverTable.ts). */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { leverTable, README_COMPARE, withLeverTable } from './leverTable.js';

const root = resolve(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'entente-readme-'));
try {
  const out = join(dir, 'compare');
  const r = spawnSync(process.execPath, [join(root, 'dist', 'cli', 'main.js'), ...README_COMPARE, '--out', out], {
    cwd: root,
    stdio: 'inherit',
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
  const readme = join(root, 'README.md');
  writeFileSync(readme, withLeverTable(readFileSync(readme, 'utf8'), leverTable(readFileSync(join(out, 'levers.csv'), 'utf8'))));
  console.log('README.md: lever table regenerated');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
