/**
 * `npm run validate`: every validation file in scenarios/validation/ at full size, the shipped
 * posterior's held-out figures and each time split calibrated from scratch with its own particles,
 * into out/validation/<file>/. Resumes: an interrupted split continues its calibration where it
 * stopped. docs/model.md §10.4 reports what it prints, with its date and commit.
 */
import { readdirSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { validateFile } from '../validate/study.js';
import { validationLines } from './print/validate.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const folder = join(ROOT, 'scenarios', 'validation');
for (const name of readdirSync(folder)
  .filter((f) => f.endsWith('.yaml'))
  .sort()) {
  const started = Date.now();
  const result = await validateFile(
    join(folder, name),
    { out: join(ROOT, 'out', 'validation', basename(name, '.yaml')), resume: true, force: false, quiet: false },
    (text) => console.log(text),
  );
  if (!('rows' in result)) throw new Error(`${name}: the split's calibration did not complete`);
  for (const line of validationLines(result)) console.log(line);
  console.log(`(${((Date.now() - started) / 1000).toFixed(0)} s)\n`);
}
