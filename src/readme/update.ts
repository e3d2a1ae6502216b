/** `npm run readme`: regenerate the README's lever table and pictures from fresh runs (leverTable.ts, pictures.ts). */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  leverTable,
  README_COMPARE,
  README_RUN_OUTPUT,
  RUN_BEGIN,
  RUN_END,
  runOutputSample,
  withBlock,
  withLeverTable,
} from './leverTable.js';
import { PICTURE_DIR, README_PICTURES, README_RUN } from './pictures.js';

const root = resolve(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'entente-readme-'));

function entente(args: readonly string[], out: string): void {
  const r = spawnSync(process.execPath, [join(root, 'dist', 'cli', 'main.js'), ...args, '--out', out], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

try {
  const compare = join(dir, 'compare');
  const run = join(dir, 'run');
  entente([...README_COMPARE, '--report'], compare);
  entente(README_RUN, run);
  const sample = join(dir, 'sample');
  const printed = spawnSync(process.execPath, [join(root, 'dist', 'cli', 'main.js'), ...README_RUN_OUTPUT, '--out', sample], {
    cwd: root,
    encoding: 'utf8',
  });
  if (printed.status !== 0) process.exit(printed.status ?? 1);
  const readme = join(root, 'README.md');
  let text = withLeverTable(readFileSync(readme, 'utf8'), leverTable(readFileSync(join(compare, 'levers.csv'), 'utf8')));
  text = withBlock(text, RUN_BEGIN, RUN_END, runOutputSample(printed.stdout, sample));
  writeFileSync(readme, text);
  mkdirSync(join(root, PICTURE_DIR), { recursive: true });
  for (const [source, files] of Object.entries(README_PICTURES)) {
    for (const file of files) copyFileSync(join(source === 'run' ? run : compare, 'charts', file), join(root, PICTURE_DIR, file));
  }
  console.log(`README.md: lever table and run output regenerated; ${PICTURE_DIR}/: pictures redrawn`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
