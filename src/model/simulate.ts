/**
 * The tick loop. It owns time and nothing else: due shocks, conditions, every
 * mechanism in order, the decision step, concessions and rhetoric, then the
 * observer collects. The model knows nothing of files, CSV or workers.
 */

import { updateConditions } from './conditions.js';
import type { ModelConfig } from './config.js';
import { decide, netValue } from './decide.js';
import { D } from './domains.js';
import { MECHANISMS, type Mechanism } from './mechanisms/index.js';
import type { Random } from './rng.js';
import { applyShocks, type EventSink } from './shocks.js';
import { updateConcessions, updateRhetoric } from './social.js';
import { type ModelState, resetState } from './state.js';

export interface Observer {
  /** Called after each tick with the state at the end of tick t. */
  readonly tick?: (t: number, s: ModelState) => void;
  readonly event?: EventSink;
}

interface Bound {
  readonly mechanism: Mechanism;
  readonly weight: number;
  readonly out: Float64Array;
}

function bind(cfg: ModelConfig, s: ModelState): Bound[] {
  const len = cfg.K * D;
  return cfg.mechanisms.map(({ name, weight }, m) => {
    const mechanism = MECHANISMS.get(name);
    if (!mechanism) throw new Error(`no mechanism named ${name}`);
    return { mechanism, weight, out: s.contributions.subarray(m * len, (m + 1) * len) };
  });
}

function contribute(cfg: ModelConfig, s: ModelState, bound: readonly Bound[]): void {
  for (const b of bound) b.mechanism.contribute(cfg, s, b.out, b.weight);
}

const silent: EventSink = () => {};

/**
 * Reset to the initial state and make it a rest point: the baseline valuation
 * b_kd is whatever the modelled terms leave unexplained at t = 0 (docs/model.md §5.1).
 */
export function initialise(cfg: ModelConfig, s: ModelState, bound: readonly Bound[] = bind(cfg, s)): void {
  resetState(cfg, s);
  applyShocks(cfg, s, -1, silent);
  updateConditions(cfg, s);
  s.shared0.set(s.shared);
  contribute(cfg, s, bound);
  const len = cfg.K * D;
  for (let x = 0; x < len; x++) s.baseline[x] = -netValue(s, x, bound.length, len); // baseline is 0 here
}

export function step(cfg: ModelConfig, s: ModelState, t: number, random: Random, bound: readonly Bound[], emit: EventSink): void {
  s.t = t;
  applyShocks(cfg, s, t, emit);
  updateConditions(cfg, s);
  contribute(cfg, s, bound);
  decide(cfg, s, random);
  updateConcessions(cfg, s);
  updateRhetoric(cfg, s);
}

export function simulate(cfg: ModelConfig, s: ModelState, random: Random, observer: Observer = {}): void {
  const bound = bind(cfg, s);
  initialise(cfg, s, bound);
  const emit = observer.event ?? silent;
  for (let t = 0; t < cfg.ticks; t++) {
    step(cfg, s, t, random, bound, emit);
    observer.tick?.(t, s);
  }
}
