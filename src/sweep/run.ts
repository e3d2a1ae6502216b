/**
 * Running a sweep into a directory that survives interruption:
 *   sweep.json   what this directory is (sweep hash, seed, shard): written first
 *   points.csv   the design's table: written before the first run
 *   chunks/      one file per finished chunk, each written atomically
 *   runs.csv, failures.csv, manifest.json: assembled in chunk order at the end (assemble.ts)
 * `--resume` (after Ctrl-C, kill -9 or a crash) runs only chunks without a
 * file, so the assembled runs.csv equals an uninterrupted sweep's.
 */
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import type { Piscina } from 'piscina';
import { EntenteError, ExitStatus } from '../errors.js';
import { type ChunkDone, type ChunkTask, pointsContext, type SweepContext } from '../experiments/chunk.js';
import { chunkDone, dropChunk, removeTmpLitter } from '../experiments/chunkFiles.js';
import type { OutputFormat } from '../experiments/columns.js';
import type { Value } from '../experiments/designs/design.js';
import { type LoadedSweep, sweepRecord } from '../experiments/loadSweep.js';
import { PER_TICK_OUTPUTS, type PerTickOutput, sweepFileNames } from '../experiments/outputs.js';
import { chunkPoints, type Shard, shardChunks } from '../experiments/plan.js';
import { workerPool } from '../experiments/pool.js';
import { type Progress, progress } from '../experiments/progress.js';
import { checkWorkerMemory, sweepRunBytes, workerHeapMb } from '../experiments/sweepEstimate.js';
import { writeAtomic } from '../io/atomicFile.js';
import { recordFiles } from '../io/fileRecord.js';
import { makeDirs } from '../io/makeDirs.js';
import { finishInPlace, startInPlace } from '../io/outputDir.js';
import { readJsonObject } from '../io/ownership.js';
import { fromSystemError, fromSystemFault } from '../io/systemError.js';
import { scenarioFacts } from '../scenario/labels.js';
import { assembleSweep } from './assemble.js';
import { headerLine, pointsColumns } from './columns.js';

export interface SweepOptions {
  readonly out: string;
  readonly workers: number;
  readonly shard: Shard | undefined;
  readonly resume: boolean;
  readonly quiet: boolean;
  readonly command: string;
  readonly version: string;
  /** What the directory becomes (default sweep; sensitivity runs its sweep in its own directory). */
  readonly kind?: 'sweep' | 'sensitivity';
  /** Replace another kind of entente output, or start an unfinished sweep over. */
  readonly force?: boolean;
  /** runs.csv and the per-tick files as CSV (default) or Parquet (sweep/toParquet.ts). */
  readonly format?: OutputFormat;
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
    points: loaded.pointCount,
    replications: loaded.replications,
    chunkPoints: chunkPoints(loaded.replications, sweepRunBytes(loaded.config, perTickOutputs(loaded))),
    perTick: perTickOutputs(loaded),
    shard: shard ?? null,
  };
}

/**
 * Claim the directory (io/ownership.ts's rule) and say what it holds: nothing
 * yet, or an earlier start of this very sweep to continue. A finished sweep
 * resumed has nothing left to run: its manifest is returned.
 */
function prepareDir(out: string, id: SweepIdentity, opts: SweepOptions): Record<string, unknown> | undefined {
  const kind = opts.kind ?? 'sweep';
  const claim = startInPlace(
    out,
    kind,
    { resume: opts.resume, force: opts.force === true },
    { command: opts.command, version: opts.version },
  );
  const idFile = join(out, 'sweep.json');
  const remedy = '--force to start the sweep over, or another --out';
  if (claim === 'resume' && existsSync(idFile)) {
    const previous = readJsonObject(idFile, 'sweep.json', remedy);
    if (JSON.stringify(previous) !== JSON.stringify(id)) {
      throw new EntenteError(
        'sweep.resumeMismatch',
        'cannot resume: the directory holds another sweep (different file, scenario, seed or shard)',
        { where: { file: out }, expected: `the same sweep, or ${remedy}`, found: JSON.stringify(previous) },
      );
    }
    const manifest = readJsonObject(join(out, 'manifest.json'), 'manifest.json', remedy);
    if (manifest.complete === true) return manifest;
  } else {
    writeAtomic(idFile, `${JSON.stringify(id, null, 2)}\n`);
  }
  try {
    makeDirs(join(out, 'chunks'));
    removeTmpLitter(out);
  } catch (err) {
    throw fromSystemError(err, out);
  }
  return undefined;
}

