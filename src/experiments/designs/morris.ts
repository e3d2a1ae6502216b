/**
 * Morris elementary-effects design (Morris 1991; Campolongo et al. 2007):
 * `samples` trajectories of k + 1 points on a grid of p levels (0, 1/(p−1), …, 1).
 * Each trajectory starts at a random grid point and moves one parameter at a
 * time, in random order, by Δ = p / (2(p − 1)): up where that stays in [0, 1],
 * down otherwise. Trajectory t holds points t(k+1) … t(k+1)+k.
 */
import type { Random } from '../../model/rng.js';
import { type Design, mapUnit, type Value } from './design.js';

export const MORRIS_LEVELS = 4;

/** Unit-cube trajectories: trajectories × (k + 1) rows. */
export function morrisTrajectories(trajectories: number, k: number, levels: number, random: Random): number[][] {
  return [...morrisStream(trajectories, k, levels, random)];
}

/** The rows of morrisTrajectories one at a time. */
function* morrisStream(trajectories: number, k: number, levels: number, random: Random): Generator<number[]> {
  const delta = levels / (2 * (levels - 1));
  for (let t = 0; t < trajectories; t++) {
    const x = Array.from({ length: k }, () => Math.floor(random() * levels) / (levels - 1));
    const order = Array.from({ length: k }, (_, j) => j);
    for (let j = k - 1; j > 0; j--) {
      const r = Math.floor(random() * (j + 1));
      [order[j], order[r]] = [order[r], order[j]];
    }
    yield [...x];
    for (const j of order) {
      const xj = x[j];
      x[j] = xj + delta <= 1 + 1e-12 ? xj + delta : xj - delta;
      yield [...x];
    }
  }
}

export const morris: Design = {
  count: (parameters, samples) => (samples ?? 0) * (parameters.length + 1),
  *stream(parameters, samples, random) {
    for (const u of morrisStream(samples ?? 0, parameters.length, MORRIS_LEVELS, random))
      yield parameters.map(({ spec }, j): Value => mapUnit(spec, Math.min(1, Math.max(0, u[j]))));
  },
};
