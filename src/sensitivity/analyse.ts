/**
 * From outputs per design point to sensitivity indices, as tidy rows. The CLI
 * feeds it the sweep's outcomes; the tests feed it analytic functions
 * (Ishigami, Sobol's G) evaluated on the same design points.
 */

import type { Parameter } from '../experiments/designs/design.js';
import { MORRIS_LEVELS, morrisTrajectories } from '../experiments/designs/morris.js';
import { designRandom } from '../model/rng.js';
import { morrisIndices } from './morrisIndices.js';
import { sobolIndices } from './sobolIndices.js';

export type Method = 'sobol' | 'morris';

export interface IndexRow {
  readonly parameter: string;
  readonly index: 'S1' | 'ST' | 'mu' | 'mu_star' | 'sigma';
  readonly value: number;
  readonly ciLow: number | undefined;
  readonly ciHigh: number | undefined;
}

export interface DesignInfo {
  readonly method: Method;
  readonly parameters: readonly Parameter[];
  /** The sweep's samples (sobol: base samples; morris: trajectories) and seed, to rebuild unit coordinates. */
  readonly samples: number;
  readonly seed: number;
}

export function analyse(design: DesignInfo, y: ArrayLike<number>, key: string): IndexRow[] {
  const k = design.parameters.length;
  const names = design.parameters.map((p) => p.path);
  if (design.method === 'sobol') {
    const s = sobolIndices(y, k, key);
    return names.flatMap((parameter, j) => [
      { parameter, index: 'S1' as const, value: s.first[j], ciLow: s.firstCi[j]?.[0], ciHigh: s.firstCi[j]?.[1] },
      { parameter, index: 'ST' as const, value: s.total[j], ciLow: s.totalCi[j]?.[0], ciHigh: s.totalCi[j]?.[1] },
    ]);
  }
  // The design drew its trajectories from designRandom(seed): draw them again for their unit coordinates.
  const unit = morrisTrajectories(design.samples, k, MORRIS_LEVELS, designRandom(design.seed));
  const m = morrisIndices(y, unit, k, key);
  return names.flatMap((parameter, j) => [
    { parameter, index: 'mu' as const, value: m.mu[j], ciLow: m.muCi[j]?.[0], ciHigh: m.muCi[j]?.[1] },
    { parameter, index: 'mu_star' as const, value: m.muStar[j], ciLow: m.muStarCi[j]?.[0], ciHigh: m.muStarCi[j]?.[1] },
    { parameter, index: 'sigma' as const, value: m.sigma[j], ciLow: m.sigmaCi[j]?.[0], ciHigh: m.sigmaCi[j]?.[1] },
  ]);
}
