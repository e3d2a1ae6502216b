/**
 * compare --robustness on Slurm (slurm/robustness.sbatch): each array task runs shard K of N of
 * every arm of the prior (`--shard K/N`, its own --out), and one last step merges each arm's
 * shards (`--merge DIRS`, sweep/merge.ts, which checks they are one sweep cut once each) before
 * the study reads them: the same arms, so the same bytes, as on one machine.
 */
import { join } from 'node:path';
import { armDir, runArmSweeps } from '../compare/robustness.js';
import { EntenteError } from '../errors.js';
import type { Shard } from '../experiments/plan.js';
import { finishInPlace, startInPlace } from '../io/outputDir.js';
import { readJsonObject } from '../io/ownership.js';
import { mergeShards } from '../sweep/merge.js';
import { VERSION } from '../version.js';

export interface ShardRun {
  readonly prior: string;
  readonly priorHash: string;
  readonly levers: readonly string[];
  readonly out: string;
  readonly workers: number;
  readonly resume: boolean;
  readonly force: boolean;
  readonly quiet: boolean;
  readonly command: string;
}

/** Shard K of N of every arm, in `out` (a signs output that holds arms only, its manifest saying which shard). */
export async function runSignShard(run: ShardRun, shard: Shard): Promise<void> {
  startInPlace(run.out, 'signs', { resume: run.resume, force: run.force }, { command: run.command, version: VERSION });
  await runArmSweeps(
    run.prior,
    run.levers,
    { out: run.out, workers: run.workers, resume: run.resume, quiet: run.quiet, command: run.command, version: VERSION },
    shard,
  );
  finishInPlace(run.out, 'signs', {
    version: VERSION,
    command: run.command,
    shard: { index: shard.index, count: shard.count },
    prior: { file: run.prior, sha256: run.priorHash },
    levers: run.levers,
  });
}

/** Refuses, before anything is written, shards that are not this study's: each a shard of this prior's text with these levers. */
export function checkSignShards(dirs: readonly string[], levers: readonly string[], priorHash: string): void {
  for (const dir of dirs) {
    const manifest = readJsonObject(
      join(dir, 'manifest.json'),
      `${dir}'s manifest.json`,
      'a shard written by compare --robustness --shard',
    );
    const ran = manifest.levers as unknown;
    const hash = (manifest.prior as { sha256?: unknown } | undefined)?.sha256;
    const why =
      manifest.shard === undefined
        ? 'no shard in its manifest'
        : JSON.stringify(ran) !== JSON.stringify(levers)
          ? `levers ${JSON.stringify(ran)}`
          : hash !== priorHash
            ? 'a shard of another text of the prior (SHA-256 differs)'
            : undefined;
    if (why)
      throw new EntenteError('merge.mismatch', 'not a shard of this study', {
        where: { file: dir },
        expected: `a shard written by compare --robustness --shard K/N over this prior with the levers ${levers.join(', ')}`,
        found: why,
      });
  }
}

/** Each arm of `dirs` (the shards' outputs, checked by checkSignShards) merged into `out`'s arms/. */
export async function mergeSignShards(dirs: readonly string[], out: string, levers: readonly string[], command: string): Promise<void> {
  for (const lever of [undefined, ...levers])
    await mergeShards(
      dirs.map((dir) => armDir(dir, lever)),
      armDir(out, lever),
      { command, version: VERSION },
    );
}
