/**
 * The README's generated sections (src/readme/sections.ts) are what `npm run readme` makes from
 * the current model, not typed by hand; and its lever table shows what `entente compare` prints.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DETAIL_COLUMNS } from '../../src/cli/print/compare.js';
import {
  BEGIN,
  blockOf,
  END,
  README_COMPARE,
  RUN_BEGIN,
  RUN_END,
  SIGNS_BEGIN,
  SIGNS_END,
  VALIDATION_BEGIN,
  VALIDATION_END,
} from '../../src/readme/leverTable.js';
import { PICTURE_DIR } from '../../src/readme/pictures.js';
import { type ReadmeSections, readmeSections } from '../../src/readme/sections.js';
import { entente, ROOT, tempDir } from '../helpers.js';

const readme = () => readFileSync(join(ROOT, 'README.md'), 'utf8');
let sections: ReadmeSections;
beforeAll(async () => {
  sections = await readmeSections(tempDir());
}, 120_000);

describe('README lever table', () => {
  it('is what npm run readme makes from a fresh comparison', () => {
    expect(blockOf(readme(), BEGIN, END), 'run npm run readme').toBe(sections.table);
    expect(sections.table.split('\n')).toHaveLength(2 + 6); // header, rule, one row per lever for the focus pair
  });

  it('holds, cell for cell, the table entente compare prints, with two more columns', async () => {
    const r = await entente([...README_COMPARE.filter((a) => a !== '--quiet'), '--out', join(tempDir(), 'compare')]);
    expect(r.status, r.stderr).toBe(0);
    const printed = r.stdout.split('\n');
    const top = printed.findIndex((l) => l.startsWith('lever '));
    const terminal = printed.slice(top, top + 7).map((l) => l.trim().split(/\s{2,}/));
    const markdown = blockOf(readme(), BEGIN, END)
      .split('\n')
      .filter((_, i) => i !== 1)
      .map((l) => l.slice(2, -2).split(' | '));
    expect(markdown.map((cells) => cells.length)).toEqual(Array(7).fill((terminal[0]?.length ?? 0) + DETAIL_COLUMNS.length));
    expect(markdown.map((cells) => cells.slice(0, terminal[0]?.length))).toEqual(terminal);
  }, 60_000);
});

describe('README signs table', () => {
  it('is what npm run readme makes from compare --robustness over the wide prior', () => {
    expect(blockOf(readme(), SIGNS_BEGIN, SIGNS_END), 'run npm run readme').toBe(sections.signs);
    expect(sections.signs.split('\n')).toHaveLength(2 + 12); // header, rule, six levers on two outcomes
  });
});

describe('README validation table', () => {
  it('is what npm run readme makes from entente validate on the shipped held-out figures', () => {
    expect(blockOf(readme(), VALIDATION_BEGIN, VALIDATION_END), 'run npm run readme').toBe(sections.validation);
    expect(sections.validation).toMatch(
      /held-out figure\(s\): 90% intervals cover \d+ \(\d+%\).*mean CRPS in tolerances: model [\d.]+; no change/,
    );
  });
});

describe('README sample output', () => {
  it('is what entente run prints now', () => {
    const shown = blockOf(readme(), RUN_BEGIN, RUN_END);
    expect(shown, 'run npm run readme').toBe(sections.runSample);
    expect(shown).toMatch(/^```\nchina-russia-2022: 30 replication\(s\) × 48 ticks → out\/china-russia-2022\npair +depth t0 +depth final/);
  });
});

describe('README pictures', () => {
  it('are what npm run readme draws from the current model', () => {
    expect(sections.pictures.size).toBe(5);
    for (const [name, drawn] of sections.pictures)
      expect(readFileSync(join(ROOT, PICTURE_DIR, name), 'utf8'), `${PICTURE_DIR}/${name}: run npm run readme`).toBe(
        readFileSync(drawn, 'utf8'),
      );
  });
});
