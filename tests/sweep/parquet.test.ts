/**
 * `sweep --format parquet` and `merge --format parquet`: runs and per-tick files as Parquet,
 * read back equal to the CSV of the same sweep (every value the CSV holds, as the CSV writes
 * it), the same bytes on 1 and 2 workers and from merged CSV shards, and the combinations that
 * cannot work refused.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO, entente, expectRefused, fileIn, tempDir } from '../helpers.js';
import { expectParquetEqualsCsv } from '../parquetReadBack.js';

const SWEEP = `scenario: ${DEFAULT_SCENARIO}
design: lhs
samples: 12
replications: 3
seed: 3
parameters:
  actors.CHN.costAversion: { min: 0.4, max: 1.0 }
  shocks.eo14114.enforcement: [0.5, 0.7, 0.9]
outputs: { ties: true, pairs: true }
`;
const FILES = ['runs', 'ties', 'pairs'];

describe('entente sweep and merge --format parquet', () => {
  let dir: string;
  let file: string;
  const out = (name: string) => join(dir, name);
  const sweep = async (name: string, ...flags: string[]) => {
    const r = await entente(['sweep', file, '--out', out(name), '-q', ...flags]);
    expect(r.status, r.stderr).toBe(0);
  };
  beforeAll(async () => {
    dir = tempDir();
    file = fileIn(dir, 'sweep.yaml', SWEEP);
    await sweep('csv');
    await sweep('one', '--format', 'parquet', '-w', '1');
    await sweep('two', '--format', 'parquet', '-w', '2');
    for (const k of [1, 2]) await sweep(`shard${k}`, '--shard', `${k}/2`);
    const r = await entente(['merge', out('shard1'), out('shard2'), '--out', out('merged'), '--format', 'parquet']);
    expect(r.status, r.stderr).toBe(0);
  }, 120_000);

  it('writes runs and per-tick files as Parquet, equal to the CSV value for value', async () => {
    // The Parquet holds the CSV's numbers (converted from it): each shown as String shows it as the CSV does.
    for (const name of FILES) await expectParquetEqualsCsv(join(out('csv'), `${name}.csv`), join(out('one'), `${name}.parquet`), String);
    expect(JSON.parse(readFileSync(join(out('one'), 'manifest.json'), 'utf8')).format).toBe('parquet');
  });

  it('gives the same bytes on 1 and 2 workers, and merged from CSV shards', () => {
    for (const name of FILES) {
      const one = readFileSync(join(out('one'), `${name}.parquet`));
      expect(readFileSync(join(out('two'), `${name}.parquet`)).equals(one), name).toBe(true);
      expect(readFileSync(join(out('merged'), `${name}.parquet`)).equals(one), name).toBe(true);
    }
  });

  it('refuses a shard as Parquet, --report with Parquet, a report of a Parquet sweep, and merging Parquet shards', async () => {
    await expectRefused(dir, ['sweep', file, '--shard', '1/2', '--format', 'parquet'], /shards are merged from their CSV files/);
    await expectRefused(dir, ['sweep', file, '--format', 'parquet', '--report'], /--report draws from the CSV files/);
    const report = await entente(['report', out('one')]);
    expect(report.status).toBe(2);
    expect(report.stderr).toMatch(/written as Parquet, and a report draws from the CSV files/);
    const merged = await entente(['merge', out('one'), '--out', out('never'), '--format', 'parquet']);
    expect(merged.status).toBe(2);
    expect(merged.stderr).toMatch(/this shard was written as Parquet/);
  });
});
