/**
 * The tick loop. It owns time and nothing else: due shocks, conditions, every
 * mechanism in order, the decision step, concessions and rhetoric, then the
 * observer collects. What looks inside a tick (welfare, each mechanism's terms) is a
 * tap the loop calls blind (model/tap.ts). The model knows nothing of files, CSV or workers.
 */

import { type Bound, bind } from './bound.js';
import { updateConditions } from './conditions.js';
import type { ModelConfig } from './config.js';
import { curvatureOf } from './curvature.js';
import { decide } from './decide.js';
import { updateDependence } from './dependence.js';
import { D } from './domains.js';
import { checkFinite, stateFinite } from './finite.js';
import { type Random, restartOf } from './rng.js';
import { applyShocks, type EventSink } from './shocks.js';
import { updateConcessions, updateRhetoric } from './social.js';
import { createState, type ModelState, resetState, TIE_BLOCK } from './state.js';
import type { Tap } from './tap.js';
import { tapsOf } from './taps.js';

export interface Observer {
  /** Called after each tick with the state at the end of tick t. */
  readonly tick?: (t: number, s: ModelState) => void;
  readonly event?: EventSink;
}

/** Every mechanism's terms for ties k0..k1−1, summed in registry order into s.termSum. */
function contribute(cfg: ModelConfig, s: ModelState, bound: readonly Bound[], k0: number, k1: number): void {
  s.termSum.fill(0, 0, (k1 - k0) * D);
  for (let m = 0; m < bound.length; m++) {
    const b = bound[m] as Bound;
    if (!b.inert) b.add(cfg, s, s.termSum, k0, k1);
  }
}

const silent: EventSink = () => {};

/**
 * Reset to the initial state and make it a rest point: the baseline valuation
 * b_kd is whatever the modelled terms leave unexplained at t = 0 (docs/model.md §5.1).
 */
export function initialise(cfg: ModelConfig, s: ModelState, bound: readonly Bound[] = boundTo(cfg)): void {
  resetState(cfg, s);
  s.ownSlope = curvatureOf(cfg, bound).ownSlope;
  applyShocks(cfg, s, -1, silent);
  updateConditions(cfg, s);
  s.shared0.set(s.shared);
  if (readsDependence(cfg)) s.dependence0.set(updateDependence(cfg, s));
  for (let k0 = 0; k0 < cfg.K; k0 += TIE_BLOCK) {
    const k1 = Math.min(cfg.K, k0 + TIE_BLOCK);
    contribute(cfg, s, bound, k0, k1);
    for (let o = 0, len = (k1 - k0) * D; o < len; o++) s.baseline[k0 * D + o] = -s.termSum[o];
  }
}

export function step(cfg: ModelConfig, s: ModelState, t: number, random: Random, bound: readonly Bound[], emit: EventSink): void {
  s.t = t;
  applyShocks(cfg, s, t, emit);
  updateConditions(cfg, s);
  if (readsDependence(cfg)) updateDependence(cfg, s);
  const taps = tapsOf(s);
  for (let i = 0; i < taps.length; i++) (taps[i] as Tap).tick(cfg, s, bound);
  const gain = curvatureOf(cfg, bound).stepGain;
  for (let k0 = 0; k0 < cfg.K; k0 += TIE_BLOCK) {
    const k1 = Math.min(cfg.K, k0 + TIE_BLOCK);
    contribute(cfg, s, bound, k0, k1);
    decide(cfg, s, random, gain, k0, k1);
    for (let i = 0; i < taps.length; i++) (taps[i] as Tap).block(cfg, s, bound, k0, k1);
  }
  s.commitment.set(s.next);
  updateConcessions(cfg, s);
  updateRhetoric(cfg, s);
}

/** Whether a mechanism of cfg reads dependence (autonomy): only then is it computed every tick, not only when collected. */
function readsDependence(cfg: ModelConfig): boolean {
  for (let i = 0; i < cfg.mechanisms.length; i++) if ((cfg.mechanisms[i] as { name: string }).name === 'autonomy') return true;
  return false;
}

/** Bindings of each config seen, so the replications of a sweep point bind its mechanisms once. */
const bindings = new WeakMap<ModelConfig, readonly Bound[]>();

function boundTo(cfg: ModelConfig): readonly Bound[] {
  let bound = bindings.get(cfg);
  if (!bound) {
    bound = bind(cfg);
    bindings.set(cfg, bound);
  }
  return bound;
}

export function simulate(cfg: ModelConfig, s: ModelState, random: Random, observer: Observer = {}): void {
  const bound = boundTo(cfg);
  initialise(cfg, s, bound);
  const emit = observer.event ?? silent;
  for (let t = 0; t < cfg.ticks; t++) {
    step(cfg, s, t, random, bound, emit);
    observer.tick?.(t, s);
  }
  // Checked once a run, not once a tick (a tick's check is a measurable share of the engine): a non-finite value persists
  // (clamping keeps NaN), and where it first appeared is found by replaying the run tick by tick.
  if (!stateFinite(s)) locateByReplay(cfg, s, random);
}

/**
 * Replay a run whose end state looked non-finite, checking every tick, so the error names where it
 * began. Returns only if every value was finite after all (their sum, not a value, overflowed).
 */
function locateByReplay(cfg: ModelConfig, s: ModelState, random: Random): void {
  const fresh = restartOf(random);
  if (fresh) {
    const again = createState(cfg, { contributions: s.contributions !== undefined, welfare: s.welfare !== undefined });
    for (const _ of simulateTicks(cfg, again, fresh));
  }
  checkFinite(cfg, s, cfg.ticks - 1); // without a replayable stream: name the end state
}

/**
 * `simulate`, yielding after each tick, so a caller that streams rows to disk
 * can wait for the disk between ticks: memory stays flat however long a run is.
 */
export function* simulateTicks(cfg: ModelConfig, s: ModelState, random: Random, observer: Observer = {}): Generator<number, void> {
  const bound = boundTo(cfg);
  initialise(cfg, s, bound);
  const emit = observer.event ?? silent;
  for (let t = 0; t < cfg.ticks; t++) {
    step(cfg, s, t, random, bound, emit);
    checkFinite(cfg, s, t);
    observer.tick?.(t, s);
    yield t;
  }
}
