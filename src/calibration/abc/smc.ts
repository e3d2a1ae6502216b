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
import { deriveSeed, designRandom, type Random } from '../../model/rng.js';
import { fitKernel, type Kernel, logKernel, perturb } from './kernel.js';
import { type Prior, priorDensity, priorSupport, samplePrior } from './priors.js';

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
      thetas.map((theta, j) => distance(problem, problem.simulate(theta, deriveSeed(seed, t, indices[j] as number)))),
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
  /** Proposals per batch (default 256): a unit of work, with no effect on the result. */
  readonly batch?: number;
  /** Give up on a generation after this many proposals (default 10⁷): the tolerance can no longer be met. */
  readonly maxProposals?: number;
}

export interface Generation {
  readonly t: number;
  readonly tolerance: number;
  /** Simulations run (proposals outside the prior are not simulated). */
  readonly simulations: number;
  readonly acceptance: number;
  readonly ess: number;
  readonly particles: readonly Float64Array[];
  readonly weights: Float64Array;
  readonly distances: Float64Array;
}

export interface AbcResult {
  readonly generations: readonly Generation[];
  /** Why it stopped: the generation limit, the acceptance floor, a tolerance that stopped falling, or the tolerance floor. */
  readonly stopped: 'generations' | 'acceptance' | 'tolerance' | 'floor';
}

function distance(problem: AbcProblem, summaries: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < problem.observed.length; i++) {
    const z = ((summaries[i] as number) - (problem.observed[i] as number)) / (problem.scales[i] as number);
    sum += z * z;
  }
  return Math.sqrt(sum);
}

function logPrior(priors: readonly Prior[], theta: Float64Array): number {
  let log = 0;
  for (let i = 0; i < priors.length; i++) log += Math.log(priorDensity(priors[i] as Prior, theta[i] as number));
  return log;
}

/** The q-quantile of values under weights (summing to 1). */
export function weightedQuantile(values: Float64Array, weights: Float64Array, q: number): number {
  const order = Array.from(values.keys()).sort((a, b) => (values[a] as number) - (values[b] as number));
  let cumulative = 0;
  for (const i of order) {
    cumulative += weights[i] as number;
    if (cumulative >= q) return values[i] as number;
  }
  return values[order[order.length - 1] as number] as number;
}

/** Index drawn with probability proportional to weight (weights sum to 1). */
function pick(weights: Float64Array, random: Random): number {
  const u = random();
  let cumulative = 0;
  for (let i = 0; i < weights.length; i++) {
    cumulative += weights[i] as number;
    if (u < cumulative) return i;
  }
  return weights.length - 1;
}

interface Proposal {
  readonly theta: Float64Array;
  /** −Infinity outside the prior's support: not simulated. */
  readonly logPrior: number;
}

/** Draws a proposal may make before it counts as one outside the prior (not simulated). */
const MAX_TRIES = 100_000;

/**
 * A proposal from its own stream: from the prior, or a particle of the last generation perturbed,
 * drawn again (new particle, new perturbation) until it lies where the prior has mass. That is the
 * kernel mixture truncated to the prior's support, as throwing such proposals away would give, at a
 * fraction of the cost: in 16 dimensions with the posterior against several bounds most draws leave
 * the box, and a batch of simulations no longer waits on a main thread drawing them.
 */
function propose(
  problem: AbcModel,
  support: readonly [Float64Array, Float64Array],
  previous: Generation | undefined,
  kernel: Kernel | undefined,
  random: Random,
): Proposal {
  if (!previous || !kernel) {
    const theta = Float64Array.from(problem.priors, (p) => samplePrior(p, random));
    return { theta, logPrior: logPrior(problem.priors, theta) };
  }
  for (let tries = 0; tries < MAX_TRIES; tries++) {
    const center = previous.particles[pick(previous.weights, random)] as Float64Array;
    const theta = perturb(kernel, center, random, support[0], support[1]);
    if (!theta) continue;
    const log = logPrior(problem.priors, theta);
    if (Number.isFinite(log)) return { theta, logPrior: log };
  }
  return { theta: Float64Array.from(previous.particles[0] as Float64Array), logPrior: Number.NEGATIVE_INFINITY };
}

