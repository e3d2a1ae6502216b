/**
 * `entente run --format parquet`: every per-run file as Parquet, read back (hyparquet, the
 * reader of the writer's authors) equal to the CSV of the same run, value for value once
 * numbers are written as CSV writes them (7 significant digits; Parquet keeps them whole),
 * with the same columns in the same order, and the same bytes run after run.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { asyncBufferFromFile, parquetMetadataAsync } from 'hyparquet';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatNumber } from '../../src/io/csvFile.js';
import { DEFAULT_SCENARIO, entente, expectRefused, tempDir } from '../helpers.js';
import { expectParquetEqualsCsv } from '../parquetReadBack.js';

const FILES = ['ties', 'pairs', 'actors', 'summary', 'events', 'contributions', 'observables'];

describe('entente run --format parquet', () => {
  const dir = tempDir();
  const csv = join(dir, 'csv');
  const parquet = join(dir, 'parquet');
  const args = ['run', DEFAULT_SCENARIO, '-r', '3', '--contributions', '-q'];
  beforeAll(async () => {
    expect((await entente([...args, '--out', csv])).status).toBe(0);
    const r = await entente([...args, '--out', parquet, '--format', 'parquet']);
    expect(r.status, r.stderr).toBe(0);
  }, 60_000);

  it('writes every file as Parquet, equal to the CSV value for value', async () => {
    // Numbers as CSV writes them: Parquet keeps them whole, CSV to 7 significant digits.
    const show = (v: unknown) => (typeof v === 'number' ? formatNumber(v) : String(v));
    for (const name of FILES) await expectParquetEqualsCsv(join(csv, `${name}.csv`), join(parquet, `${name}.parquet`), show);
  });

  it('stores ids as text, counters as integers, seeds as 64-bit integers, values as doubles', async () => {
    const file = await asyncBufferFromFile(join(parquet, 'actors.parquet'));
    const types = Object.fromEntries((await parquetMetadataAsync(file)).schema.slice(1).map((s) => [s.name, s.type]));
    expect(types).toMatchObject({ replication: 'INT32', seed: 'INT64', tick: 'INT32', actor: 'BYTE_ARRAY', stress: 'DOUBLE' });
    const manifest = JSON.parse(readFileSync(join(parquet, 'manifest.json'), 'utf8'));
    expect(manifest.format).toBe('parquet');
    expect(Object.keys(manifest.files)).toContain('ties.parquet');
  });

  it('gives the same bytes when run again', async () => {
    const again = join(dir, 'again');
    expect((await entente([...args, '--out', again, '--format', 'parquet'])).status).toBe(0);
    for (const name of FILES)
      expect(readFileSync(join(again, `${name}.parquet`)).equals(readFileSync(join(parquet, `${name}.parquet`))), name).toBe(true);
  }, 60_000);

  it('refuses --report with --format parquet (the report draws from the CSV files)', async () => {
    await expectRefused(dir, ['run', DEFAULT_SCENARIO, '--format', 'parquet', '--report'], /--report draws from the CSV files/);
  });
});
