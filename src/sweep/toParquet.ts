/**
 * `sweep --format parquet` and `merge --format parquet`: the assembled CSV files of a sweep
 * (runs.csv and its per-tick files) turned into Parquet files of the same columns, each
 * streamed row group by row group (memory flat in the number of rows), written beside and
 * renamed into place, then the CSV removed. A function of the CSV's bytes alone, so the
 * Parquet is the same for any worker count or shard split, as the CSV is. Types: counters
 * int32, seeds int64, ids text, outcomes double; each parameter double when every value in
 * points.csv is a number, else text. Numbers are those of the CSV (7 significant digits for
 * outcomes, parameters in full).
 */
import { renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse';
import { parse as parseSync } from 'csv-parse/sync';
import { EntenteError } from '../errors.js';
import { columnKind } from '../experiments/columns.js';
import { asFile, removeQuietly } from '../io/atomicFile.js';
import type { Cell } from '../io/csvFile.js';
import { type ColumnKind, ParquetFile } from '../io/parquetFile.js';
import { readRegularText, released, streamRegular } from '../io/readFile.js';
import { fromSystemError } from '../io/systemError.js';

/** Each parameter column of points.csv: double when every value is a number, else text. */
function parameterKinds(dir: string): Map<string, ColumnKind> {
  const rows = parseSync(readRegularText(join(dir, 'points.csv')), { columns: true }) as Record<string, string>[];
  const kinds = new Map<string, ColumnKind>();
  const columns = rows[0] ? Object.keys(rows[0]).filter((c) => c !== 'point') : [];
  for (const column of columns)
    kinds.set(column, rows.every((r) => r[column] !== '' && Number.isFinite(Number(r[column]))) ? 'double' : 'text');
  return kinds;
}

/** One CSV file as Parquet, streamed; the CSV is removed once the Parquet is in place. */
async function convert(csv: string, parquet: string, kindOf: (column: string) => ColumnKind): Promise<void> {
  const tmp = `${parquet}.tmp-${process.pid}`;
  const source = streamRegular(csv);
  let file: ParquetFile | undefined;
  try {
    let kinds: ColumnKind[] = [];
    for await (const record of source.pipe(parse({ relax_column_count: false }))) {
      const fields = record as string[];
      if (!file) {
        kinds = fields.map(kindOf);
        file = new ParquetFile(tmp, fields, kinds);
        continue;
      }
      const row: Cell[] = fields.map((v, c) => (kinds[c] === 'text' || v === '' ? v : Number(v)));
      file.write(row);
    }
    await file?.close();
    await released(source);
    renameSync(tmp, parquet);
    rmSync(csv);
  } catch (err) {
    await released(source); // its descriptor, left open when the loop is left by a throw
    await file?.close().catch(() => {});
    removeQuietly(tmp);
    // Said of the Parquet file, not of the temporary one beside it.
    const e = fromSystemError(asFile(err, tmp, parquet), parquet);
    throw e instanceof EntenteError && e.where.file === tmp ? e.relocated({ ...e.where, file: parquet }) : e;
  }
}

/** Turn `names` (runs, and per-tick file names) of the sweep in `dir` from CSV into Parquet. */
export async function sweepToParquet(dir: string, names: readonly string[]): Promise<void> {
  const parameters = parameterKinds(dir);
  // Outcome columns may hold '' (a value that does not apply): nullable, unlike a run's own files.
  const kindOf = (column: string) => {
    const kind = parameters.get(column) ?? columnKind(column);
    return kind === 'double' && !parameters.has(column) ? 'nullableDouble' : kind;
  };
  for (const name of names) await convert(join(dir, `${name}.csv`), join(dir, `${name}.parquet`), kindOf);
}
