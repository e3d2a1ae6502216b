/** Output column names: the contract of DESIGN §4 (extended at the end, never reordered). */
import { join } from 'node:path';
import { type Cell, CsvFile } from '../io/csvFile.js';
import { type ColumnKind, ParquetFile } from '../io/parquetFile.js';
import { DOMAINS } from '../model/domains.js';

export const COLUMNS = {
  ties: ['replication', 'seed', 'tick', 'from', 'to', ...DOMAINS, 'concessions', 'dependence'],
  pairs: ['replication', 'seed', 'tick', 'a', 'b', 'depth', 'rhetoric', 'trade_usd_bn', 'channel', 'divergence'],
  actors: ['replication', 'seed', 'tick', 'actor', 'stress', 'need', 'costBorne', 'welfare'],
  summary: ['replication', 'seed', 'a', 'b', 'depth_final', 'depth_mean', 'rhetoric_final', 'rhetoric_mean'],
  events: ['replication', 'seed', 'tick', 'date', 'shock', 'kind', 'event'],
  contributions: ['replication', 'seed', 'tick', 'from', 'to', 'domain', 'mechanism', 'value'],
  observables: ['replication', 'seed', 'tick', 'date', 'indicator', 'value', 'unit'],
} as const;

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
  write(row: readonly Cell[]): void;
  close(): Promise<void>;
}

export function outputFile(dir: string, name: OutputName, format: OutputFormat): RowFile {
  const columns = COLUMNS[name];
  return format === 'parquet'
    ? new ParquetFile(join(dir, `${name}.parquet`), columns, columns.map(columnKind))
    : new CsvFile(join(dir, `${name}.csv`), columns);
}
