/**
 * `npm run patterns`: judge each rival structure (structures.ts) by the patterns it reproduces
 * across its shipped posterior; write out/patterns/patterns.csv and the table into docs/model.md
 * §10.2. Each posterior is drawn by the command its calibration file's first lines give.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { writeAtomic } from '../io/atomicFile.js';
import { formatNumber } from '../io/csvFile.js';
import { makeDirs } from '../io/makeDirs.js';
import { withBlock } from '../readme/leverTable.js';
import { ROOT } from '../readme/sections.js';
import { PATTERNS } from './patterns.js';
import { judgeStructures } from './study.js';
import { patternTable, TABLE_BEGIN, TABLE_END } from './table.js';

const { judged, targets } = judgeStructures(ROOT, (line) => console.error(line));
const out = join(ROOT, 'out', 'patterns');
makeDirs(out);
writeAtomic(
  join(out, 'patterns.csv'),
  stringify([
    ['pattern', 'fact', ...judged.map((j) => j.name)],
    ...PATTERNS.map((p, i) => [p.id, p.fact, ...judged.map((j) => formatNumber(j.shares[i] as number))]),
  ]),
);
const table = patternTable(PATTERNS, judged, targets);
const docs = join(ROOT, 'docs', 'model.md');
writeAtomic(docs, withBlock(readFileSync(docs, 'utf8'), TABLE_BEGIN, TABLE_END, table));
console.log(`${table}\n\nout/patterns/patterns.csv written; docs/model.md §10.2 table regenerated`);
