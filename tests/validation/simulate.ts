/**
 * Validation runs: a scenario's replications in-process, keeping per tick what
 * the stylized facts are about (observables, and state read directly).
 */
import { resolveObservables } from '../../src/experiments/observables.js';
import type { ModelConfig } from '../../src/model/config.js';
import { pairDepth, tieCommitted } from '../../src/model/depth.js';
import { D, DOMAINS } from '../../src/model/domains.js';
import { deriveSeed, makeRandom } from '../../src/model/rng.js';
import { initialise, simulate } from '../../src/model/simulate.js';
import { createState, type ModelState } from '../../src/model/state.js';
import type { LoadedScenario } from '../../src/scenario/load.js';

export type Probe = (cfg: ModelConfig, s: ModelState) => number;

export interface Runs {
  readonly cfg: ModelConfig;
  /** series[name][r][t]; initial[name][r] is the value on the initial (rest-point) state. */
  readonly series: Record<string, Float64Array[]>;
  readonly initial: Record<string, number[]>;
}

/** Run every replication (seeds as `entente run`), recording each observable and each probe per tick. */
export function runAll(loaded: LoadedScenario, probes: Record<string, Probe>, replications = loaded.replications): Runs {
  const cfg = loaded.config;
  const observables = resolveObservables(loaded);
  const readers: [string, (s: ModelState, t: number) => number][] = [
    ...observables.map((o): [string, (s: ModelState, t: number) => number] => [o.indicator, (s, t) => o.value(s, t)]),
    ...Object.entries(probes).map(([name, probe]): [string, (s: ModelState, t: number) => number] => [name, (s) => probe(cfg, s)]),
  ];
  const series: Record<string, Float64Array[]> = {};
  const initial: Record<string, number[]> = {};
  for (const [name] of readers) {
    series[name] = [];
    initial[name] = [];
  }
  const state = createState(cfg);
  for (let r = 0; r < replications; r++) {
    initialise(cfg, state);
    const rows = readers.map(([name, read]) => {
      (initial[name] as number[]).push(read(state, 0));
      const row = new Float64Array(cfg.ticks);
      (series[name] as Float64Array[]).push(row);
      return row;
    });
    simulate(cfg, state, makeRandom(deriveSeed(loaded.seed, 0, r)), {
      tick: (t, s) => {
        readers.forEach(([, read], i) => {
          (rows[i] as Float64Array)[t] = read(s, t);
        });
      },
    });
  }
  return { cfg, series, initial };
}

export const tie = (cfg: ModelConfig, a: string, b: string): number => {
  const k = cfg.tieOf[cfg.actorIds.indexOf(a) * cfg.n + cfg.actorIds.indexOf(b)];
  if (k < 0) throw new Error(`no tie ${a}>${b}`);
  return k;
};

export const commitment =
  (a: string, b: string, domain: (typeof DOMAINS)[number]): Probe =>
  (cfg, s) =>
    s.commitment[tie(cfg, a, b) * D + DOMAINS.indexOf(domain)];

export const meanCommitment =
  (a: string, b: string): Probe =>
  (cfg, s) => {
    const k = tie(cfg, a, b);
    let sum = 0;
    for (let d = 0; d < D; d++) sum += s.commitment[k * D + d];
    return sum / D;
  };

/** a's cost-weighted commitment toward b, Σ_d w_d c_ab,d / Σ_d w_d (pairs.csv commitment_ab). */
export const committed =
  (a: string, b: string): Probe =>
  (cfg, s) =>
    tieCommitted(cfg, s.commitment, tie(cfg, a, b));

export const depth =
  (a: string, b: string): Probe =>
  (cfg, s) =>
    pairDepth(cfg, s.commitment, cfg.tiePair[tie(cfg, a, b)]);

export const mean = (xs: ArrayLike<number>): number => Array.from(xs).reduce((x, y) => x + y, 0) / xs.length;

/** Mean over replications of f(replication's series). */
export const acrossRuns = (rows: readonly Float64Array[], f: (row: Float64Array, r: number) => number): number =>
  mean(rows.map((row, r) => f(row, r)));

export const yearMean = (row: Float64Array, year: number): number => mean(row.subarray(year * 12, year * 12 + 12));