/** Heap (MB) each worker of a sweep needs; refuses when `workers` of them exceed the memory limit. */
function sweepWorkerHeap(loaded: LoadedSweep, workers: number): number {
  const perTick = perTickOutputs(loaded);
  const per = chunkPoints(loaded.replications, sweepRunBytes(loaded.config, perTick));
  const heapMb = workerHeapMb(loaded.config, Math.min(per, loaded.pointCount) * loaded.replications, perTick);
  checkWorkerMemory(workers, heapMb, loaded.config.n);
  return heapMb;
}

export type SweepPool = Piscina<ChunkTask & { readonly out: string }, ChunkDone>;

/**
 * A worker pool for a sweep's scenario. runSweep makes its own; a caller that
 * runs several sweeps of one scenario (the arms of a comparison) can make one
 * and pass it to each, so workers start and warm up once.
 */
export function sweepPool(loaded: LoadedSweep, workers: number): SweepPool {
  const perTick = perTickOutputs(loaded);
  const context: SweepContext = { ...pointsContext(loaded), perTick };
  return workerPool<ChunkTask & { readonly out: string }, ChunkDone>('sweep/worker.js', workers, context, sweepWorkerHeap(loaded, workers));
}

/** What several sweeps of one scenario can share: warm workers, and one progress bar for all of them. */
export interface Shared {
  readonly pool: SweepPool;
  readonly progress: Progress;
}

/** The design's points cut into chunks of `per`, for chunks [first, end) that are `wanted`; the rest are skipped. */
function* chunksOf(
  points: Iterable<Value[]>,
  per: number,
  first: number,
  end: number,
  wanted: ReadonlySet<number>,
): Generator<[number, Value[][]]> {
  let c = 0;
  let inChunk = 0;
  let rows: Value[][] = [];
  for (const row of points) {
    if (c >= end) return;
    if (c >= first && wanted.has(c)) rows.push(row);
    if (++inChunk === per) {
      if (rows.length > 0) yield [c, rows];
      rows = [];
      inChunk = 0;
      c++;
    }
  }
  if (rows.length > 0) yield [c, rows];
}

/**
 * Run each chunk as it comes, at most `limit` at once: the design streams, so
 * a 10⁸-point sweep holds a few chunks' points, not all of them. Chunks start
 * in order; the first failure stops new ones and is thrown once those running end.
 */
async function dispatch(chunks: Iterable<[number, Value[][]]>, run: (c: number, points: Value[][]) => Promise<void>, limit: number) {
  const running = new Set<Promise<void>>();
  let failure: { error: unknown } | undefined;
  for (const [c, points] of chunks) {
    const task: Promise<void> = run(c, points).then(
      () => {
        running.delete(task);
      },
      (error: unknown) => {
        failure ??= { error };
        running.delete(task);
      },
    );
    running.add(task);
    if (running.size >= limit) await Promise.race(running);
    if (failure) break;
  }
  await Promise.all(running);
  if (failure) throw failure.error;
}

/** points.csv as it is written: its header, then rows 10,000 at a time as csv-stringify writes them (`point`, each value as text). */
function* pointsText(header: string, points: Iterable<Value[]>): Generator<string> {
  yield header;
  let i = 0;
  let batch: string[][] = [];
  for (const row of points) {
    batch.push([String(i++), ...row.map(String)]);
    if (batch.length === 10_000) {
      yield stringify(batch);
      batch = [];
    }
  }
  if (batch.length > 0) yield stringify(batch);
}

