/**
 * Running a sweep into a directory that survives interruption:
 *   sweep.json   what this directory is (sweep hash, seed, shard): written first
 *   points.csv   the design's table: written before the first run
 *   chunks/      one file per finished chunk, each written atomically
 *   runs.csv, failures.csv, manifest.json: assembled in chunk order at the end
 * `--resume` (after Ctrl-C, kill -9 or a crash) runs only chunks without a
 * file, so the assembled runs.csv equals an uninterrupted sweep's.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import type { Piscina } from 'piscina';
import { EntenteError } from '../errors.js';
import { writeJson } from '../io/outputDir.js';
import { workerPool } from '../io/pool.js';
import { type ChunkDone, type ChunkTask, pointsContext, type SweepContext } from './chunk.js';
import { failuresColumns, headerLine, perTickColumns, pointsColumns, runsColumns } from './columns.js';
import { chunkFile, concatAtomic, writeAtomic } from './files.js';
import type { LoadedSweep } from './load.js';
import { chunkPoints, type Shard, shardChunks } from './plan.js';
import { type Progress, progress } from './progress.js';
import { PER_TICK_OUTPUTS, type PerTickOutput } from './schema.js';

export interface SweepOptions {
  readonly out: string;
  readonly workers: number;
  readonly shard: Shard | undefined;
  readonly resume: boolean;
  readonly quiet: boolean;
  readonly command: string;
  readonly version: string;
}

export interface SweepResult {
  readonly runs: number;
  readonly failures: number;
  readonly chunksRun: number;
  readonly chunksResumed: number;
  readonly seconds: number;
}

export interface SweepIdentity {
  readonly kind: 'entente-sweep';
  readonly hash: string;
  readonly seed: number;
  readonly lever: string | null;
  readonly points: number;
  readonly replications: number;
  readonly chunkPoints: number;
  readonly perTick: readonly PerTickOutput[];
  readonly shard: Shard | null;
}

/** The per-tick files a sweep keeps, in a fixed order. */
export function perTickOutputs(loaded: LoadedSweep): PerTickOutput[] {
  return PER_TICK_OUTPUTS.filter((name) => loaded.sweep.outputs?.[name] === true);
}

function identity(loaded: LoadedSweep, shard: Shard | undefined): SweepIdentity {
  return {
    kind: 'entente-sweep',
    hash: loaded.hash,
    seed: loaded.seed,
    lever: loaded.sweep.lever ?? null,
    points: loaded.points.length,
    replications: loaded.replications,
    chunkPoints: chunkPoints(loaded.replications, perTickOutputs(loaded).length > 0),
    perTick: perTickOutputs(loaded),
    shard: shard ?? null,
  };
}

function prepareDir(out: string, id: SweepIdentity, resume: boolean): void {
  const idFile = join(out, 'sweep.json');
  if (existsSync(out) && readdirSync(out).length > 0) {
    if (!resume) {
      throw new EntenteError('sweep.outExists', 'output directory is not empty', {
        where: { file: out },
        expected: 'a new or empty directory, or --resume to continue the sweep in it',
      });
    }
    const previous = existsSync(idFile) ? (JSON.parse(readFileSync(idFile, 'utf8')) as SweepIdentity) : undefined;
    if (!previous || JSON.stringify(previous) !== JSON.stringify(id)) {
      throw new EntenteError(
        'sweep.resumeMismatch',
        'cannot resume: the directory holds another sweep (different file, scenario, seed or shard)',
        {
          where: { file: out },
          expected: JSON.stringify(id),
          found: previous ? JSON.stringify(previous) : 'no sweep.json',
        },
      );
    }
    return;
  }
  mkdirSync(join(out, 'chunks'), { recursive: true });
  writeAtomic(idFile, `${JSON.stringify(id, null, 2)}\n`);
}

export type SweepPool = Piscina<ChunkTask & { readonly out: string }, ChunkDone>;

/**
 * A worker pool for a sweep's scenario. runSweep makes its own; a caller that
 * runs several sweeps of one scenario (the arms of a comparison) can make one
 * and pass it to each, so workers start and warm up once.
 */
