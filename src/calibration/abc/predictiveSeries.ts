/**
 * predictive.csv: the posterior predictive of every observable, month by month. Each particle of
 * the final generation runs once more (as point PREDICTIVE_SERIES_BASE + i: seeds apart from every
 * proposal's and from the target predictive's), and each observable's weighted quantiles over the
 * particles are taken at each tick. What an analyst plots against the observed record: the band
 * the calibrated model gives, not one run.
 */
import { tickDate } from '../../experiments/dates.js';
import type { Value } from '../../experiments/designs/design.js';
import type { LoadedSweep } from '../../experiments/loadSweep.js';
import { resolveObservables } from '../../experiments/observables.js';
import { runReplications } from '../../experiments/runner.js';
import { createState } from '../../model/state.js';
import { prepare } from '../../scenario/load.js';
import { GENERATION_STRIDE } from './model.js';
import { weightedQuantile } from './smc.js';

const PREDICTIVE_SERIES_BASE = 1001 * GENERATION_STRIDE;

export const PREDICTIVE_QUANTILES = [0.05, 0.25, 0.5, 0.75, 0.95] as const;
export const PREDICTIVE_COLUMNS = ['indicator', 'unit', 'tick', 'date', 'q05', 'q25', 'q50', 'q75', 'q95'];

export interface PredictiveRow {
  readonly indicator: string;
  readonly unit: string;
  readonly tick: number;
  readonly date: string;
  readonly quantiles: readonly number[];
}

/** points[i]: particle i's values in the sweep's parameter order; weights sum to 1. */
export function predictiveSeries(loaded: LoadedSweep, points: readonly (readonly Value[])[], weights: Float64Array): PredictiveRow[] {
  const paths = loaded.parameters.map((p) => p.path);
  // series[o][t][i]: observable o at tick t in particle i's run.
  let series: Float64Array[][] | undefined;
  let names: { indicator: string; unit: string }[] = [];
  let ticks = 0;
  points.forEach((point, i) => {
    const scenario = prepare(loaded.scenarioSource, loaded.scenario, {
      set: paths.map((path, j) => `${path}=${point[j]}`),
      trustedOverrides: true, // each value lies inside a prior the sweep file checked
    });
    const observables = resolveObservables(scenario);
    const cfg = scenario.config;
    if (!series) {
      ticks = cfg.ticks;
      names = observables.map((o) => ({ indicator: o.indicator, unit: o.unit }));
      series = observables.map(() => Array.from({ length: ticks }, () => new Float64Array(points.length)));
    }
    const at = series;
    const place = `particle ${i} (${paths.map((path, j) => `${path}=${point[j]}`).join(', ')})`;
    runReplications({ config: cfg, seed: loaded.seed, point: PREDICTIVE_SERIES_BASE + i, replications: 1, place }, createState(cfg), {
      tick: (t, s) => {
        observables.forEach((o, k) => {
          ((at[k] as Float64Array[])[t] as Float64Array)[i] = o.value(s, t);
        });
      },
    });
  });
  const start = loaded.scenario.start;
  return names.flatMap(({ indicator, unit }, k) =>
    Array.from({ length: ticks }, (_, t) => ({
      indicator,
      unit,
      tick: t,
      date: tickDate(start, t),
      quantiles: PREDICTIVE_QUANTILES.map((q) =>
        weightedQuantile(((series as Float64Array[][])[k] as Float64Array[])[t] as Float64Array, weights, q),
      ),
    })),
  );
}
