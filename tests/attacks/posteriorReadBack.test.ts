/**
 * Attack: a calibrated posterior edited before it is used. posterior.csv cut to 3 of its particles,
 * a value set outside its prior (model.needGain = 50, its prior 0.5–2.5) or a distance of −1, with
 * the manifest's record rewritten to match or not: compare --posterior took each with exit 0. The
 * finished calibration's manifest keeps the record of its files (io/fileRecord.ts) and every value
 * read back is checked against its prior (compare/posterior/read.ts).
 */
import { createHash } from 'node:crypto';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPosterior } from '../../src/compare/posterior/read.js';
import { DEFAULT_SCENARIO, entente, ROOT, tempDir } from '../helpers.js';

const SHIPPED = join(ROOT, 'scenarios', 'posteriors', 'china-russia-2022');
const dir = tempDir('entente-attack-posterior-');
let copies = 0;

/** A copy of the shipped posterior with posterior.csv's text changed by `edit`; its record rewritten to match if `forge`. */
function edited(edit: (csv: string) => string, forge: boolean): string {
  const out = join(dir, `posterior-${copies++}`);
  cpSync(SHIPPED, out, { recursive: true });
  const text = edit(readFileSync(join(out, 'posterior.csv'), 'utf8'));
  writeFileSync(join(out, 'posterior.csv'), text);
  if (forge) {
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    manifest.files['posterior.csv'] = {
      bytes: Buffer.byteLength(text),
      lines: text.split('\n').length - 1,
      sha256: createHash('sha256').update(text).digest('hex'),
    };
    writeFileSync(join(out, 'manifest.json'), JSON.stringify(manifest));
  }
  return out;
}

async function refused(posterior: string, message: RegExp) {
  const r = await entente(['compare', DEFAULT_SCENARIO, '--posterior', posterior, '--out', join(dir, `compare-${copies}`), '-q']);
  expect(r.status, r.stderr).toBe(2);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr).toMatch(message);
}

const firstLines = (n: number) => (csv: string) =>
  `${csv
    .split('\n')
    .slice(0, n + 1)
    .join('\n')}\n`;
/** Row 1's value in column `column` set to `value`. */
const setCell = (column: string, value: string) => (csv: string) => {
  const lines = csv.split('\n');
  const at = (lines[0] as string).split(',').indexOf(column);
  const cells = (lines[1] as string).split(',');
  cells[at] = value;
  lines[1] = cells.join(',');
  return lines.join('\n');
};

describe('a posterior read back is the one calibrate wrote', () => {
  it('the shipped posterior is read whole (its record holds)', () => {
    expect(readPosterior(SHIPPED).weights.length).toBe(1000);
  });

  it('posterior.csv cut to 3 particles', async () => {
    await refused(edited(firstLines(3), false), /posterior\.csv: file is damaged: \d+ bytes where \d+ were written/);
  });

  it('a value outside its prior, the record rewritten to match', async () => {
    await refused(
      edited(setCell('model.needGain', '50'), true),
      /posterior\.csv:2: model\.needGain: particle 0 has model\.needGain outside its prior/,
    );
  });

  it('a distance of −1, the record rewritten to match', async () => {
    await refused(edited(setCell('distance', '-1'), true), /particle 0 has no valid distance/);
  });
});
