/**
 * The end of a sweep: its chunks' files joined, in chunk order, into runs.csv, failures.csv
 * and the per-tick files (each atomically and durably), then, with --format parquet, turned
 * into Parquet (toParquet.ts). The chunks themselves are removed by the caller, after the
 * manifest, so a kill in between leaves a finished sweep.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chunkFile, concatAtomic } from '../experiments/chunkFiles.js';
import type { OutputFormat } from '../experiments/columns.js';
import type { PerTickOutput } from '../experiments/outputs.js';
import { readRegularText } from '../io/readFile.js';
import { failuresColumns, headerLine, perTickColumns, runsColumns } from './columns.js';
import { sweepToParquet } from './toParquet.js';

/** Assemble chunks `range` of the sweep in `out`; the number of failed runs. */
export async function assembleSweep(
  out: string,
  paths: readonly string[],
  perTick: readonly PerTickOutput[],
  range: readonly number[],
  format: OutputFormat = 'csv',
): Promise<number> {
  const failureParts = range.map((c) => chunkFile(out, c, 'failures')).filter((f) => existsSync(f));
  const failures = failureParts.reduce((n, f) => n + readRegularText(f).split('\n').length - 1, 0);
  await concatAtomic(
    join(out, 'runs.csv'),
    headerLine(runsColumns(paths)),
    range.map((c) => chunkFile(out, c, 'runs')),
  );
  await concatAtomic(join(out, 'failures.csv'), headerLine(failuresColumns(paths)), failureParts);
  for (const name of perTick) {
    await concatAtomic(
      join(out, `${name}.csv`),
      headerLine(perTickColumns(name)),
      range.map((c) => chunkFile(out, c, name)),
    );
  }
  if (format === 'parquet') await sweepToParquet(out, ['runs', ...perTick]);
  return failures;
}
