/**
 * Every pair at every tick of every replication, as pairs.csv's rows: the library's run() and
 * the explore page's engine both call this, with pairs.csv's own collector (collect.ts), so the
 * rows are `entente run`'s by construction. Nothing here touches the file system.
 */
import type { Cell } from '../io/csvFile.js';
import type { ModelConfig } from '../model/config.js';
import { createState, type ModelState } from '../model/state.js';
import type { LoadedScenario } from '../scenario/load.js';
import { collectTick } from './collect.js';
import { PAIR_REPORTERS, type PairReporter } from './reporters.js';
import { runReplications } from './runner.js';

export interface PairRow {
  readonly replication: number;
  readonly seed: number;
  readonly tick: number;
  readonly a: string;
  readonly b: string;
  /** Mutual costly commitment, cost-weighted over domains, in [0, 1]. */
  readonly depth: number;
  readonly rhetoric: number;
  /** Realised trade, USD bn at an annual rate. */
  readonly tradeUsdBn: number;
  readonly channel: number;
  readonly divergence: number;
  /** a's cost-weighted commitment toward b, Σ_d w_d c_ab,d / Σ_d w_d, in [0, 1]; depth is the common part of the two. */
  readonly commitmentAB: number;
  /** b's toward a. */
  readonly commitmentBA: number;
}

export interface RunOptions {
  /** Called with each row as it is made, instead of keeping them: for runs too large to hold. */
  readonly onPair?: (row: PairRow) => void;
  /** Called after each tick's rows with the state, to read more of it (the explore page's commitments and indicators). */
  readonly onTick?: (replication: number, tick: number, state: ModelState) => void;
  /** Called after each replication's last tick with its final state. */
  readonly onEnd?: (replication: number, state: ModelState) => void;
  /** Track welfare in the state (model/welfare.ts: observed, it moves nothing), for a comparison's outcome. */
  readonly welfare?: boolean;
}

export interface RunResult {
  /** Each replication's seed, deriveSeed(seed, 0, r), as `entente run` records them. */
  readonly seeds: readonly number[];
  /** Every pair at every tick of every replication (empty when `onPair` took them). */
  readonly pairs: readonly PairRow[];
}

/** The scenario's replications, as `entente run` runs them. */
export function pairRows(scenario: Pick<LoadedScenario, 'config' | 'seed' | 'replications'>, options: RunOptions = {}): RunResult {
  const cfg: ModelConfig = scenario.config;
  const state = createState(cfg, { welfare: options.welfare === true });
  const pairs: PairRow[] = [];
  const emit = options.onPair ?? ((row: PairRow) => pairs.push(row));
  // pairs.csv's own collector (experiments/collect.ts), so the rows are the command's by construction; each
  // value is read back by the name its reporter gives it (experiments/reporters.ts).
  const at = 5; // replication, seed, tick, a, b
  const sinks = {
    pairs: (row: readonly Cell[]) => {
      // One object a row, its fields set by name: the explore page reads every pair of every tick through here.
      const out: Record<string, Cell | undefined> = { replication: row[0], seed: row[1], tick: row[2], a: row[3], b: row[4] };
      for (let c = 0; c < PAIR_REPORTERS.length; c++) out[(PAIR_REPORTERS[c] as PairReporter).field] = row[at + c];
      emit(out as unknown as PairRow);
    },
  };
  const seeds: number[] = [];
  const onTick = options.onTick;
  let r = 0;
  let seed = 0;
  runReplications({ config: cfg, seed: scenario.seed, point: 0, replications: scenario.replications }, state, {
    begin: (run) => {
      ({ r, seed } = run);
      seeds.push(seed);
    },
    tick: onTick
      ? (t, s) => {
          collectTick(cfg, s, t, r, seed, sinks);
          onTick(r, t, s);
        }
      : (t, s) => collectTick(cfg, s, t, r, seed, sinks),
    end: (run, s) => options.onEnd?.(run.r, s),
  });
  return { seeds, pairs };
}
