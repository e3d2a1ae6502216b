/**
 * A structure judged by the patterns it reproduces across its calibrated posterior: each particle
 * runs once (and once more without India's appetite, for the pattern that asks what India's bids
 * are worth), and a pattern's share is the posterior weight of the particles where it holds.
 * A pattern is reproduced where it holds in at least 90% of the weight (docs/model.md §10.2).
 */
import type { Posterior } from '../compare/posterior/read.js';
import { deriveSeed } from '../model/rng.js';
import { type LoadedScenario, prepare } from '../scenario/load.js';
import type { Observed } from './observed.js';
import { PATTERNS } from './patterns.js';
import { runWorld } from './world.js';

/** A pattern is reproduced by a structure where it holds in this share of its posterior's weight. */
export const REPRODUCED = 0.9;

/** Months from the scenario's start (YYYY-MM) to a month YYYY-MM. */
export function monthsFrom(start: string, period: string): number {
  return (Number(period.slice(0, 4)) - Number(start.slice(0, 4))) * 12 + Number(period.slice(5, 7)) - Number(start.slice(5, 7));
}

/** Each pattern's share of the posterior's weight where it holds, in PATTERNS' order. */
export function judge(loaded: LoadedScenario, posterior: Posterior, observed: Observed): number[] {
  const start = loaded.spec.start;
  if (!start) throw new Error(`${loaded.source.file} has no start date: the patterns are dated`);
  const month = (period: string) => monthsFrom(start, period);
  const shares = PATTERNS.map(() => 0);
  posterior.values.forEach((values, i) => {
    const set = [...posterior.fixed, ...posterior.paths.map((path, j) => `${path}=${values[j]}`)];
    const at = (extra: readonly string[]) =>
      runWorld(prepare(loaded.source, loaded.spec, { set: [...set, ...extra], trustedOverrides: true }), deriveSeed(loaded.seed, i, 0));
    const context = { world: at([]), withoutIndia: at(['actors.IND.opportunism=0']), observed, month };
    PATTERNS.forEach((pattern, p) => {
      if (pattern.holds(context)) shares[p] = (shares[p] as number) + (posterior.weights[i] as number);
    });
  });
  return shares;
}
