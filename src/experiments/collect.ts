/**
 * Turning model state into tidy rows. A collector is handed the config and
 * state; it imports nothing that writes files (Mesa's DataCollector split).
 */

import type { Cell } from '../io/csvFile.js';
import type { ModelConfig } from '../model/config.js';
import { updateDependence } from '../model/dependence.js';
import { D, DOMAINS } from '../model/domains.js';
import { ShockEvent, type ShockEventCode } from '../model/shocks.js';
import { updateCosts } from '../model/social.js';
import { type ModelState, pairDepth, pairDepths } from '../model/state.js';
import { tickDate } from './dates.js';

/**
 * Receives each row; the array is reused for the next row (a run writes millions: allocating
 * each was a quarter of a 200-actor run's time in the garbage collector), so a sink that keeps
 * a row copies it.
 */
export type RowSink = (row: readonly Cell[]) => void;

export interface Sinks {
  readonly ties?: RowSink;
  readonly pairs?: RowSink;
  readonly actors?: RowSink;
  readonly events?: RowSink;
  readonly contributions?: RowSink;
}

const EVENT_NAMES: Record<ShockEventCode, string> = {
  [ShockEvent.started]: 'started',
  [ShockEvent.ended]: 'ended',
  [ShockEvent.withdrawn]: 'withdrawn',
};

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
      depthSum[p] = (depthSum[p] as number) + (depthFinal[p] as number);
      rhetoricFinal[p] = rhetoric[p] as number;
      rhetoricSum[p] = (rhetoricSum[p] as number) + (rhetoric[p] as number);
    }
    this.ticks++;
  }
}

export function collectTick(cfg: ModelConfig, s: ModelState, t: number, replication: number, seed: number, sinks: Sinks): void {
  const ids = cfg.actorIds;
  if (sinks.ties) {
    updateDependence(cfg, s);
    const row: Cell[] = [replication, seed, t, '', '', ...DOMAINS.map(() => 0), 0, 0];
    for (let k = 0; k < cfg.K; k++) {
      row[3] = ids[cfg.tieFrom[k] as number] as string;
      row[4] = ids[cfg.tieTo[k] as number] as string;
      for (let d = 0; d < D; d++) row[5 + d] = s.commitment[k * D + d] as number;
      row[5 + D] = s.concession[k] as number;
      row[6 + D] = s.dependence[k] as number;
      sinks.ties(row);
    }
  }
  if (sinks.pairs) {
    const row: Cell[] = [replication, seed, t, '', '', 0, 0, 0, 0, 0];
    for (let p = 0; p < cfg.P; p++) {
      row[3] = ids[cfg.pairA[p] as number] as string;
      row[4] = ids[cfg.pairB[p] as number] as string;
      row[5] = pairDepth(cfg, s.commitment, p);
      row[6] = s.rhetoric[p] as number;
      row[7] = s.trade[p] as number;
      row[8] = s.channel[p] as number;
      row[9] = s.divergence[p] as number;
      sinks.pairs(row);
    }
  }
  if (sinks.actors) {
    updateCosts(cfg, s);
    for (let i = 0; i < cfg.n; i++) {
      const welfare = s.welfare ? (s.welfare[i] as number) : '';
      sinks.actors([replication, seed, t, ids[i] as string, s.stress[i] as number, s.need[i] as number, s.costBorne[i] as number, welfare]);
    }
  }
  if (sinks.contributions && s.contributions)
    collectContributions(cfg, s.contributions, s.baseline, t, replication, seed, sinks.contributions);
}

/** η × each mechanism's term, and the baseline valuation, per tie and domain. */
function collectContributions(
  cfg: ModelConfig,
  terms: Float64Array,
  baseline: Float64Array,
  t: number,
  replication: number,
  seed: number,
  sink: RowSink,
): void {
  const ids = cfg.actorIds;
  const len = cfg.K * D;
  const eta = cfg.params.stepSize;
  for (let k = 0; k < cfg.K; k++) {
    const from = ids[cfg.tieFrom[k] as number] as string;
    const to = ids[cfg.tieTo[k] as number] as string;
    for (let d = 0; d < D; d++) {
      const x = k * D + d;
      const domain = DOMAINS[d] as string;
      sink([replication, seed, t, from, to, domain, 'baseline', eta * (baseline[x] as number)]);
      cfg.mechanisms.forEach(({ name }, m) => {
        sink([replication, seed, t, from, to, domain, name, eta * (terms[m * len + x] as number)]);
      });
    }
  }
}

export function eventRow(cfg: ModelConfig, t: number, shock: number, event: ShockEventCode, replication: number, seed: number): Cell[] {
  const sh = cfg.shocks[shock];
  return [replication, seed, t, tickDate(cfg.start, t), sh?.id ?? '', sh?.kind ?? '', EVENT_NAMES[event]];
}
