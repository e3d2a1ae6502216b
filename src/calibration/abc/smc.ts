/**
 * Approximate Bayesian computation by sequential Monte Carlo (Toni et al. 2009; Beaumont
 * et al. 2009), with an adaptive tolerance (each generation's is a quantile of the previous
 * population's distances, as pyABC does by default).
 *
 * Generation 0 draws N particles from the prior and keeps them all. Generation t ≥ 1 draws
 * proposals: a particle of generation t − 1 chosen by weight, moved by a normal kernel with
 * twice the population's weighted covariance, and drawn again (from its own stream) until it
 * lies where the prior has mass; one whose simulated summaries lie within the tolerance of the
 * observed ones is accepted, with weight π(θ) / Σ_j w_j K(θ | θ_j). The generation ends with its
 * first N accepted proposals. It stops at a generation limit, an acceptance rate floor, a
 * tolerance that stops falling, or the observation floor (observationFloor); a run can resume
 * from saved generations (resumeFrom, checkpoint.ts).
 *
 * Reproducible to the byte whatever the evaluation order: proposal i of generation t draws
 * from its own stream and simulates with its own seed, both functions of (seed, t, i) only, and
 * the accepted set is the first N acceptances in proposal order. Proposals are simulated in
 * batches (a worker pool can take a batch); a batch's results past the N-th acceptance are
 * discarded, so the batch size does not change the result either.
 */
import { deriveSeed } from '../../model/rng.js';
import { type Generation, GenerationBuilder, type Proposal, proposalAt, proposer } from './generation.js';
import type { KernelKind } from './kernel.js';
import type { Prior } from './priors.js';
import { abcReplenish } from './replenish.js';

export type { Generation } from './generation.js';

/**
 * What ABC needs of a model: the priors, and the distances of proposals from the observed
 * data. Proposal i of generation t must be simulated with seeds that depend on (t, i) only,
 * so that who evaluates it, and in which batch, changes nothing.
 */
export interface AbcModel {
  readonly priors: readonly Prior[];
  distances(t: number, indices: readonly number[], thetas: readonly Float64Array[]): Promise<readonly number[]>;
}

/** A simulator of summary statistics, for models that are a function (tests, small problems). */
export interface AbcProblem {
  readonly priors: readonly Prior[];
  readonly observed: readonly number[];
  /** Each summary's scale: distance = √Σ ((simulated − observed) / scale)². */
  readonly scales: readonly number[];
  /** Summaries of one simulation at θ with the given seed (the same θ and seed give the same summaries). */
  simulate(theta: Float64Array, seed: number): readonly number[];
}

/** An AbcProblem as an AbcModel: proposal (t, i) simulates with deriveSeed(seed, t, i), in this thread. */
export function fromSimulator(problem: AbcProblem, seed: number): AbcModel {
  return {
    priors: problem.priors,
    distances: async (t, indices, thetas) =>
      thetas.map((theta, j) => distance(problem, problem.simulate(theta, deriveSeed(seed, t, indices[j])))),
  };
}

export interface AbcOptions {
  readonly particles: number;
  readonly seed: number;
  /** The next tolerance is this quantile of the current population's distances (default 0.5). */
  readonly quantile?: number;
  readonly maxGenerations?: number;
  /** Stop when a generation accepts fewer than this share of its simulations (default 0.01). */
  readonly minAcceptance?: number;
  /** Stop when the tolerance falls by less than this share from one generation to the next (default 0.01). */
  readonly minToleranceDrop?: number;
  /**
   * Stop once the tolerance is at or below this distance (default 0: never). A tolerance below what
   * the observation errors alone would give the true parameters rejects the truth itself: see
   * observationFloor.
   */
  readonly minTolerance?: number;
  /**
   * Generations already drawn (a resumed run, checkpoint.ts): ABC continues after the last, exactly
   * as if it had never stopped.
   */
  readonly resumeFrom?: readonly Generation[];
  /** Called after each generation is complete (progress; nothing it does changes the result). */
  readonly onGeneration?: (g: Generation) => void;
  /** How proposals are kept inside the priors (kernel.ts; default box). */
  readonly kernel?: KernelKind;
  /** Proposals per batch (default 256): a unit of work, with no effect on the result. */
  readonly batch?: number;
  /** Give up on a generation after this many proposals (default 10⁷): the tolerance can no longer be met. */
  readonly maxProposals?: number;
  /**
   * How the population moves: `pmc`, proposals from the previous population weighted by importance
   * (the default); `replenish`, equal weights, the worst share dropped and replaced by MCMC moves of
   * the survivors (replenish.ts), for priors of many parameters.
   */
  readonly sampler?: AbcSampler;
  /** replenish: the share of the population dropped each generation (default ½). */
  readonly drop?: number;
}

export type AbcSampler = 'pmc' | 'replenish';

export interface AbcResult {
  readonly generations: readonly Generation[];
  /** Why it stopped: the generation limit, the acceptance floor, a tolerance that stopped falling, or the tolerance floor. */
  readonly stopped: 'generations' | 'acceptance' | 'tolerance' | 'floor';
}

function distance(problem: AbcProblem, summaries: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < problem.observed.length; i++) {
    const z = (summaries[i] - problem.observed[i]) / problem.scales[i];
    sum += z * z;
  }
  return Math.sqrt(sum);
}

