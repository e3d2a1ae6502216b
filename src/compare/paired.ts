/**
 * Common random numbers: the baseline and every lever run replication r with
 * the same seed, deriveSeed(base, 0, r), so each lever's effect is a paired
 * difference per replication, free of the noise both runs share.
 */

import { outcomeCollector, type RunOutcome } from '../experiments/outcomes.js';
import { type Runs, runReplications } from '../experiments/runner.js';
import type { ModelConfig } from '../model/config.js';
import { deriveSeed } from '../model/rng.js';
import { createState, type ModelState } from '../model/state.js';

/**
 * The outcome of each replication of `runs` (the experiment layer's loop, experiments/runner.ts).
 * `state` must track welfare (createState(cfg, { welfare: true })).
 */
export function armOutcomes(state: ModelState, runs: Runs): RunOutcome[] {
  const outcomes: RunOutcome[] = [];
  let collect = outcomeCollector(runs.config);
  runReplications(runs, state, {
    begin: () => {
      collect = outcomeCollector(runs.config);
    },
    tick: (_t, s) => collect.tick(s),
    end: (_run, s) => outcomes.push(collect.finish(s)),
  });
  return outcomes;
}

export interface Arm {
  readonly name: string;
  readonly config: ModelConfig;
}

/** Runs every arm on replications 0..n−1 with shared seeds; calls `visit` with each replication's outcomes. */
export function runPaired(
  arms: readonly Arm[],
  seed: number,
  replications: number,
  visit: (r: number, runSeed: number, outcomes: RunOutcome[]) => void,
): void {
  pairedOutcomes(arms, seed, 0, replications).forEach((outcomes, r) => {
    visit(r, deriveSeed(seed, 0, r), outcomes);
  });
}

/** Outcomes of replications first..first+count−1 for every arm, in replication order (for worker threads). */
export function pairedOutcomes(arms: readonly Arm[], seed: number, first: number, count: number): RunOutcome[][] {
  const byArm = arms.map((arm) =>
    armOutcomes(createState(arm.config, { welfare: true }), {
      config: arm.config,
      seed,
      point: 0,
      first,
      replications: count,
      place: arm.name,
    }),
  );
  return Array.from({ length: count }, (_, i) => byArm.map((outcomes) => outcomes[i] as RunOutcome));
}
