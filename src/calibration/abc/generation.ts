/**
 * One ABC-SMC generation, in the two pieces every way of running it shares: the proposals
 * (proposal i of generation t is a function of the seed, t, i and the previous generation only)
 * and the assembly of a generation from its proposals' distances taken in proposal order (the
 * first N within the tolerance, weighted). smc.ts runs both in one process; shards.ts spreads
 * the proposals over processes (Slurm) and assembles the same generation from their files.
 */
import { designRandom, type Random } from '../../model/rng.js';
import { fitKernel, type Kernel, type KernelKind, logKernel, logKernelTruncated, perturb, perturbTruncated } from './kernel.js';
import { type Prior, priorDensity, priorSupport, samplePrior } from './priors.js';

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

export interface Proposal {
  readonly theta: Float64Array;
  /** −Infinity outside the prior's support: not simulated. */
  readonly logPrior: number;
}

/** Draws a proposal may make before it counts as one outside the prior (not simulated). */
const MAX_TRIES = 100_000;

function logPrior(priors: readonly Prior[], theta: Float64Array): number {
  let log = 0;
  for (let i = 0; i < priors.length; i++) log += Math.log(priorDensity(priors[i] as Prior, theta[i]));
  return log;
}

/** The running sums of the weights, added in order: what pick searches. */
function cumulativeOf(weights: Float64Array): Float64Array {
  const out = new Float64Array(weights.length);
  let sum = 0;
  for (let i = 0; i < weights.length; i++) {
    sum += weights[i] as number;
    out[i] = sum;
  }
  return out;
}

/**
 * Index drawn with probability proportional to weight: the first i with u < Σ_{j≤i} w_j (the last if
 * none), found by bisection on the running sums, which never fall: the index a scan in order finds, in
 * log N steps. A proposal in many dimensions can take thousands of draws before one lies inside the
 * priors, each picking a particle.
 */
function pick(cumulative: Float64Array, random: Random): number {
  const u = random();
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (u < (cumulative[mid] as number)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** What proposals of generation t are drawn from: the priors, or the previous generation and its kernel. */
export interface Proposer {
  readonly t: number;
  readonly seed: number;
  readonly priors: readonly Prior[];
  readonly support: readonly [Float64Array, Float64Array];
  /** How proposals are kept inside the priors (kernel.ts). */
  readonly kind: KernelKind;
  readonly previous?: Generation;
  readonly kernel?: Kernel;
  readonly cumulative?: Float64Array;
}

export function proposer(priors: readonly Prior[], seed: number, t: number, previous?: Generation, kind: KernelKind = 'box'): Proposer {
  const support = [0, 1].map((end) => Float64Array.from(priors, (p) => priorSupport(p)[end] as number)) as [Float64Array, Float64Array];
  return previous
    ? {
        t,
        seed,
        priors,
        support,
        kind,
        previous,
        kernel: fitKernel(previous.particles, previous.weights),
        cumulative: cumulativeOf(previous.weights),
      }
    : { t, seed, priors, support, kind };
}

/**
 * Proposal i, from its own stream: from the prior, or a particle of the last generation perturbed,
 * drawn again (new particle, new perturbation) until it lies where the prior has mass. That is the
 * kernel mixture truncated to the prior's support, as throwing such proposals away would give, at a
 * fraction of the cost: in 16 dimensions with the posterior against several bounds most draws leave
 * the box, and a batch of simulations no longer waits on a main thread drawing them.
 */
export function proposalAt(p: Proposer, i: number): Proposal {
  const random = designRandom(p.seed, `abc/${p.t}/${i}`);
  const { previous, kernel, priors, cumulative } = p;
  if (!previous || !kernel || !cumulative) {
    const theta = Float64Array.from(priors, (prior) => samplePrior(prior, random));
    return { theta, logPrior: logPrior(priors, theta) };
  }
  if (p.kind === 'truncated') {
    const theta = perturbTruncated(
      kernel,
      previous.particles[pick(cumulative, random)] as Float64Array,
      random,
      p.support[0],
      p.support[1],
    );
    return { theta, logPrior: logPrior(priors, theta) };
  }
  for (let tries = 0; tries < MAX_TRIES; tries++) {
    const center = previous.particles[pick(cumulative, random)] as Float64Array;
    const theta = perturb(kernel, center, random, p.support[0], p.support[1]);
    if (!theta) continue;
    const log = logPrior(priors, theta);
    if (Number.isFinite(log)) return { theta, logPrior: log };
  }
  return { theta: Float64Array.from(previous.particles[0] as Float64Array), logPrior: Number.NEGATIVE_INFINITY };
}

/**
 * A generation assembled from its proposals in order: `add` each proposal with its distance
 * (undefined: outside the prior, not simulated) until `full`; proposals after the N-th acceptance
 * are never added, so how the proposals were batched or spread changes nothing.
 */
export class GenerationBuilder {
  private readonly particles: Float64Array[] = [];
  private readonly logPriors: number[] = [];
  private readonly distances: number[] = [];
  private simulations = 0;
  /** Proposals added so far (inside the prior or not). */
  proposals = 0;

  constructor(
    private readonly n: number,
    private readonly tolerance: number,
    private readonly from: Proposer,
  ) {}

  get full(): boolean {
    return this.particles.length === this.n;
  }

  get accepted(): number {
    return this.particles.length;
  }

  /** Add the next proposal in order; false once the generation is full (the proposal is then not counted). */
  add(proposal: Proposal, d: number | undefined): boolean {
    if (this.full) return false;
    this.proposals++;
    if (d === undefined) return true;
    this.simulations++;
    if (d <= this.tolerance) {
      this.particles.push(proposal.theta);
      this.logPriors.push(proposal.logPrior);
      this.distances.push(d);
    }
    return true;
  }

  /** The generation, weighted π(θ) / Σ_j w_j K(θ | θ_j) (equal weights in generation 0). */
  finish(): Generation {
    const { n, particles, logPriors } = this;
    const { previous, kernel, kind, support } = this.from;
    const weights = new Float64Array(n);
    if (!previous || !kernel) weights.fill(1 / n);
    else {
      const scratch = new Float64Array(kernel.dim);
      const density =
        kind === 'truncated'
          ? (center: Float64Array, theta: Float64Array) => logKernelTruncated(kernel, center, theta, support[0], support[1], scratch)
          : (center: Float64Array, theta: Float64Array) => logKernel(kernel, center, theta, scratch);
      particles.forEach((theta, i) => {
        let mixture = 0;
        previous.particles.forEach((center, j) => {
          mixture += previous.weights[j] * Math.exp(density(center, theta));
        });
        weights[i] = Math.exp(logPriors[i]) / mixture;
      });
      const total = weights.reduce((a, b) => a + b, 0);
      for (let i = 0; i < n; i++) weights[i] = weights[i] / total;
    }
    const ess = 1 / weights.reduce((a, w) => a + w * w, 0);
    return {
      t: this.from.t,
      tolerance: this.tolerance,
      simulations: this.simulations,
      acceptance: n / this.simulations,
      ess,
      particles,
      weights,
      distances: Float64Array.from(this.distances),
    };
  }
}
