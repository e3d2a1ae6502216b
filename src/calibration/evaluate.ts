/**
 * Scoring sweep points against calibration targets. Pure, like a sweep chunk:
 * point p's replication r runs with deriveSeed(seed, p, r), exactly the run
 * `entente sweep` makes of the same file, so a point's score does not depend
 * on which thread computed it. A target's simulated value is the mean over
 * replications of its statistic in each run.
 */

import type { SweepContext } from '../experiments/chunk.js';
import type { Value } from '../experiments/designs/design.js';
import { resolveObservables } from '../experiments/observables.js';
import { at, atPoint, nonFinite } from '../experiments/runFailure.js';
import { runReplications } from '../experiments/runner.js';
import { initialise } from '../model/simulate.js';
import { createState } from '../model/state.js';
import { prepare } from '../scenario/load.js';
import type { Source } from '../scenario/source.js';
import { simulated, type Target } from './targets.js';

export interface CalibrationContext extends Omit<SweepContext, 'perTick'> {
  readonly targets: readonly Target[];
}

export interface PointScore {
  readonly point: number;
  readonly loss: number;
  /** Simulated value of each target, in target order. */
  readonly simulated: readonly number[];
}

/** One target's term of the loss: weight × ((simulated − observed) / scale)². */
export function lossTerm(target: Target, simulated: number): number {
  const error = (simulated - target.observed) / target.errorScale;
  return target.weight * error * error;
}

/** Σ of the targets' loss terms, in target order (the same sum, term by term, as targets.csv's loss column). */
export function lossOf(targets: readonly Target[], values: readonly number[]): number {
  return targets.reduce((sum, target, i) => sum + lossTerm(target, values[i]), 0);
}

export function scorePoints(ctx: CalibrationContext, first: number, points: readonly (readonly Value[])[]): PointScore[] {
  return points.map((values, i) => scorePoint(ctx, first + i, values));
}

function scorePoint(ctx: CalibrationContext, point: number, values: readonly Value[]): PointScore {
  const source: Source = { file: ctx.scenarioFile, data: ctx.scenario, hash: '', locate: () => undefined };
  const place = `point ${point} (${ctx.paths.map((p, j) => `${p}=${values[j]}`).join(', ')})`;
  // Values were checked against the scenario when the calibration file was loaded (experiments/loadSweep.ts).
  const loaded = prepare(source, ctx.scenario, { set: ctx.paths.map((p, j) => `${p}=${values[j]}`), trustedOverrides: true });
  const cfg = loaded.config;
  const observables = resolveObservables(loaded);
  const state = createState(cfg);
  // The initial state is every replication's: its values are read once.
  initialise(cfg, state);
  const initial = at(
    () => place,
    () => observables.map((o) => o.value(state, 0)),
  );
  const series = observables.map(() => new Float64Array(cfg.ticks));
  const sums = new Float64Array(ctx.targets.length);
  runReplications({ config: cfg, seed: ctx.seed, point, replications: ctx.replications, place }, state, {
    tick: (t, s) => {
      for (let o = 0; o < observables.length; o++)
        (series[o] as Float64Array)[t] = (observables[o] as (typeof observables)[number]).value(s, t);
    },
    end: () => {
      ctx.targets.forEach((target, k) => {
        sums[k] += simulated(target, series[target.observable] as Float64Array, initial[target.observable]);
      });
    },
  });
  const means = Array.from(sums, (x) => x / ctx.replications);
  means.forEach((m, k) => {
    const target = ctx.targets[k] as Target;
    if (!Number.isFinite(m))
      throw atPoint(
        nonFinite(`target ${target.spec.indicator} ${target.spec.period}: its simulated ${target.spec.statistic} is ${m}`),
        place,
      );
  });
  return { point, loss: lossOf(ctx.targets, means), simulated: means };
}
