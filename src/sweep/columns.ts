/** Columns of the sweep's files (docs/reference.md, Output files): identifying columns, one per parameter path, then outcomes. */
import { stringify } from 'csv-stringify/sync';
import { COLUMNS } from '../experiments/columns.js';
import type { PerTickOutput } from '../experiments/sweepSchema.js';

const SUMMARY_OUTCOMES = COLUMNS.summary.slice(2); // a, b, depth_final, …

export function runsColumns(paths: readonly string[]): string[] {
  return ['point', 'replication', 'seed', ...paths, ...SUMMARY_OUTCOMES];
}

export function failuresColumns(paths: readonly string[]): string[] {
  return ['point', 'replication', 'seed', ...paths, 'error'];
}

export function pointsColumns(paths: readonly string[]): string[] {
  return ['point', ...paths];
}

/** Per-tick files of a sweep: the `run` columns with `point` first (parameters are in points.csv). */
export function perTickColumns(name: PerTickOutput): string[] {
  return ['point', ...COLUMNS[name]];
}

export function headerLine(columns: readonly string[]): string {
  return stringify([columns]);
}
