/**
 * Every per-run outcome, declared here: each pair's summary of a run (summary.csv's and a sweep's
 * runs.csv's columns, RUN_OUTCOMES) and what a comparison of levers reads of each run
 * (RunOutcome: compare, the posterior, the explore page). Gathered tick by tick, from the state.
 */
import type { ModelConfig } from '../model/config.js';
import { pairDepth, pairDepths } from '../model/depth.js';
import { D } from '../model/domains.js';
import { updateCosts } from '../model/social.js';
import type { ModelState } from '../model/state.js';

/** Per-replication summary of each pair: final and time-mean depth and rhetoric. */
export class PairSummary {
  readonly depthFinal: Float64Array;
  readonly depthSum: Float64Array;
  readonly rhetoricFinal: Float64Array;
  readonly rhetoricSum: Float64Array;
  ticks = 0;
  constructor(P: number) {
    this.depthFinal = new Float64Array(P);
    this.depthSum = new Float64Array(P);
    this.rhetoricFinal = new Float64Array(P);
    this.rhetoricSum = new Float64Array(P);
  }
  reset(): void {
    this.depthSum.fill(0);
    this.rhetoricSum.fill(0);
    this.ticks = 0;
  }
  add(cfg: ModelConfig, s: ModelState): void {
    const { depthFinal, depthSum, rhetoricFinal, rhetoricSum } = this;
    const rhetoric = s.rhetoric;
    pairDepths(cfg, s.commitment, depthFinal);
    for (let p = 0; p < cfg.P; p++) {
      depthSum[p] += depthFinal[p];
      rhetoricFinal[p] = rhetoric[p];
      rhetoricSum[p] += rhetoric[p];
    }
    this.ticks++;
  }
}

/**
 * Each pair's outcomes of one run, declared once, name → value of its summary: summary.csv's and a
 * sweep's runs.csv's columns, in this order, and their cells.
 */
export const RUN_OUTCOMES: readonly { readonly column: string; value(summary: PairSummary, p: number): number }[] = [
  { column: 'depth_final', value: (x, p) => x.depthFinal[p] },
  { column: 'depth_mean', value: (x, p) => x.depthSum[p] / x.ticks },
  { column: 'rhetoric_final', value: (x, p) => x.rhetoricFinal[p] },
  { column: 'rhetoric_mean', value: (x, p) => x.rhetoricSum[p] / x.ticks },
];

/** Pair p's outcomes of the run `summary` gathered, in RUN_OUTCOMES' order. */
export const runOutcomes = (summary: PairSummary, p: number): number[] => RUN_OUTCOMES.map((o) => o.value(summary, p));

/** Outcomes of one run that a comparison needs. */
export interface RunOutcome {
  readonly depthFinal: Float64Array;
  readonly depthMean: Float64Array;
  /** The highest depth in any month of the run. */
  readonly depthPeak: Float64Array;
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
    depthPeak: new Float64Array(cfg.P).fill(Number.NEGATIVE_INFINITY),
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
      for (let p = 0; p < cfg.P; p++) {
        const depth = pairDepth(cfg, s.commitment, p);
        out.depthMean[p] += depth / cfg.ticks;
        if (depth > out.depthPeak[p]) out.depthPeak[p] = depth;
      }
      for (let i = 0; i < cfg.n; i++) {
        out.costMean[i] += s.costBorne[i] / cfg.ticks;
        out.welfareMean[i] += (s.welfare?.[i] ?? 0) / cfg.ticks;
      }
    },
    finish: (state) => {
      for (let p = 0; p < cfg.P; p++) {
        out.depthFinal[p] = pairDepth(cfg, state.commitment, p);
        out.rhetoricFinal[p] = state.rhetoric[p];
        const ab = cfg.pairAB[p] * D;
        const ba = cfg.pairBA[p] * D;
        for (let d = 0; d < D; d++) out.mutualFinal[p * D + d] = Math.min(state.commitment[ab + d], state.commitment[ba + d]);
      }
      return out;
    },
  };
}
