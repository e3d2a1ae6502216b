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
import { type PairRow, pairRows, type RunOptions, type RunResult } from './experiments/pairRows.js';
import { type LoadedScenario, type LoadOptions, loadScenario as load } from './scenario/load.js';

export { EntenteError } from './errors.js';
export type { LeverEffect, LoadedScenario, LoadOptions };

/** A scenario file, validated and resolved (its lever and `set` overrides applied): what `run` and `compare` take. */
export function loadScenario(file: string, options: LoadOptions = {}): LoadedScenario {
  return load(file, options);
}

/** One row of pairs.csv: a pair of actors at the end of one tick of one replication. */
export type { PairRow, RunOptions, RunResult };

/** Every pair at every tick of every replication: the rows of `entente run`'s pairs.csv. */
export function run(scenario: LoadedScenario, options: RunOptions = {}): RunResult {
  return pairRows(scenario, options);
}

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
