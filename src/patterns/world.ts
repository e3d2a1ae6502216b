/**
 * One run of a world (a scenario with one particle's values) kept whole: every observable of the
 * scenario and the state the source's patterns are about (depth, each side's cost-weighted
 * commitment, the strategic domains, dependence), per month. What patterns.ts judges.
 */
import { resolveObservables } from '../experiments/observables.js';
import type { ModelConfig } from '../model/config.js';
import { updateDependence } from '../model/dependence.js';
import { pairDepth, tieCommitted } from '../model/depth.js';
import { D, DOMAINS } from '../model/domains.js';
import { makeRandom } from '../model/rng.js';
import { initialise, simulate } from '../model/simulate.js';
import { createState, type ModelState } from '../model/state.js';
import type { LoadedScenario } from '../scenario/load.js';

export interface World {
  readonly ticks: number;
  /** series[name][t]: an observable (by indicator) or a probe (PROBES) each month. */
  readonly series: Readonly<Record<string, Float64Array>>;
  /** The value on the initial state (the rest point before the first month). */
  readonly initial: Readonly<Record<string, number>>;
}

type Probe = (cfg: ModelConfig, s: ModelState) => number;

function tieOf(cfg: ModelConfig, a: string, b: string): number {
  const [i, j] = [cfg.actorIds.indexOf(a), cfg.actorIds.indexOf(b)];
  const k = i < 0 || j < 0 ? -1 : (cfg.tieOf[i * cfg.n + j] as number);
  if (k < 0) throw new Error(`the scenario has no tie ${a}→${b}: the patterns are about China and Russia`);
  return k;
}

/** The probes, as functions of the focus pair's two ties (China→Russia, Russia→China). */
function probes(cfg: ModelConfig): Record<string, Probe> {
  const [cr, rc] = [tieOf(cfg, 'CHN', 'RUS'), tieOf(cfg, 'RUS', 'CHN')];
  const pair = cfg.tiePair[cr] as number;
  const domain = (k: number, name: (typeof DOMAINS)[number]): Probe => {
    const d = DOMAINS.indexOf(name);
    return (_cfg, s) => s.commitment[k * D + d] as number;
  };
  return {
    depth: (c, s) => pairDepth(c, s.commitment, pair),
    committedCR: (c, s) => tieCommitted(c, s.commitment, cr),
    committedRC: (c, s) => tieCommitted(c, s.commitment, rc),
    financeCR: domain(cr, 'finance'),
    financeRC: domain(rc, 'finance'),
    defenseCR: domain(cr, 'defense'),
    defenseRC: domain(rc, 'defense'),
    militaryCR: domain(cr, 'military'),
    militaryRC: domain(rc, 'military'),
    dependenceCR: (c, s) => updateDependence(c, s)[cr] as number,
    dependenceRC: (c, s) => updateDependence(c, s)[rc] as number,
  };
}

/** Run `loaded` once from `seed`, recording every observable and probe each month. */
export function runWorld(loaded: LoadedScenario, seed: number): World {
  const cfg = loaded.config;
  const readers: [string, (s: ModelState, t: number) => number][] = [
    ...resolveObservables(loaded).map((o): [string, (s: ModelState, t: number) => number] => [o.indicator, (s, t) => o.value(s, t)]),
    ...Object.entries(probes(cfg)).map(([name, probe]): [string, (s: ModelState) => number] => [name, (s) => probe(cfg, s)]),
  ];
  const state = createState(cfg);
  initialise(cfg, state);
  const series: Record<string, Float64Array> = {};
  const initial: Record<string, number> = {};
  for (const [name, read] of readers) {
    initial[name] = read(state, 0);
    series[name] = new Float64Array(cfg.ticks);
  }
  const rows = readers.map(([name]) => series[name] as Float64Array);
  simulate(cfg, state, makeRandom(seed), {
    tick: (t, s) => {
      readers.forEach(([, read], i) => {
        (rows[i] as Float64Array)[t] = read(s, t);
      });
    },
  });
  return { ticks: cfg.ticks, series, initial };
}
