/**
 * The replication loop every study runs (run, the library's run(), compare, sweep chunks,
 * calibration, the posterior predictive): replication r of design point p starts from the
 * scenario's initial state with the random stream of deriveSeed(seed, p, r), so any run can be
 * made again alone and no result depends on which thread ran it or in what order. The observer
 * hears when each run begins and ends besides its ticks and events; a run that meets a value that
 * is not a number stops the study, said of its point and replication (runFailure.ts), unless the
 * study keeps failures (a sweep's failures.csv).
 */
import type { ModelConfig } from '../model/config.js';
import { deriveSeed, makeRandom } from '../model/rng.js';
import { type Observer, simulate } from '../model/simulate.js';
import type { ModelState } from '../model/state.js';
import { atPoint } from './runFailure.js';

/** The replications of one design point. */
export interface Runs {
  readonly config: ModelConfig;
  /** The study's base seed. */
  readonly seed: number;
  /** The design point (0 for a scenario's own replications). */
  readonly point: number;
  readonly replications: number;
  /** The first replication (a worker's share); 0 by default. */
  readonly first?: number;
  /** The point, said for an error ("point 3 (actors.CHN.costAversion=0.4)"), if the study has a design. */
  readonly place?: string;
}

/** One replication: its number and its seed. */
export interface Replication {
  readonly r: number;
  readonly seed: number;
}

export interface RunObserver extends Observer {
  readonly begin?: (run: Replication) => void;
  /** After the run's last tick, with its final state. */
  readonly end?: (run: Replication, state: ModelState) => void;
  /** A run that failed, for a study that keeps failures and goes on; without it the failure stops the study. */
  readonly failed?: (run: Replication, err: unknown) => void;
}

/** The replications of `runs` and their seeds, in order. */
export function* replicationsOf(runs: Pick<Runs, 'seed' | 'point' | 'replications' | 'first'>): Generator<Replication> {
  const first = runs.first ?? 0;
  for (let r = first; r < first + runs.replications; r++) yield { r, seed: deriveSeed(runs.seed, runs.point, r) };
}

/** Where a run is, for an error: its point (if the study has a design) and replication. */
export function runPlace(runs: Pick<Runs, 'place'>, run: Replication): string {
  return `${runs.place ? `${runs.place}, ` : ''}replication ${run.r} (seed ${run.seed})`;
}

/** Run every replication of `runs` on `state` (reset at each run's start), telling `observer`. */
export function runReplications(runs: Runs, state: ModelState, observer: RunObserver = {}): void {
  for (const run of replicationsOf(runs)) {
    observer.begin?.(run);
    try {
      simulate(runs.config, state, makeRandom(run.seed), observer);
    } catch (err) {
      if (!observer.failed) throw atPoint(err, runPlace(runs, run));
      observer.failed(run, err);
      continue;
    }
    observer.end?.(run, state);
  }
}
