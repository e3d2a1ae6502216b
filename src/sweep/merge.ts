/**
 * `entente merge DIR... --out DIR`: join the shards of one sweep into the
 * output a single machine would have written. Refuses shards of different
 * sweeps (file, scenario or seed), missing or repeated shards, and
 * unfinished ones.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { EntenteError } from '../errors.js';
import { concatAtomic, concatSkippingHeaders } from '../experiments/chunkFiles.js';
import type { OutputFormat } from '../experiments/columns.js';
import { sweepFileNames } from '../experiments/outputs.js';
import { writeAtomic } from '../io/atomicFile.js';
import { recordFiles, verifyFiles } from '../io/fileRecord.js';
import { isInside, writeJson, writeOutputDir } from '../io/outputDir.js';
import { claimOutput, inspectOutput, ownershipFields, readJsonObject } from '../io/ownership.js';
import { readRegularText } from '../io/readFile.js';
import type { SweepIdentity } from './run.js';
import { sweepToParquet } from './toParquet.js';

function readIdentity(dir: string): SweepIdentity {
  const found = inspectOutput(dir);
  if (found.state !== 'entente' || found.kind !== 'sweep')
    throw new EntenteError('merge.notSweep', 'not the output of a sweep', {
      where: { file: dir },
      expected: 'a directory written by entente sweep --shard K/N',
      found: found.state === 'entente' ? `the output of a ${found.kind}` : found.state === 'foreign' ? found.why : 'nothing there',
    });
  if (!found.complete)
    throw new EntenteError('merge.unfinished', 'shard is unfinished: finish it with entente sweep --resume', { where: { file: dir } });
  if (existsSync(join(dir, 'runs.parquet')))
    throw new EntenteError('merge.parquetShard', 'this shard was written as Parquet; shards are merged from their CSV files', {
      where: { file: dir },
      expected: 'shards run without --format parquet, merged with entente merge --format parquet',
    });
  const id = readJsonObject(join(dir, 'sweep.json'), 'sweep.json', 'a shard written by entente sweep --shard K/N (run it again)');
  if (id.kind !== 'entente-sweep' || typeof id.hash !== 'string' || !Array.isArray(id.perTick))
    throw new EntenteError('merge.notSweep', 'sweep.json does not describe a sweep', {
      where: { file: join(dir, 'sweep.json') },
      expected: 'a shard written by entente sweep --shard K/N (run it again)',
    });
  return id as unknown as SweepIdentity;
}

/** Check a shard's files against the record its manifest keeps, before a byte of it is merged. */
async function verifyShard(dir: string, id: SweepIdentity): Promise<{ runs: number; failures: number }> {
  const manifest = readJsonObject(join(dir, 'manifest.json'), 'the shard’s manifest.json', 'the shard as entente wrote it');
  await verifyFiles(
    dir,
    manifest.files,
    sweepFileNames(id.perTick),
    'the shard as entente sweep --shard wrote it: copy it again, or run it again (entente sweep FILE --shard K/N --force)',
  );
  const count = (field: string): number => {
    const n = manifest[field];
    if (typeof n === 'number' && Number.isSafeInteger(n) && n >= 0) return n;
    throw new EntenteError('output.damaged', `the shard's manifest has no valid count of ${field}`, {
      where: { file: join(dir, 'manifest.json'), path: field },
      expected: 'a whole number ≥ 0, as entente sweep --shard wrote it',
      found: JSON.stringify(n ?? null),
    });
  };
  return { runs: count('runs'), failures: count('failures') };
}