/** The q-quantile of values under weights (summing to 1). */
export function weightedQuantile(values: Float64Array, weights: Float64Array, q: number): number {
  const order = Array.from(values.keys()).sort((a, b) => values[a] - values[b]);
  let cumulative = 0;
  for (const i of order) {
    cumulative += weights[i];
    if (cumulative >= q) return values[i];
  }
  return values[order[order.length - 1] as number];
}

/** ABC stops after a generation that accepts fewer than this share of its simulations, unless the options say otherwise. */
export const MIN_ACCEPTANCE = 0.01;

/** What comes next: generation t at this tolerance, or a stop and why. */
export type Step =
  | { readonly kind: 'generation'; readonly t: number; readonly tolerance: number; readonly previous?: Generation }
  | { readonly kind: 'stop'; readonly stopped: AbcResult['stopped'] };

/** The schedule and the stop rules, from the generations drawn so far (none: generation 0 from the prior). */
export function nextStep(generations: readonly Generation[], options: AbcOptions): Step {
  const t = generations.length;
  const previous = generations[t - 1];
  if (!previous) return { kind: 'generation', t: 0, tolerance: Number.POSITIVE_INFINITY };
  if (previous.t > 0 && previous.acceptance < (options.minAcceptance ?? MIN_ACCEPTANCE)) return { kind: 'stop', stopped: 'acceptance' };
  if (t >= (options.maxGenerations ?? 20)) return { kind: 'stop', stopped: 'generations' };
  const floor = options.minTolerance ?? 0;
  if (previous.tolerance <= floor) return { kind: 'stop', stopped: 'floor' };
  // The schedule's next step, but never below the floor: the last generation is drawn at it.
  const proposed = weightedQuantile(previous.distances, previous.weights, options.quantile ?? 0.5);
  if (Number.isFinite(previous.tolerance) && proposed > (1 - (options.minToleranceDrop ?? 0.01)) * previous.tolerance)
    return { kind: 'stop', stopped: 'tolerance' };
  return { kind: 'generation', t, tolerance: Math.max(floor, proposed), previous };
}

/** Proposals per batch unless the options say otherwise; shards.ts plans its rounds in multiples of it. */
export const BATCH = 256;

/** Give up on a generation after this many proposals unless the options say otherwise: the tolerance can no longer be met. */
export const MAX_PROPOSALS = 10_000_000;

/** One generation in this process: proposals in order, in batches, until N are accepted; undefined if maxProposals run out first. */
async function generation(model: AbcModel, options: AbcOptions, step: Step & { kind: 'generation' }): Promise<Generation | undefined> {
  const batch = options.batch ?? BATCH;
  const from = proposer(model.priors, options.seed, step.t, step.previous, options.kernel);
  const builder = new GenerationBuilder(options.particles, step.tolerance, from);
  for (let first = 0; !builder.full; first += batch) {
    if (first >= (options.maxProposals ?? MAX_PROPOSALS)) return undefined;
    // A batch: each proposal from its own stream; those inside the prior's support are simulated (by the model, in any order).
    const proposals = Array.from({ length: batch }, (_, b) => proposalAt(from, first + b));
    const inside = proposals.flatMap((p, b) => (Number.isFinite(p.logPrior) ? [b] : []));
    const d = await model.distances(
      step.t,
      inside.map((b) => first + b),
      inside.map((b) => (proposals[b] as Proposal).theta),
    );
    const distances: (number | undefined)[] = proposals.map(() => undefined);
    inside.forEach((b, j) => {
      distances[b] = d[j];
    });
    for (const [b, p] of proposals.entries()) if (!builder.add(p, distances[b])) break;
  }
  return builder.finish();
}

export async function abcSmc(model: AbcModel, options: AbcOptions): Promise<AbcResult> {
  if (options.sampler === 'replenish') return abcReplenish(model, options);
  const generations: Generation[] = [...(options.resumeFrom ?? [])];
  for (;;) {
    const step = nextStep(generations, options);
    if (step.kind === 'stop') return { generations, stopped: step.stopped };
    const next = await generation(model, options, step);
    if (!next) {
      if (step.t === 0) throw new Error('ABC: no proposal from the prior could be simulated');
      return { generations, stopped: 'acceptance' };
    }
    generations.push(next);
    options.onGeneration?.(next);
  }
}

/**
 * The distance the true parameters would typically have if each target's scale were its
 * observation error (normal, independent) and the model had no other error: the distance² is then
 * Σ w z², close to χ² with Σw degrees of freedom, whose median (Wilson–Hilferty) is
 * k (1 − 2/(9k))³. Shrinking the tolerance below its square root fits the observation errors.
 */
export function observationFloor(weights: readonly number[]): number {
  const k = weights.reduce((a, w) => a + w, 0);
  return k > 0 ? Math.sqrt(k * (1 - 2 / (9 * k)) ** 3) : 0;
}

/** Weighted mean and standard deviation of parameter a in a generation. */
export function marginal(g: Generation, a: number): { mean: number; sd: number } {
  let mean = 0;
  g.particles.forEach((x, i) => {
    mean += g.weights[i] * x[a];
  });
  let variance = 0;
  g.particles.forEach((x, i) => {
    variance += g.weights[i] * (x[a] - mean) ** 2;
  });
  return { mean, sd: Math.sqrt(variance) };
}