/** One generation: proposals in order, in batches, until N are accepted; undefined if maxProposals run out first. */
async function generation(
  model: AbcModel,
  options: AbcOptions,
  t: number,
  tolerance: number,
  previous?: Generation,
): Promise<Generation | undefined> {
  const n = options.particles;
  const batch = options.batch ?? 256;
  const kernel = previous ? fitKernel(previous.particles, previous.weights) : undefined;
  const support = [0, 1].map((end) => Float64Array.from(model.priors, (p) => priorSupport(p)[end] as number)) as [
    Float64Array,
    Float64Array,
  ];
  const particles: Float64Array[] = [];
  const logPriors: number[] = [];
  const distances: number[] = [];
  let simulations = 0;
  const maxProposals = options.maxProposals ?? 10_000_000;
  for (let first = 0; particles.length < n; first += batch) {
    if (first >= maxProposals) return undefined;
    // A batch: each proposal from its own stream; those inside the prior's support are simulated (by the model, in any order).
    const proposals = Array.from({ length: batch }, (_, b) =>
      propose(model, support, previous, kernel, designRandom(options.seed, `abc/${t}/${first + b}`)),
    );
    const inside = proposals.flatMap((p, b) => (Number.isFinite(p.logPrior) ? [b] : []));
    const d = await model.distances(
      t,
      inside.map((b) => first + b),
      inside.map((b) => (proposals[b] as Proposal).theta),
    );
    const results = proposals.map((proposal) => ({ proposal, d: Number.POSITIVE_INFINITY, simulated: false }));
    inside.forEach((b, j) => {
      results[b] = { proposal: proposals[b] as Proposal, d: d[j] as number, simulated: true };
    });
    for (const r of results) {
      if (particles.length === n) break; // past the N-th acceptance: discarded, so the batch size changes nothing
      if (r.simulated) simulations++;
      if (r.simulated && r.d <= tolerance) {
        particles.push(r.proposal.theta);
        logPriors.push(r.proposal.logPrior);
        distances.push(r.d);
      }
    }
  }
  const weights = new Float64Array(n);
  if (!previous || !kernel) weights.fill(1 / n);
  else {
    const scratch = new Float64Array(kernel.dim);
    particles.forEach((theta, i) => {
      let mixture = 0;
      previous.particles.forEach((center, j) => {
        mixture += (previous.weights[j] as number) * Math.exp(logKernel(kernel, center, theta, scratch));
      });
      weights[i] = Math.exp(logPriors[i] as number) / mixture;
    });
    const total = weights.reduce((a, b) => a + b, 0);
    for (let i = 0; i < n; i++) weights[i] = (weights[i] as number) / total;
  }
  const ess = 1 / weights.reduce((a, w) => a + w * w, 0);
  return { t, tolerance, simulations, acceptance: n / simulations, ess, particles, weights, distances: Float64Array.from(distances) };
}

export async function abcSmc(model: AbcModel, options: AbcOptions): Promise<AbcResult> {
  const q = options.quantile ?? 0.5;
  const maxGenerations = options.maxGenerations ?? 20;
  const generations: Generation[] = [...(options.resumeFrom ?? [])];
  if (generations.length === 0) {
    const first = await generation(model, options, 0, Number.POSITIVE_INFINITY);
    if (!first) throw new Error('ABC: no proposal from the prior could be simulated');
    generations.push(first);
    options.onGeneration?.(first);
  } else {
    // The stop a resumed run's last generation would have made, had the run not been interrupted.
    const lastOne = generations[generations.length - 1] as Generation;
    if (lastOne.t > 0 && lastOne.acceptance < (options.minAcceptance ?? 0.01)) return { generations, stopped: 'acceptance' };
  }
  for (let t = generations.length; t < maxGenerations; t++) {
    const previous = generations[t - 1] as Generation;
    const floor = options.minTolerance ?? 0;
    if (previous.tolerance <= floor) return { generations, stopped: 'floor' };
    // The schedule's next step, but never below the floor: the last generation is drawn at it.
    const proposed = weightedQuantile(previous.distances, previous.weights, q);
    const tolerance = Math.max(floor, proposed);
    const before = previous.tolerance;
    if (Number.isFinite(before) && proposed > (1 - (options.minToleranceDrop ?? 0.01)) * before)
      return { generations, stopped: 'tolerance' };
    const next = await generation(model, options, t, tolerance, previous);
    if (!next) return { generations, stopped: 'acceptance' };
    generations.push(next);
    options.onGeneration?.(next);
    if (next.acceptance < (options.minAcceptance ?? 0.01)) return { generations, stopped: 'acceptance' };
  }
  return { generations, stopped: 'generations' };
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
    mean += (g.weights[i] as number) * (x[a] as number);
  });
  let variance = 0;
  g.particles.forEach((x, i) => {
    variance += (g.weights[i] as number) * ((x[a] as number) - mean) ** 2;
  });
  return { mean, sd: Math.sqrt(variance) };
}