export async function runSweep(loaded: LoadedSweep, opts: SweepOptions, shared?: Shared): Promise<SweepResult> {
  const started = Date.now();
  const id = identity(loaded, opts.shard);
  const paths = loaded.parameters.map((p) => p.path);
  const per = id.chunkPoints;
  const chunks = Math.ceil(loaded.pointCount / per);
  const { first, end } = shardChunks(chunks, opts.shard);
  if (!shared) sweepWorkerHeap(loaded, opts.workers); // refuse before anything is written
  const finished = prepareDir(opts.out, id, opts);
  if (finished) {
    const runs = Number(finished.runs);
    const failures = Number(finished.failures);
    return { runs, failures, chunksRun: 0, chunksResumed: end - first, seconds: (Date.now() - started) / 1000 };
  }
  const pointsFile = join(opts.out, 'points.csv');
  if (!existsSync(pointsFile)) writeAtomic(pointsFile, pointsText(headerLine(pointsColumns(paths)), loaded.streamPoints()));

  const pending: number[] = [];
  for (let c = first; c < end; c++) {
    if (chunkDone(opts.out, c)) continue;
    dropChunk(opts.out, c); // whatever an unfinished attempt left
    pending.push(c);
  }
  const runsIn = (c: number) => (Math.min(loaded.pointCount, (c + 1) * per) - c * per) * loaded.replications;
  const total = Array.from({ length: end - first }, (_, i) => runsIn(first + i)).reduce((a, b) => a + b, 0);
  const resumed = total - pending.reduce((a, c) => a + runsIn(c), 0);
  const bar = shared?.progress ?? progress(total, resumed, { quiet: opts.quiet });
  if (shared) bar.add(resumed); // a shared bar counts every sweep's runs, resumed ones as done

  const pool = shared?.pool ?? sweepPool(loaded, opts.workers);
  const lever = loaded.sweep.lever;
  const run = async (c: number, points: Value[][]) => {
    // The worker writes the chunk's files (experiments/chunkFiles.ts writeChunk), their record last.
    const task = { chunk: c, lever, first: c * per, points, out: opts.out };
    const done = await pool.run(task).catch((err: unknown) => {
      if ((err as { code?: unknown }).code !== 'ERR_WORKER_OUT_OF_MEMORY') throw err;
      throw new EntenteError('sweep.workerMemory', `a worker ran out of its heap on chunk ${c} (the estimate was too low)`, {
        where: { file: opts.out },
        expected: 'fewer per-tick outputs, or please report it; --resume continues after the chunks already done',
        exitStatus: ExitStatus.internal,
      });
    });
    if (done.ioError) throw fromSystemFault(done.ioError);
    bar.add(runsIn(c));
  };
  try {
    await dispatch(chunksOf(loaded.streamPoints(), per, first, end, new Set(pending)), run, 4 * opts.workers);
  } finally {
    if (!shared) await pool.destroy();
  }
  if (!shared) bar.done();

  const range = Array.from({ length: end - first }, (_, i) => first + i);
  const failures = await assembleSweep(opts.out, paths, id.perTick, range, opts.format);
  const files = await recordFiles(opts.out, sweepFileNames(id.perTick, opts.format));
  const seconds = (Date.now() - started) / 1000;
  finishInPlace(opts.out, opts.kind ?? 'sweep', {
    version: opts.version,
    command: opts.command,
    sweep: sweepRecord(loaded),
    ...scenarioFacts(loaded.scenarioFile, loaded.scenarioSource.hash, loaded.scenario),
    identity: id,
    seedDerivation: 'runSeed = first 52 bits of sha256("entente/<seed>/<point>/<replication>")',
    runs: total - failures,
    failures,
    format: opts.format ?? 'csv',
    workers: opts.workers,
    chunksRun: pending.length,
    chunksResumed: end - first - pending.length,
    timings: { seconds },
    files,
  });
  rmSync(join(opts.out, 'chunks'), { recursive: true, force: true }); // after the manifest: a kill between leaves a finished sweep
  return { runs: total - failures, failures, chunksRun: pending.length, chunksResumed: end - first - pending.length, seconds };
}
