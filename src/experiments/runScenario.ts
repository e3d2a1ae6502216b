/**
 * `entente run`: every replication of one scenario, rows streamed to CSV files
 * in an output directory. Replication r runs with seed deriveSeed(base, 0, r),
 * so any replication can be reproduced alone and results never depend on order.
 */

import type { FileProof } from '../io/fileRecord.js';
import type { ModelConfig } from '../model/config.js';
import { makeRandom } from '../model/rng.js';
import { simulateTicks } from '../model/simulate.js';
import { createState } from '../model/state.js';
import { collectTick, eventRow, type Sinks } from './collect.js';
import { type OutputFormat, type OutputName, outputFile, type RowFile } from './columns.js';
import { tickDate } from './dates.js';
import type { Observable } from './observables.js';
import { PairSummary, runOutcomes } from './outcomes.js';
import type { Progress } from './progress.js';
import { atPoint } from './runFailure.js';
import { replicationsOf, runPlace } from './runner.js';

export interface RunOptions {
  readonly seed: number;
  readonly replications: number;
  readonly contributions: boolean;
  /** The scenario's indicators (observables.csv, written when there are any). */
  readonly observables?: readonly Observable[];
  /** CSV (the default) or Parquet files. */
  readonly format?: OutputFormat;
  /** Told of each replication as it completes. */
  readonly progress?: Progress;
}

export interface RunResult {
  readonly runSeeds: number[];
  /** depthFinal[r * P + p], for the terminal summary. */
  readonly depthFinal: Float64Array;
  readonly rhetoricFinal: Float64Array;
  readonly rows: Partial<Record<OutputName, number>>;
  /** Each file's proof, made as it was written: its manifest's record without reading it again (io/fileRecord.ts). */
  readonly proofs: Partial<Record<OutputName, FileProof>>;
}

/** The longest `run` computes without letting the event loop turn (a signal handler waits for it). */
const TURN_MS = 50;

export async function runScenario(cfg: ModelConfig, dir: string, opts: RunOptions): Promise<RunResult> {
  const names: OutputName[] = ['ties', 'pairs', 'actors', 'summary', 'events'];
  if (opts.contributions) names.push('contributions');
  const observables = opts.observables ?? [];
  if (observables.length > 0) names.push('observables');
  const files = new Map(names.map((name) => [name, outputFile(dir, name, opts.format ?? 'csv')]));
  const file = (name: OutputName) => files.get(name) as RowFile;
  const state = createState(cfg, { contributions: opts.contributions, welfare: true });
  const summary = new PairSummary(cfg.P);
  const depthFinal = new Float64Array(opts.replications * cfg.P);
  const rhetoricFinal = new Float64Array(opts.replications * cfg.P);
  const runSeeds: number[] = [];
  const ids = cfg.actorIds;
  // Each file looked up once, not once a row.
  const [ties, pairs, actors, summaryFile, events] = [file('ties'), file('pairs'), file('actors'), file('summary'), file('events')];
  const contributions = opts.contributions ? file('contributions') : undefined;
  const observed = observables.length > 0 ? file('observables') : undefined;

  let nextTurn = performance.now() + TURN_MS;
  try {
    // The runner's replications and seeds (runner.ts), run tick by tick here so that rows reach the disk as they are made.
    for (const run of replicationsOf({ seed: opts.seed, point: 0, replications: opts.replications })) {
      const { r, seed } = run;
      runSeeds.push(seed);
      summary.reset();
      const sinks: Sinks = {
        ties: (row) => ties.write(row),
        pairs: (row) => pairs.write(row),
        actors: (row) => actors.write(row),
        ...(contributions ? { contributions: (row) => contributions.write(row) } : {}),
      };
      const ticks = simulateTicks(cfg, state, makeRandom(seed), {
        tick: (t, s) => {
          collectTick(cfg, s, t, r, seed, sinks);
          summary.add(cfg, s);
          for (const o of observables) observed?.write([r, seed, t, tickDate(cfg.start, t), o.indicator, o.value(s, t), o.unit]);
        },
        event: (t, shock, event) => events.write(eventRow(cfg, t, shock, event, r, seed)),
      });
      // Files are written as rows come (io/csvFile.ts). A turn of the event loop every 50 ms keeps Ctrl-C
      // prompt; one every tick slowed a default run measurably.
      try {
        for (const _ of ticks) {
          if (performance.now() >= nextTurn) {
            await new Promise(setImmediate);
            nextTurn = performance.now() + TURN_MS;
          }
        }
      } catch (err) {
        throw atPoint(err, runPlace({}, run));
      }
      for (let p = 0; p < cfg.P; p++) {
        summaryFile.write([r, seed, ids[cfg.pairA[p]] as string, ids[cfg.pairB[p]] as string, ...runOutcomes(summary, p)]);
        depthFinal[r * cfg.P + p] = summary.depthFinal[p];
        rhetoricFinal[r * cfg.P + p] = summary.rhetoricFinal[p];
      }
      opts.progress?.add(1);
    }
    opts.progress?.done();
  } catch (err) {
    await closeAll(files.values());
    throw err;
  }
  await closeAll(files.values());
  return {
    runSeeds,
    depthFinal,
    rhetoricFinal,
    rows: Object.fromEntries(names.map((n) => [n, file(n).rows])),
    proofs: Object.fromEntries(names.flatMap((n) => (file(n).proof ? [[n, file(n).proof]] : []))),
  };
}

/**
 * Close every file, each whatever the others do, then throw the first failure: a full disk that
 * fails one file must not leave the others open once their folder is gone.
 */
async function closeAll(files: Iterable<RowFile>): Promise<void> {
  let first: { error: unknown } | undefined;
  for (const f of files)
    await f.close().catch((error: unknown) => {
      first ??= { error };
    });
  if (first) throw first.error;
}
