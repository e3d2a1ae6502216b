/** Output column names: the contract of docs/reference.md, Output files (extended at the end, never reordered). */
import { join } from 'node:path';
import { type Cell, CsvFile } from '../io/csvFile.js';
import type { FileProof } from '../io/fileRecord.js';
import { type ColumnKind, ParquetFile } from '../io/parquetFile.js';

export { COLUMNS } from './columnNames.js';

import { COLUMNS } from './columnNames.js';

export type OutputName = keyof typeof COLUMNS;

/** How each column is stored in Parquet (io/parquetFile.ts): by name, the same in every file. */
const TEXT_COLUMNS = new Set([
  'from',
  'to',
  'a',
  'b',
  'actor',
  'date',
  'shock',
  'kind',
  'event',
  'domain',
  'mechanism',
  'indicator',
  'unit',
]);
export function columnKind(name: string): ColumnKind {
  if (name === 'seed') return 'int64';
  if (name === 'replication' || name === 'tick' || name === 'point') return 'int';
  if (name === 'welfare') return 'nullableDouble'; // '' where welfare is not computed
  return TEXT_COLUMNS.has(name) ? 'text' : 'double';
}

/** Where an output's rows go: a CSV file, or with --format parquet a Parquet file. */
export type OutputFormat = 'csv' | 'parquet';
export interface RowFile {
  readonly rows: number;
  /** Its proof (size, lines, SHA-256), made as it was written, once it is closed. */
  readonly proof: FileProof | undefined;
  write(row: readonly Cell[]): void;
  close(): Promise<void>;
}

export function outputFile(dir: string, name: OutputName, format: OutputFormat): RowFile {
  const columns = COLUMNS[name];
  return format === 'parquet'
    ? new ParquetFile(join(dir, `${name}.parquet`), columns, columns.map(columnKind))
    : new CsvFile(join(dir, `${name}.csv`), columns);
}
