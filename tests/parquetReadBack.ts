/**
 * Test helper: a Parquet file read back against the CSV of the same output, by two readers:
 * hyparquet (by the writer's authors) and DuckDB (an independent implementation, the engine
 * analysts query Parquet with).
 */
import { readFileSync } from 'node:fs';
import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { parse } from 'csv-parse/sync';
import { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects } from 'hyparquet';
import { expect } from 'vitest';

/**
 * The Parquet file has the CSV's columns in order, as many rows (at least one), and each value
 * shown as `show` writes it equals the CSV's text (null is the CSV's empty field).
 */
export async function expectParquetEqualsCsv(csvFile: string, parquetFile: string, show: (v: unknown) => string): Promise<void> {
  const rows = parse(readFileSync(csvFile, 'utf8'), { columns: true }) as Record<string, string>[];
  const file = await asyncBufferFromFile(parquetFile);
  const columns = (await parquetMetadataAsync(file)).schema.slice(1).map((s) => s.name);
  expect(columns, parquetFile).toEqual(Object.keys(rows[0] ?? {}));
  const read = (await parquetReadObjects({ file })) as Record<string, unknown>[];
  expect(read.length, parquetFile).toBe(rows.length);
  expect(rows.length, parquetFile).toBeGreaterThan(0);
  read.forEach((row, i) => {
    const shown = Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v === null ? '' : show(v)]));
    expect(shown, `${parquetFile} row ${i}`).toEqual(rows[i]);
  });
  const duck = await (await duckdb()).runAndReadAll(`SELECT * FROM read_parquet('${parquetFile.replaceAll("'", "''")}')`);
  expect(duck.columnNames(), `${parquetFile} (DuckDB)`).toEqual(columns);
  const ducked = duck.getRowObjects();
  expect(ducked.length, `${parquetFile} (DuckDB)`).toBe(rows.length);
  ducked.forEach((row, i) => {
    const shown = Object.fromEntries(
      Object.entries(row).map(([k, v]) => [k, v === null ? '' : show(typeof v === 'bigint' ? Number(v) : v)]),
    );
    expect(shown, `${parquetFile} row ${i} (DuckDB)`).toEqual(rows[i]);
  });
}

let connection: Promise<DuckDBConnection> | undefined;
/** One in-memory DuckDB per test file. */
function duckdb(): Promise<DuckDBConnection> {
  connection ??= DuckDBInstance.create(':memory:').then((db) => db.connect());
  return connection;
}