export async function mergeShards(
  dirs: readonly string[],
  out: string,
  meta: { command: string; version: string; force?: boolean; format?: OutputFormat },
): Promise<{ shards: number }> {
  const shards = dirs.map((dir) => ({ dir, id: readIdentity(dir) }));
  const [head] = shards;
  if (!head) throw new EntenteError('merge.noInput', 'nothing to merge', { expected: 'one or more shard directories' });
  // Everything that identifies the sweep except the shard itself (so no field can be forgotten).
  const same = (a: SweepIdentity, b: SweepIdentity) => JSON.stringify({ ...a, shard: null }) === JSON.stringify({ ...b, shard: null });
  const count = head.id.shard?.count ?? 1;
  for (const { dir, id } of shards) {
    if (!same(id, head.id)) {
      throw new EntenteError('merge.mismatch', 'shards come from different sweeps (sweep file, scenario, seed or size differ)', {
        where: { file: dir },
        expected: `the sweep of ${head.dir}`,
        found: `hash ${id.hash.slice(0, 12)}…, seed ${id.seed}`,
      });
    }
    if ((id.shard?.count ?? 1) !== count)
      throw new EntenteError('merge.mismatch', 'shards were cut into different numbers of parts', {
        where: { file: dir },
        expected: `N = ${count}`,
        found: `N = ${id.shard?.count ?? 1}`,
      });
  }
  const ordered = [...shards].sort((a, b) => (a.id.shard?.index ?? 1) - (b.id.shard?.index ?? 1));
  const indices = ordered.map((s) => s.id.shard?.index ?? 1);
  const expected = Array.from({ length: count }, (_, i) => i + 1);
  if (indices.join() !== expected.join()) {
    throw new EntenteError('merge.incomplete', 'shards are missing or repeated', {
      expected: `shards ${expected.join(', ')} once each`,
      found: indices.join(', '),
    });
  }
  const counts: { runs: number; failures: number }[] = [];
  for (const { dir, id } of ordered) counts.push(await verifyShard(dir, id));
  for (const { dir } of shards)
    if (isInside(out, dir) || isInside(dir, out))
      throw new EntenteError('merge.outIsShard', 'the merged output would replace or sit inside a shard', {
        where: { file: out },
        expected: 'an --out outside every shard directory',
      });
  claimOutput(out, 'sweep', { force: meta.force === true });
  await writeOutputDir(
    out,
    'sweep',
    async (tmp) => {
      const header = (file: string) => `${readRegularText(join(head.dir, file)).split('\n')[0]}\n`;
      // Streamed through the one write path: a copy that fails names the file being written, not the shard's.
      await concatAtomic(join(tmp, 'points.csv'), '', [join(head.dir, 'points.csv')]);
      for (const file of ['runs.csv', 'failures.csv', ...head.id.perTick.map((name) => `${name}.csv`)]) {
        await concatSkippingHeaders(
          join(tmp, file),
          header(file),
          ordered.map((s) => join(s.dir, file)),
        );
      }
      if (meta.format === 'parquet') await sweepToParquet(tmp, ['runs', ...head.id.perTick]);
      writeAtomic(join(tmp, 'sweep.json'), `${JSON.stringify({ ...head.id, shard: null }, null, 2)}\n`);
      const files = await recordFiles(tmp, sweepFileNames(head.id.perTick, meta.format));
      writeJson(join(tmp, 'manifest.json'), {
        tool: 'entente',
        ...ownershipFields('sweep', true),
        version: meta.version,
        command: meta.command,
        merged: ordered.map((s) => s.dir),
        // The scenario's words for reports, as the shards recorded them (labels of one scenario: the same in each).
        ...labelsOfShard(ordered[0]?.dir),
        format: meta.format ?? 'csv',
        identity: { ...head.id, shard: null },
        runs: counts.reduce((n, c) => n + c.runs, 0),
        failures: counts.reduce((n, c) => n + c.failures, 0),
        files,
      });
    },
    { force: meta.force === true },
  );
  return { shards: count };
}

/** The `labels` a shard's manifest holds (scenario/labels.ts), if it holds any. */
function labelsOfShard(dir: string | undefined): { labels?: unknown } {
  if (dir === undefined || !existsSync(join(dir, 'manifest.json'))) return {};
  const labels = readJsonObject(join(dir, 'manifest.json'), 'the shard’s manifest.json', 'the shard as entente wrote it').labels;
  return labels === undefined ? {} : { labels };
}
