/** `npm run readme`: regenerate the README's lever table, run sample and pictures from fresh runs in this process (sections.ts). */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeDirs } from '../io/makeDirs.js';
import { BEGIN, END, RUN_BEGIN, RUN_END, SIGNS_BEGIN, SIGNS_END, VALIDATION_BEGIN, VALIDATION_END, withBlock } from './leverTable.js';
import { PICTURE_DIR } from './pictures.js';
import { ROOT, readmeSections } from './sections.js';

const dir = mkdtempSync(join(tmpdir(), 'entente-readme-'));
try {
  const sections = await readmeSections(dir);
  const readme = join(ROOT, 'README.md');
  let text = withBlock(readFileSync(readme, 'utf8'), BEGIN, END, sections.table);
  text = withBlock(text, RUN_BEGIN, RUN_END, sections.runSample);
  text = withBlock(text, SIGNS_BEGIN, SIGNS_END, sections.signs);
  text = withBlock(text, VALIDATION_BEGIN, VALIDATION_END, sections.validation);
  writeFileSync(readme, text);
  makeDirs(join(ROOT, PICTURE_DIR));
  for (const [name, drawn] of sections.pictures) copyFileSync(drawn, join(ROOT, PICTURE_DIR, name));
  console.log(`README.md: lever table, signs table, validation table and run output regenerated; ${PICTURE_DIR}/: pictures redrawn`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
