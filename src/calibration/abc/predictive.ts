/**
 * The posterior predictive: each particle of a generation run again, and a target
 * statistic computed for each, as calibration computes it; then weighted quantiles. The
 * statistics may be ones the calibration never saw (the 2024 figures of a calibration on data
 * to 2023): that is the out-of-sample check. Particle i runs as point PREDICTIVE_BASE + i, apart
 * from every proposal's seeds.
 */

import { pointsContext } from '../../experiments/chunk.js';
import type { LoadedSweep } from '../../experiments/loadSweep.js';
import { resolveObservables } from '../../experiments/observables.js';
import type { TargetSpec } from '../../experiments/sweepSchema.js';
import { prepare } from '../../scenario/load.js';
import { scorePoints } from '../evaluate.js';
import { readObserved, resolveTargets, type Target } from '../targets.js';
import type { AbcParameters } from './model.js';
import { GENERATION_STRIDE } from './model.js';
import { type Generation, weightedQuantile } from './smc.js';

const PREDICTIVE_BASE = 1000 * GENERATION_STRIDE;

export interface Predicted {
  readonly target: Target;
  /** The statistic at each particle, in particle order. */
  readonly values: Float64Array;
  quantile(q: number): number;
}

export function predictive(
  loaded: LoadedSweep,
  parameters: AbcParameters,
  generation: Generation,
  specs: readonly TargetSpec[],
  observedFile: string,
): Predicted[] {
  const base = prepare(loaded.scenarioSource, loaded.scenario);
  const targets = resolveTargets(loaded.source, specs, resolveObservables(base), readObserved(observedFile), base.config);
  const scores = scorePoints(
    { ...pointsContext(loaded), targets },
    PREDICTIVE_BASE,
    generation.particles.map((theta) => parameters.point(theta)),
  );
  return targets.map((target, k) => {
    const values = Float64Array.from(scores, (s) => s.simulated[k]);
    return { target, values, quantile: (q: number) => weightedQuantile(values, generation.weights, q) };
  });
}
