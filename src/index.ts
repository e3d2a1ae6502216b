/**
 * entente as a library, for studies scripted in Node (docs/library.md):
 *
 *   import { loadScenario, run, compare } from 'entente';
 *   const scenario = loadScenario('scenarios/china-russia-2022.yaml', { replications: 10 });
 *   const { pairs } = run(scenario);
 *   const effects = compare(scenario, { levers: ['coerciveWedge'] });
 *
 * The same code the commands run, so the numbers are the command's: `run` gives the rows of
 * `entente run`'s pairs.csv (same seeds, same values, unrounded), `compare` the effects of
 * `entente compare --no-posterior` (levers.csv). Nothing is written to disk. Errors in the input
 * are EntenteError, with the file, field and what was expected.
 */
import { compareLevers, type LeverEffect } from './compare/compare.js';
import { collectTick } from './experiments/collect.js';
import type { Cell } from './io/csvFile.js';
import type { ModelConfig } from './model/config.js';
import { deriveSeed, makeRandom } from './model/rng.js';
import { simulate } from './model/simulate.js';
import { createState } from './model/state.js';
import { type LoadedScenario, type LoadOptions, loadScenario as load } from './scenario/load.js';

export { EntenteError } from './errors.js';
export type { LeverEffect, LoadedScenario, LoadOptions };

/** A scenario file, validated and resolved (its lever and `set` overrides applied): what `run` and `compare` take. */
export function loadScenario(file: string, options: LoadOptions = {}): LoadedScenario {
  return load(file, options);
}

/** One row of pairs.csv: a pair of actors at the end of one tick of one replication. */
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
}

export interface RunOptions {
  /** Called with each row as it is made, instead of keeping them: for runs too large to hold. */
  readonly onPair?: (row: PairRow) => void;
}

export interface RunResult {
  /** Each replication's seed, deriveSeed(seed, 0, r), as `entente run` records them. */
  readonly seeds: readonly number[];
  /** Every pair at every tick of every replication (empty when `onPair` took them). */
  readonly pairs: readonly PairRow[];
}

/** The scenario's replications, as `entente run` runs them. */
export function run(scenario: LoadedScenario, options: RunOptions = {}): RunResult {
  const cfg: ModelConfig = scenario.config;
  const state = createState(cfg);
  const pairs: PairRow[] = [];
  const emit = options.onPair ?? ((row: PairRow) => pairs.push(row));
  // pairs.csv's own collector (experiments/collect.ts), so the rows are the command's by construction.
  const sinks = {
    pairs: (row: readonly Cell[]) => {
      const [replication, seed, tick, a, b, depth, rhetoric, tradeUsdBn, channel, divergence] = row as PairCells;
      emit({ replication, seed, tick, a, b, depth, rhetoric, tradeUsdBn, channel, divergence });
    },
  };
  const seeds: number[] = [];
  for (let r = 0; r < scenario.replications; r++) {
    const seed = deriveSeed(scenario.seed, 0, r);
    seeds.push(seed);
    simulate(cfg, state, makeRandom(seed), { tick: (t, s) => collectTick(cfg, s, t, r, seed, sinks) });
  }
  return { seeds, pairs };
}

/** A pairs.csv row as collectTick makes it (COLUMNS.pairs' order). */
type PairCells = [number, number, number, string, string, number, number, number, number, number];

export interface CompareOptions {
  /** Lever names (default: every lever of the scenario). */
  readonly levers?: readonly string[];
  /** A change in final depth smaller than this is negligible (default 0.005, as the command's). */
  readonly minEffect?: number;
}

/**
 * Each lever against the baseline on common random numbers, over the scenario's replications:
 * the paired change in each pair's final depth, its 95% bootstrap interval and verdict
 * (`entente compare --no-posterior`; the posterior comparison is the command's).
 */
export function compare(scenario: LoadedScenario, options: CompareOptions = {}): LeverEffect[] {
  return compareLevers(
    scenario,
    {
      levers: options.levers ?? Object.keys(scenario.spec.levers ?? {}),
      replications: scenario.replications,
      seed: scenario.seed,
      minEffect: options.minEffect ?? 0.005,
    },
    () => {},
  );
}
