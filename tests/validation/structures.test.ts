/**
 * Model v3, item 8: the rival structures judged by the patterns across their posteriors
 * (docs/model.md §10.2). The table in docs/model.md is what the shipped posteriors give now (so
 * nobody edits a share by hand), each posterior was drawn from its calibration file as it is,
 * and a structure's posterior carries the settings its file fixes.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readPosterior } from '../../src/compare/posterior/read.js';
import { fixedAssignments, loadSweep } from '../../src/experiments/loadSweep.js';
import { PATTERNS } from '../../src/patterns/patterns.js';
import { STRUCTURES } from '../../src/patterns/structures.js';
import { judgeStructures, type PatternStudy } from '../../src/patterns/study.js';
import { patternTable, TABLE_BEGIN, TABLE_END } from '../../src/patterns/table.js';
import { blockOf } from '../../src/readme/leverTable.js';
import { ROOT } from '../helpers.js';

let study: PatternStudy;
beforeAll(() => {
  study = judgeStructures(ROOT);
}, 300_000);

describe('rival structures judged by the patterns across their posteriors', () => {
  it.each(STRUCTURES.map((s) => [s.name, s] as const))('%s: its posterior was drawn from its calibration file as it is', (_name, s) => {
    const manifest = JSON.parse(readFileSync(join(ROOT, s.posterior, 'manifest.json'), 'utf8')) as { calibration: { sha256: string } };
    const text = readFileSync(join(ROOT, s.calibration));
    expect(manifest.calibration.sha256).toBe(createHash('sha256').update(text).digest('hex'));
    expect(readPosterior(join(ROOT, s.posterior)).fixed).toEqual(
      fixedAssignments(loadSweep(join(ROOT, s.calibration), { estimate: false }).sweep),
    );
  });

  it('every structure was calibrated on the same targets', () => {
    const targetsOf = (file: string) => JSON.stringify(loadSweep(join(ROOT, file), { estimate: false }).sweep.calibration?.targets);
    for (const s of STRUCTURES) expect(targetsOf(s.calibration), s.name).toBe(targetsOf(STRUCTURES[0]?.calibration as string));
  });

  it('docs/model.md §10.2 holds the table the posteriors give (npm run patterns)', () => {
    const docs = readFileSync(join(ROOT, 'docs', 'model.md'), 'utf8');
    expect(blockOf(docs, TABLE_BEGIN, TABLE_END)).toBe(patternTable(PATTERNS, study.judged, study.targets));
  });

  it('the table can tell the structures apart: some pattern holds in different shares of their posteriors', () => {
    const differs = PATTERNS.some((_, i) => new Set(study.judged.map((j) => Math.floor(100 * (j.shares[i] as number)))).size > 1);
    expect(differs).toBe(true);
  });
});
