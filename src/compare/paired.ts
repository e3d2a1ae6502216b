/**
 * Common random numbers: the baseline and every lever run replication r with
 * the same seed, deriveSeed(base, 0, r), so each lever's effect is a paired
 * difference per replication, free of the noise both runs share.
 */

import { type Runs, runReplications } from '../experiments/runner.js';
import type { ModelConfig } from '../model/config.js';
import { D } from '../model/domains.js';
import { deriveSeed } from '../model/rng.js';
import { updateCosts } from '../model/social.js';
import { createState, type ModelState, pairDepth } from '../model/state.js';

/** Outcomes of one run that a comparison needs. */
export interface RunOutcome {
  readonly depthFinal: Float64Array;
  readonly depthMean: Float64Array;
  readonly rhetoricFinal: Float64Array;
  /** min(c_ab,d, c_ba,d) at the last tick: [p * D + d]. */
  readonly mutualFinal: Float64Array;
  /** Time-mean costs borne per actor. */
  readonly costMean: Float64Array;
  /** Time-mean welfare per actor (model/welfare.ts). */
  readonly welfareMean: Float64Array;
}

function outcome(cfg: ModelConfig): RunOutcome {
  return {
    depthFinal: new Float64Array(cfg.P),
    depthMean: new Float64Array(cfg.P),
    rhetoricFinal: new Float64Array(cfg.P),
    mutualFinal: new Float64Array(cfg.P * D),
    costMean: new Float64Array(cfg.n),
    welfareMean: new Float64Array(cfg.n),
  };
}

/**
 * What a run's outcome gathers as it goes: `tick` after every tick, `finish` with the last state.
 * runOutcome uses it; so does the explore page, which reads the same run for its charts.
 */
export function outcomeCollector(cfg: ModelConfig): { tick(s: ModelState): void; finish(state: ModelState): RunOutcome } {
  const out = outcome(cfg);
  return {
    tick: (s) => {
      updateCosts(cfg, s);
      for (let p = 0; p < cfg.P; p++) out.depthMean[p] = (out.depthMean[p] as number) + pairDepth(cfg, s.commitment, p) / cfg.ticks;
      for (let i = 0; i < cfg.n; i++) {
        out.costMean[i] = (out.costMean[i] as number) + (s.costBorne[i] as number) / cfg.ticks;
        out.welfareMean[i] = (out.welfareMean[i] as number) + (s.welfare?.[i] ?? 0) / cfg.ticks;
      }
    },
    finish: (state) => {
      for (let p = 0; p < cfg.P; p++) {
        out.depthFinal[p] = pairDepth(cfg, state.commitment, p);
        out.rhetoricFinal[p] = state.rhetoric[p] as number;
        const ab = (cfg.pairAB[p] as number) * D;
        const ba = (cfg.pairBA[p] as number) * D;
        for (let d = 0; d < D; d++)
          out.mutualFinal[p * D + d] = Math.min(state.commitment[ab + d] as number, state.commitment[ba + d] as number);
      }
      return out;
    },
  };
}

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
