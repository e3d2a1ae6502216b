/**
 * Running one chunk of a sweep's points: every replication of each point,
 * one summary row per pair. Pure: the same task gives the same text whatever
 * thread runs it, which is why runs.csv does not depend on the worker count.
 * Parameter values are written at full precision (so `--set PATH=VALUE` with
 * them reproduces a run exactly); outcomes with 7 significant digits.
 */
import { stringify } from 'csv-stringify/sync';
import { CsvEncoder } from '../io/csvEncoder.js';
import { formatNumber } from '../io/csvFile.js';
import { plainRecordTexts, recordText } from '../io/csvText.js';
import type { SystemError } from '../io/systemError.js';
import { type ModelState, stateFor } from '../model/state.js';
import { prepare } from '../scenario/load.js';
import type { ScenarioFile } from '../scenario/schema.js';
import type { Source } from '../scenario/source.js';
import { collectTick, eventRow, type Sinks } from './collect.js';
import type { Value } from './designs/design.js';
import type { LoadedSweep } from './loadSweep.js';
import { PairSummary, runOutcomes } from './outcomes.js';
import { type RunObserver, replicationsOf, runReplications } from './runner.js';
import type { PerTickOutput } from './sweepSchema.js';

/**
 * What every worker is given once: the scenario already parsed and validated.
 * The lever travels with each task, so one pool of warm workers can run every
 * arm of a comparison (compare/robustness.ts).
 */
export interface SweepContext {
  readonly scenarioFile: string;
  readonly scenario: ScenarioFile;
  readonly paths: readonly string[];
  readonly seed: number;
  readonly replications: number;
  /** Per-tick files to keep besides runs.csv. */
  readonly perTick: readonly PerTickOutput[];
}

/** What every point of a sweep file shares: the scenario, the parameter paths, seed and replications. */
export function pointsContext(loaded: LoadedSweep): Omit<SweepContext, 'perTick'> {
  return {
    scenarioFile: loaded.scenarioFile,
    scenario: loaded.scenario,
    paths: loaded.parameters.map((p) => p.path),
    seed: loaded.seed,
    replications: loaded.replications,
  };
}

export interface ChunkTask {
  readonly chunk: number;
  readonly lever: string | undefined;
  /** Index of the chunk's first point. */
  readonly first: number;
  readonly points: readonly (readonly Value[])[];
}

export interface ChunkResult {
  readonly chunk: number;
  readonly runs: string;
  readonly failures: string;
  /** CSV text (no header) of each per-tick file kept. */
  readonly perTick: Partial<Record<PerTickOutput, string>>;
  readonly runCount: number;
  readonly failureCount: number;
}

/** What a worker reports once it has written a chunk's files (sweep/worker.ts). */
export type ChunkDone = Pick<ChunkResult, 'chunk' | 'runCount' | 'failureCount'> & {
  /** A file-system failure writing the chunk (errors lose their fields crossing threads, so it travels as data). */
  readonly ioError?: SystemError;
};

const cast = { number: formatNumber };

/** Per-tick rows held as arrays before they become text. */
const PER_TICK_BATCH = 4096;

