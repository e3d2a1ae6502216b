/** The README's lever table is what `npm run readme` generates from the current model, not typed by hand. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  BEGIN,
  blockOf,
  END,
  leverTable,
  README_COMPARE,
  README_RUN_OUTPUT,
  RUN_BEGIN,
  RUN_END,
  runOutputSample,
} from '../../src/readme/leverTable.js';
import { PICTURE_DIR, README_PICTURES, README_RUN } from '../../src/readme/pictures.js';
import { cli, ROOT, tempDir } from '../helpers.js';

describe('README lever table', () => {
  it('matches a fresh entente compare of the default scenario', () => {
    const out = join(tempDir(), 'compare');
    const r = cli([...README_COMPARE, '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const block = readme.slice(readme.indexOf(BEGIN) + BEGIN.length, readme.indexOf(END)).trim();
    const table = leverTable(readFileSync(join(out, 'levers.csv'), 'utf8'));
    expect(block).toBe(table);
    expect(table.split('\n')).toHaveLength(2 + 5); // header, rule, one row per lever for the focus pair
  });
});

describe('README sample output', () => {
  it('is what entente run prints now', () => {
    const out = join(tempDir(), 'sample');
    const r = cli([...README_RUN_OUTPUT, '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    const shown = blockOf(readFileSync(join(ROOT, 'README.md'), 'utf8'), RUN_BEGIN, RUN_END);
    expect(shown, 'run npm run readme').toBe(runOutputSample(r.stdout, out));
    expect(shown).toMatch(/^```\nchina-russia-2022: 30 replication\(s\) × 48 ticks → out\/china-russia-2022\npair +depth t0 +depth final/);
  });
});

describe('README pictures', () => {
  it('are what npm run readme draws from the current model', () => {
    const dir = tempDir();
    const run = join(dir, 'run');
    const compare = join(dir, 'compare');
    expect(cli([...README_RUN, '--out', run]).status).toBe(0);
    expect(cli([...README_COMPARE, '--report', '--out', compare]).status).toBe(0);
    for (const [source, files] of Object.entries(README_PICTURES)) {
      for (const file of files) {
        const drawn = readFileSync(join(source === 'run' ? run : compare, 'charts', file), 'utf8');
        expect(readFileSync(join(ROOT, PICTURE_DIR, file), 'utf8'), `${PICTURE_DIR}/${file}: run npm run readme`).toBe(drawn);
      }
    }
  }, 60_000);
});
