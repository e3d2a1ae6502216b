/**
 * Outcomes per point from a sweep's runs.csv, streamed: for every pair and
 * outcome, the mean over replications at each point. Memory grows with points
 * × pairs, not with runs.
 */

import { join } from 'node:path';
import { parse } from 'csv-parse';
import { verifyFiles } from '../io/fileRecord.js';
import { readJsonObject } from '../io/ownership.js';
import { released, streamRegular } from '../io/readFile.js';

export const OUTCOMES = ['depth_final', 'depth_mean', 'rhetoric_final'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export interface PointOutcomes {
  /** `${outcome}|${a}|${b}` → mean over replications at each point. */
  readonly series: Map<string, Float64Array>;
}

/** The outcomes of the sweep in `dir`, its runs.csv first checked against its manifest's record (io/fileRecord.ts). */
export async function readPointOutcomes(dir: string, points: number): Promise<PointOutcomes> {
  const manifest = readJsonObject(join(dir, 'manifest.json'), 'manifest.json', 'the sweep as entente wrote it');
  await verifyFiles(dir, manifest.files, ['runs.csv'], 'the sweep as entente wrote it: run it again with --force');
  const runsCsv = join(dir, 'runs.csv');
  const sums = new Map<string, Float64Array>();
  const counts = new Map<string, Int32Array>();
  const add = (row: Record<string, string>) => {
    const point = Number(row.point);
    for (const outcome of OUTCOMES) {
      const key = `${outcome}|${row.a}|${row.b}`;
      let sum = sums.get(key);
      let count = counts.get(key);
      if (!sum || !count) {
        sum = new Float64Array(points);
        count = new Int32Array(points);
        sums.set(key, sum);
        counts.set(key, count);
      }
      sum[point] += Number(row[outcome]);
      count[point] += 1;
    }
  };
  const source = streamRegular(runsCsv);
  const parser = source.pipe(parse({ columns: true }));
  // Rows are drained synchronously as each chunk is parsed: an await per row (for await)
  // cost more than the parsing itself.
  const done = new Promise<void>((resolve, reject) => {
    parser.on('end', resolve);
    parser.on('error', reject);
    source.on('error', reject); // pipe() does not pass a read error on
  });
  parser.on('readable', () => {
    for (let row: Record<string, string> | null = parser.read(); row !== null; row = parser.read()) add(row);
  });
  try {
    await done;
  } finally {
    await released(source);
  }
  for (const [key, sum] of sums) {
    const count = counts.get(key) as Int32Array;
    for (let p = 0; p < points; p++) sum[p] = count[p] > 0 ? sum[p] / count[p] : Number.NaN;
  }
  return { series: sums };
}