export function runChunk(ctx: SweepContext, task: ChunkTask): ChunkResult {
  const source: Source = { file: ctx.scenarioFile, data: ctx.scenario, hash: '', locate: () => undefined };
  const runs: string[] = []; // each run's rows as CSV text (io/csvText.ts)
  const failures: (string | number)[][] = [];
  const perTick = new Map(ctx.perTick.map((name) => [name, [] as (string | number)[][]]));
  // Per-tick rows become text in batches (and when a run ends), so a chunk holds its text, not every row
  // as an array: a 200-actor run's pair rows take about twenty times more memory as arrays than as text.
  // The encoder writes the bytes csv-stringify writes (io/csvEncoder.ts), in batches as for all rows at once.
  const perTickText = new Map(ctx.perTick.map((name) => [name, [] as string[]]));
  const runText = new Map(ctx.perTick.map((name) => [name, [] as string[]])); // the run in progress: dropped if it fails
  const encoder = new CsvEncoder();
  const toText = (name: PerTickOutput, rows: (string | number)[][]) => {
    if (rows.length === 0) return;
    for (const row of rows) encoder.row(row);
    runText.get(name)?.push(encoder.takeText());
    rows.length = 0;
  };
  const endRun = (kept: boolean) => {
    for (const [name, rows] of perTick) {
      if (kept) toText(name, rows);
      rows.length = 0;
      const text = runText.get(name) as string[];
      if (kept) perTickText.get(name)?.push(...text);
      text.length = 0;
    }
  };
  const pairTextOf = new Map<string, Map<string, string>>(); // a pair's ids as CSV, the same at every point
  const pairText = (a: string, b: string): string => {
    let byB = pairTextOf.get(a);
    if (!byB) {
      byB = new Map();
      pairTextOf.set(a, byB);
    }
    let text = byB.get(b);
    if (text === undefined) {
      text = recordText([a, b]);
      byB.set(b, text);
    }
    return text;
  };
  let state: ModelState | undefined; // shared by the chunk's points where their shapes agree
  task.points.forEach((values, i) => {
    const point = task.first + i;
    const shown = values.map((v) => String(v));
    let config: ReturnType<typeof prepare>['config'];
    try {
      // Values were checked against the scenario when the sweep was loaded (experiments/loadSweep.ts).
      config = prepare(source, ctx.scenario, {
        lever: task.lever,
        set: ctx.paths.map((p, j) => `${p}=${shown[j]}`),
        trustedOverrides: true,
      }).config;
    } catch (err) {
      for (const run of replicationsOf({ seed: ctx.seed, point, replications: ctx.replications }))
        failures.push([point, run.r, String(run.seed), ...shown, (err as Error).message]);
      return;
    }
    state = stateFor(config, state, { welfare: ctx.perTick.includes('actors') });
    const summary = new PairSummary(config.P);
    const ids = config.actorIds;
    const shownText = shown.length > 0 ? `,${recordText(shown)}` : '';
    const pairTexts = Array.from({ length: config.P }, (_, p) => pairText(ids[config.pairA[p]] as string, ids[config.pairB[p]] as string));
    // One observer per point, reading the replication it is in: nothing is allocated per run but the run's rows.
    let r = 0;
    let seed = 0;
    const sink = (name: PerTickOutput) => {
      const rows = perTick.get(name);
      return rows
        ? (row: readonly (string | number)[]) => {
            if (rows.push([point, ...row]) >= PER_TICK_BATCH) toText(name, rows);
          }
        : undefined;
    };
    const sinks: Sinks = Object.fromEntries((['ties', 'pairs', 'actors'] as const).map((n) => [n, sink(n)]).filter(([, f]) => f));
    const collect = Object.keys(sinks).length > 0;
    const events = sink('events');
    // What varies by run, as records for one csv-stringify call per point: [point, replication, seed], then P outcome records.
    const records: (number | string)[][] = [];
    const observer: RunObserver = {
      begin: (run) => {
        ({ r, seed } = run);
        summary.reset();
      },
      tick: (t, s) => {
        summary.add(config, s);
        if (collect) collectTick(config, s, t, r, seed, sinks);
      },
      ...(events ? { event: (t: number, q: number, e: Parameters<typeof eventRow>[3]) => events(eventRow(config, t, q, e, r, seed)) } : {}),
      end: () => {
        endRun(true);
        records.push([point, r, String(seed)]);
        for (let p = 0; p < config.P; p++) records.push(runOutcomes(summary, p));
      },
      failed: (run, err) => {
        failures.push([point, run.r, String(run.seed), ...shown, (err as Error).message]);
        endRun(false); // a failed run's rows are not kept
      },
    };
    runReplications({ config, seed: ctx.seed, point, replications: ctx.replications }, state, observer);
    // The point's parameters and pair ids were encoded once; each run's varying fields are joined to them.
    const texts = plainRecordTexts(records);
    for (let x = 0; x < texts.length; x += config.P + 1) {
      let text = '';
      for (let p = 0; p < config.P; p++) text += `${texts[x]}${shownText},${pairTexts[p]},${texts[x + 1 + p]}\n`;
      runs.push(text);
    }
  });
  return {
    chunk: task.chunk,
    runs: runs.join(''),
    failures: stringify(failures, { cast }),
    perTick: Object.fromEntries([...perTickText].map(([name, texts]) => [name, texts.join('')])),
    runCount: task.points.length * ctx.replications - failures.length,
    failureCount: failures.length,
  };
}
