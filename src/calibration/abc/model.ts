/**
 * The model as ABC sees it: the sweep file's parameters as priors, and the
 * distance of a parameter vector from the observed figures, √(calibration loss), with the
 * target statistics computed as `entente calibrate` computes them, on its worker pool.
 * Proposal i of generation t is scored as sweep point t·2³² + i, so its replications run
 * with deriveSeed(seed, t·2³² + i, r) whichever worker takes it.
 */
import type { Value } from '../../experiments/designs/design.js';
import type { LoadedSweep } from '../../experiments/loadSweep.js';
import type { PointScore } from '../evaluate.js';
import type { Prior } from './priors.js';
import type { AbcModel } from './smc.js';

/** Proposals of one generation are points t·2³² + i: distinct across generations, exact as doubles. */
export const GENERATION_STRIDE = 2 ** 32;
const BLOCK = 8;

/** A prior as the calibration file declares it (a spike is sampled through a latent uniform: spikeValue). */
export type DeclaredPrior = Prior | { readonly kind: 'spike'; readonly p0: number; readonly min: number; readonly max: number };

export interface AbcParameters {
  /** The prior ABC samples for each free parameter, in file order (a spike's latent u ~ U(0, 1)). */
  readonly priors: readonly Prior[];
  /** Each free parameter's prior as declared: what the manifest and reports show. */
  readonly declared: readonly DeclaredPrior[];
  /** Index in the file's parameters of each free one. */
  readonly free: readonly number[];
  /** A full point (every parameter of the file, fixed ones at their value, spikes mapped) from a free vector. */
  point(theta: Float64Array): Value[];
}

/** Ranges are priors (uniform; log-uniform with log; or as `prior:` says); a one-value list is a fixed value. */
/**
 * A spike prior as a latent u ~ U(0, 1): min when u < p0, else uniform on (min, max]. The kernel
 * perturbs u, which moves continuously; the point mass comes from the map, so ABC's weights
 * (uniform prior on u) stay exact and a mechanism can switch off and on between generations.
 */
export function spikeValue(u: number, p0: number, min: number, max: number): number {
  return u < p0 ? min : min + ((u - p0) / (1 - p0)) * (max - min);
}

export function abcParameters(loaded: LoadedSweep, fail: (path: string, message: string) => never): AbcParameters {
  const priors: Prior[] = [];
  const declared: DeclaredPrior[] = [];
  const maps: ((x: number) => number)[] = [];
  const free: number[] = [];
  const fixed: (Value | undefined)[] = [];
  loaded.parameters.forEach(({ path, spec }, i) => {
    if (Array.isArray(spec)) {
      if (spec.length !== 1) fail(path, 'ABC needs a range {min, max} (a prior), or a list of one value (fixed)');
      fixed.push(spec[0] as Value);
      return;
    }
    const { min, max, log, prior } = spec as {
      min: number;
      max: number;
      log?: boolean;
      prior?: { kind: 'normal'; mean: number; sd: number } | { kind: 'beta'; a: number; b: number } | { kind: 'spike'; p0: number };
    };
    fixed.push(undefined);
    free.push(i);
    let p: Prior;
    if (prior?.kind === 'spike') {
      if (log) fail(path, 'a spike prior is uniform besides its point mass: drop log: true');
      const { p0 } = prior;
      priors.push({ kind: 'uniform', min: 0, max: 1 });
      declared.push({ kind: 'spike', p0, min, max });
      maps.push((u) => spikeValue(u, p0, min, max));
      return;
    }
    if (prior?.kind === 'normal') p = { kind: 'normal', mean: prior.mean, sd: prior.sd, min, max };
    else if (prior?.kind === 'beta') p = { kind: 'beta', a: prior.a, b: prior.b, min, max };
    else if (log) {
      // Sampled as its logarithm, uniform on [ln min, ln max]: the kernel moves ln x, whose prior is flat, so the importance
      // weights do not carry the 1/x of the density (with a few log-uniform parameters moved as x they collapsed: ESS 8 of
      // 1,000 by the third generation). Clamped: e^(ln max) can be max + 1 ulp.
      declared.push({ kind: 'logUniform', min, max });
      priors.push({ kind: 'uniform', min: Math.log(min), max: Math.log(max) });
      maps.push((y) => Math.min(max, Math.max(min, Math.exp(y))));
      return;
    } else p = { kind: 'uniform', min, max };
    priors.push(p);
    declared.push(p);
    maps.push((x) => x);
  });
  return {
    priors,
    declared,
    free,
    point: (theta) => {
      const values = [...fixed] as Value[];
      free.forEach((at, j) => {
        values[at] = (maps[j] as (x: number) => number)(theta[j]);
      });
      return values;
    },
  };
}

/** What the model needs of the calibration pool (calibration/worker.ts): score a block of points numbered from `first`. */
interface Pool {
  run(task: { first: number; points: readonly (readonly Value[])[] }): Promise<PointScore[]>;
}

/** Runs of consecutive indices, cut into blocks of at most BLOCK: one pool task each. */
function blocks(indices: readonly number[]): { start: number; from: number; to: number }[] {
  const out: { start: number; from: number; to: number }[] = [];
  let from = 0;
  for (let j = 1; j <= indices.length; j++) {
    const broken = j === indices.length || indices[j] !== indices[j - 1] + 1 || j - from === BLOCK;
    if (broken) {
      out.push({ start: indices[from], from, to: j });
      from = j;
    }
  }
  return out;
}

export function abcModel(parameters: AbcParameters, pool: Pool): AbcModel {
  return {
    priors: parameters.priors,
    distances: async (t, indices, thetas) => {
      const results = await Promise.all(
        blocks(indices).map(({ start, from, to }) =>
          pool.run({ first: t * GENERATION_STRIDE + start, points: thetas.slice(from, to).map((theta) => parameters.point(theta)) }),
        ),
      );
      return results.flat().map((score) => Math.sqrt(score.loss));
    },
  };
}
