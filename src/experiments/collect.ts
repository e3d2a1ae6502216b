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
import type { ModelState } from '../model/state.js';
import { tickDate } from './dates.js';
import { ACTOR_REPORTERS, PAIR_REPORTERS, type Reporter, TIE_REPORTERS } from './reporters.js';

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

/** Each entity's row: which run and when (`head`), whose (one column per `names`), then what its reporters give. */
function rowsOf(
  cfg: ModelConfig,
  s: ModelState,
  head: readonly Cell[],
  count: number,
  names: readonly (readonly string[])[],
  reporters: readonly Reporter[],
  sink: RowSink,
): void {
  const row: Cell[] = [...head];
  const from = head.length + names.length;
  const R = reporters.length;
  const values = reporters.map((r) => r.values(cfg, s));
  const { strides, offsets } = layoutOf(reporters);
  for (let i = 0; i < count; i++) {
    for (let c = 0; c < names.length; c++) row[head.length + c] = (names[c] as readonly string[])[i] as string;
    for (let c = 0; c < R; c++) {
      const v = values[c];
      row[from + c] = v === undefined ? '' : v[i * strides[c] + offsets[c]];
    }
    sink(row);
  }
}

/** Each reporter list's strides and offsets, made once. */
const layouts = new WeakMap<readonly Reporter[], { strides: Int32Array; offsets: Int32Array }>();
function layoutOf(reporters: readonly Reporter[]): { strides: Int32Array; offsets: Int32Array } {
  let known = layouts.get(reporters);
  if (!known) {
    known = { strides: Int32Array.from(reporters, (r) => r.stride ?? 1), offsets: Int32Array.from(reporters, (r) => r.offset ?? 0) };
    layouts.set(reporters, known);
  }
  return known;
}

/** Each tie's and pair's actor ids, by column, made once per config. */
const names = new WeakMap<ModelConfig, { ties: string[][]; pairs: string[][] }>();
function namesOf(cfg: ModelConfig): { ties: string[][]; pairs: string[][] } {
  let known = names.get(cfg);
  if (!known) {
    const id = (of: Int32Array | Uint32Array | number[]) => Array.from(of, (i) => cfg.actorIds[i] as string);
    known = { ties: [id(cfg.tieFrom), id(cfg.tieTo)], pairs: [id(cfg.pairA), id(cfg.pairB)] };
    names.set(cfg, known);
  }
  return known;
}

export function collectTick(cfg: ModelConfig, s: ModelState, t: number, replication: number, seed: number, sinks: Sinks): void {
  const ids = cfg.actorIds;
  const head = [replication, seed, t];
  if (sinks.ties) {
    updateDependence(cfg, s);
    rowsOf(cfg, s, head, cfg.K, namesOf(cfg).ties, TIE_REPORTERS, sinks.ties);
  }
  if (sinks.pairs) {
    rowsOf(cfg, s, head, cfg.P, namesOf(cfg).pairs, PAIR_REPORTERS, sinks.pairs);
  }
  if (sinks.actors) {
    updateCosts(cfg, s);
    rowsOf(cfg, s, head, cfg.n, [ids], ACTOR_REPORTERS, sinks.actors);
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
    const from = ids[cfg.tieFrom[k]] as string;
    const to = ids[cfg.tieTo[k]] as string;
    for (let d = 0; d < D; d++) {
      const x = k * D + d;
      const domain = DOMAINS[d] as string;
      sink([replication, seed, t, from, to, domain, 'baseline', eta * baseline[x]]);
      cfg.mechanisms.forEach(({ name }, m) => {
        sink([replication, seed, t, from, to, domain, name, eta * terms[m * len + x]]);
      });
    }
  }
}

export function eventRow(cfg: ModelConfig, t: number, shock: number, event: ShockEventCode, replication: number, seed: number): Cell[] {
  const sh = cfg.shocks[shock];
  return [replication, seed, t, tickDate(cfg.start, t), sh?.id ?? '', sh?.kind ?? '', EVENT_NAMES[event]];
}