export function sweepPool(loaded: LoadedSweep, workers: number): SweepPool {
  const context: SweepContext = { ...pointsContext(loaded), perTick: perTickOutputs(loaded) };
  return workerPool<ChunkTask & { readonly out: string }, ChunkDone>('sweep/worker.js', workers, context);
}

/** What several sweeps of one scenario can share: warm workers, and one progress bar for all of them. */
export interface Shared {
  readonly pool: SweepPool;
  readonly progress: Progress;
}

export async function runSweep(loaded: LoadedSweep, opts: SweepOptions, shared?: Shared): Promise<SweepResult> {
  const started = Date.now();
  const id = identity(loaded, opts.shard);
  const paths = loaded.parameters.map((p) => p.path);
  const per = id.chunkPoints;
  const chunks = Math.ceil(loaded.points.length / per);
  const { first, end } = shardChunks(chunks, opts.shard);
  prepareDir(opts.out, id, opts.resume);
  mkdirSync(join(opts.out, 'chunks'), { recursive: true });
  const pointsFile = join(opts.out, 'points.csv');
  if (!existsSync(pointsFile)) {
    writeAtomic(pointsFile, headerLine(pointsColumns(paths)) + stringify(loaded.points.map((row, i) => [i, ...row.map(String)])));
  }

  const pending: number[] = [];
  for (let c = first; c < end; c++) if (!existsSync(chunkFile(opts.out, c, 'runs'))) pending.push(c);
  const runsIn = (c: number) => (Math.min(loaded.points.length, (c + 1) * per) - c * per) * loaded.replications;
  const total = Array.from({ length: end - first }, (_, i) => runsIn(first + i)).reduce((a, b) => a + b, 0);
  const resumed = total - pending.reduce((a, c) => a + runsIn(c), 0);
  const bar = shared?.progress ?? progress(total, resumed, { quiet: opts.quiet });
  if (shared) bar.add(resumed); // a shared bar counts every sweep's runs, resumed ones as done

  const pool = shared?.pool ?? sweepPool(loaded, opts.workers);
  const lever = loaded.sweep.lever;
  try {
    await Promise.all(
      pending.map(async (c) => {
        // The worker writes the chunk's files (sweep/files.ts writeChunk), its runs file last.
        await pool.run({ chunk: c, lever, first: c * per, points: loaded.points.slice(c * per, (c + 1) * per), out: opts.out });
        bar.add(runsIn(c));
      }),
    );
  } finally {
    if (!shared) await pool.destroy();
  }
  if (!shared) bar.done();

  const range = Array.from({ length: end - first }, (_, i) => first + i);
  const failureParts = range.map((c) => chunkFile(opts.out, c, 'failures')).filter((f) => existsSync(f));
  const failures = failureParts.reduce((n, f) => n + readFileSync(f, 'utf8').split('\n').length - 1, 0);
  await concatAtomic(
    join(opts.out, 'runs.csv'),
    headerLine(runsColumns(paths)),
    range.map((c) => chunkFile(opts.out, c, 'runs')),
  );
  await concatAtomic(join(opts.out, 'failures.csv'), headerLine(failuresColumns(paths)), failureParts);
  for (const name of id.perTick) {
    await concatAtomic(
      join(opts.out, `${name}.csv`),
      headerLine(perTickColumns(name)),
      range.map((c) => chunkFile(opts.out, c, name)),
    );
  }
  rmSync(join(opts.out, 'chunks'), { recursive: true, force: true });
  const seconds = (Date.now() - started) / 1000;
  writeJson(join(opts.out, 'manifest.json'), {
    tool: 'entente',
    version: opts.version,
    command: opts.command,
    sweep: { file: loaded.source.file, sha256: loaded.source.hash, design: loaded.sweep.design, parameters: paths },
    scenario: { file: loaded.scenarioFile, sha256: loaded.scenarioSource.hash },
    identity: id,
    seedDerivation: 'runSeed = first 52 bits of sha256("entente/<seed>/<point>/<replication>")',
    runs: total - failures,
    failures,
    workers: opts.workers,
    chunksRun: pending.length,
    chunksResumed: end - first - pending.length,
    timings: { seconds },
  });
  return { runs: total - failures, failures, chunksRun: pending.length, chunksResumed: end - first - pending.length, seconds };
}
