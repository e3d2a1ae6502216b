/** Columns of the sweep's files (DESIGN §4): identifying columns, one per parameter path, then outcomes. */
import { stringify } from 'csv-stringify/sync';
import { COLUMNS } from '../experiments/columns.js';

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

export function headerLine(columns: readonly string[]): string {
  return stringify([columns]);
}
