/**
 * ABC-SMC by replenishment (Drovandi & Pettitt 2011; in the line of Del Moral et al. 2012's
 * adaptive ABC-SMC with MCMC moves): for priors of many parameters, where importance weights
 * degenerate (the population-Monte-Carlo sampler of smc.ts kept an effective sample of 1 of 1,000
 * over 46 parameters). Every particle keeps an equal weight; what moves the population is a
 * Markov chain whose stationary law is the ABC posterior at the current tolerance.
 *
 * Generation 0 draws N particles from the prior. Generation t ≥ 1: the tolerance is the distance
 * below which a share 1 − α of the population lies (not below the observation floor); the
 * particles beyond it are dropped and replaced by copies of the survivors drawn at random, and
 * each copy is moved R_t times by ABC-MCMC (Marjoram et al. 2003): each coordinate stepped by a
 * normal of sd 2.38/√d times the survivors' (Roberts & Rosenthal 2001) and reflected into the
 * prior's support, accepted when its distance is within the tolerance and a uniform draw is below
 * the prior ratio. The walk is symmetric, so that is the Metropolis–Hastings rule for the prior
 * restricted to the tolerance. R_t is set so that a copy is left unmoved with probability at most
 * c: R_t = ⌈log c / log(1 − p)⌉, p the acceptance of this generation's moves so far (the previous
 * generation's before any; Drovandi & Pettitt's rule). It stops at the generation limit, when a generation
 * accepts fewer than the minimum share of its moves, at the observation floor, or when the
 * tolerance stops falling.
 *
 * Reproducible to the byte whatever the evaluation order: the draws of move r of copy k in
 * generation t come from their own stream and its simulation has the index r·N + k, so a batch
 * of moves can go to any worker.
 */
import { designRandom } from '../../model/rng.js';
import type { Generation } from './generation.js';
import { type Prior, priorDensity, priorSupport, samplePrior, standardNormal } from './priors.js';
import type { AbcModel, AbcOptions, AbcResult } from './smc.js';

/** The share of the population dropped each generation unless told (Drovandi & Pettitt's α = ½). */
export const DROP = 0.5;
/** The largest chance a copy is left unmoved (c). */
const UNMOVED = 0.01;
/** Moves per copy: at least, in the first generation (no acceptance known yet), and at most. */
const MIN_MOVES = 2;
const FIRST_MOVES = 10;
const MAX_MOVES = 400;

function logPrior(priors: readonly Prior[], theta: Float64Array): number {
  let log = 0;
  for (let i = 0; i < priors.length; i++) log += Math.log(priorDensity(priors[i] as Prior, theta[i] as number));
  return log;
}

/** Each coordinate's random-walk step: the survivors' sd × 2.38 / √d (Roberts & Rosenthal 2001), floored by a tiny share of its range. */
function steps(survivors: readonly Float64Array[], lo: Float64Array, hi: Float64Array): Float64Array {
  const d = lo.length;
  const n = survivors.length;
  return Float64Array.from({ length: d }, (_, a) => {
    let mean = 0;
    for (const x of survivors) mean += (x[a] as number) / n;
    let variance = 0;
    for (const x of survivors) variance += ((x[a] as number) - mean) ** 2 / n;
    const width = (hi[a] as number) - (lo[a] as number);
    const floor = Number.isFinite(width) ? 1e-9 * width : 1e-12;
    return Math.max(floor, (2.38 / Math.sqrt(d)) * Math.sqrt(variance));
  });
}

/** x folded back into [lo, hi] by reflection at the bounds (any number of times): the identity on an unbounded side. */
function reflect(x: number, lo: number, hi: number): number {
  if (Number.isFinite(lo) && Number.isFinite(hi)) {
    const w = hi - lo;
    let y = (x - lo) % (2 * w);
    if (y < 0) y += 2 * w;
    return lo + (y <= w ? y : 2 * w - y);
  }
  if (Number.isFinite(lo) && x < lo) return 2 * lo - x;
  if (Number.isFinite(hi) && x > hi) return 2 * hi - x;
  return x;
}

/**
 * A move: each coordinate stepped by an independent normal and reflected into the prior's support.
 * Reflection keeps the proposal symmetric (q(x → y) = q(y → x)) for independent steps in a box, so
 * the Metropolis–Hastings ratio is the prior's alone; a correlated step reflected would not be, and
 * an unreflected one in 46 bounded dimensions leaves the box in most draws.
 */
function move(theta: Float64Array, step: Float64Array, lo: Float64Array, hi: Float64Array, random: () => number): Float64Array {
  return Float64Array.from(theta, (x, a) => reflect(x + (step[a] as number) * standardNormal(random), lo[a] as number, hi[a] as number));
}

function equal(
  t: number,
  tolerance: number,
  particles: Float64Array[],
  distances: Float64Array,
  simulations: number,
  acceptance: number,
): Generation {
  const n = particles.length;
  return { t, tolerance, simulations, acceptance, ess: n, particles, weights: new Float64Array(n).fill(1 / n), distances };
}

async function fromPrior(model: AbcModel, options: AbcOptions): Promise<Generation> {
  const n = options.particles;
  const particles = Array.from({ length: n }, (_, i) => {
    const random = designRandom(options.seed, `abc/0/${i}`);
    return Float64Array.from(model.priors, (p) => samplePrior(p, random));
  });
  const distances = Float64Array.from(
    await model.distances(
      0,
      particles.map((_, i) => i),
      particles,
    ),
  );
  return equal(0, Number.POSITIVE_INFINITY, particles, distances, n, 1);
}

/** Generation t from generation t − 1: drop, resample, move. */
async function replenish(model: AbcModel, options: AbcOptions, previous: Generation): Promise<Generation | 'stalled'> {
  const n = previous.particles.length;
  const t = previous.t + 1;
  const order = Array.from(previous.distances.keys()).sort(
    (a, b) => (previous.distances[a] as number) - (previous.distances[b] as number) || a - b,
  );
  const keep = Math.max(1, n - Math.floor((options.drop ?? DROP) * n));
  const tolerance = Math.max(options.minTolerance ?? 0, previous.distances[order[keep - 1] as number] as number);
  if (Number.isFinite(previous.tolerance) && tolerance > (1 - (options.minToleranceDrop ?? 0.01)) * previous.tolerance) return 'stalled';
  const alive = order.filter((i) => (previous.distances[i] as number) <= tolerance);
  const particles: Float64Array[] = previous.particles.map((p) => Float64Array.from(p));
  const distances = Float64Array.from(previous.distances);
  const dropped = order.filter((i) => (previous.distances[i] as number) > tolerance).sort((a, b) => a - b);
  const resample = designRandom(options.seed, `abc/${t}/resample`);
  for (const slot of dropped) {
    const from = alive[Math.floor(resample() * alive.length)] as number;
    particles[slot] = Float64Array.from(previous.particles[from] as Float64Array);
    distances[slot] = previous.distances[from] as number;
  }
  const lo = Float64Array.from(model.priors, (p) => priorSupport(p)[0]);
  const hi = Float64Array.from(model.priors, (p) => priorSupport(p)[1]);
  const step = steps(
    alive.map((i) => previous.particles[i] as Float64Array),
    lo,
    hi,
  );
  // Moves needed so a copy stays unmoved with chance at most c, at acceptance p.
  const needed = (p: number) =>
    Math.min(MAX_MOVES, Math.max(MIN_MOVES, Math.ceil(Math.log(UNMOVED) / Math.log(1 - Math.min(0.999, Math.max(1e-6, p))))));
  let moves = t === 1 ? FIRST_MOVES : needed(previous.acceptance);
  let proposed = 0;
  let accepted = 0;
  let simulations = 0;
  for (let r = 0; r < moves; r++) {
    // Move r of every copy: proposals from their own streams, those inside the support simulated together.
    const proposals = dropped.map((slot, k) => {
      const random = designRandom(options.seed, `abc/${t}/${r}/${k}`);
      const theta = move(particles[slot] as Float64Array, step, lo, hi, random);
      const log = logPrior(model.priors, theta);
      return { slot, k, theta, log, u: random() };
    });
    const inside = proposals.filter((p) => Number.isFinite(p.log)); // a point mass of zero density (never, in a box) is not simulated
    // Move r of copy k is simulation r·N + k: consecutive within a move, so the pool takes them in blocks.
    const d = await model.distances(
      t,
      inside.map((p) => r * n + p.k),
      inside.map((p) => p.theta),
    );
    simulations += inside.length;
    proposed += proposals.length;
    inside.forEach((p, j) => {
      const current = logPrior(model.priors, particles[p.slot] as Float64Array);
      if ((d[j] as number) <= tolerance && Math.log(p.u) < p.log - current) {
        particles[p.slot] = p.theta;
        distances[p.slot] = d[j] as number;
        accepted++;
      }
    });
    // The count follows this generation's own acceptance as it shows (Drovandi & Pettitt): it falls as the tolerance does.
    if (r >= MIN_MOVES - 1) moves = Math.max(r + 1, needed(accepted / proposed));
  }
  return equal(t, tolerance, particles, distances, simulations, proposed > 0 ? accepted / proposed : 1);
}

/** ABC-SMC by replenishment: the same options and result as abcSmc (smc.ts), equal weights throughout. */
export async function abcReplenish(model: AbcModel, options: AbcOptions): Promise<AbcResult> {
  const generations: Generation[] = [...(options.resumeFrom ?? [])];
  for (;;) {
    const previous = generations[generations.length - 1];
    let next: Generation | 'stalled';
    if (!previous) next = await fromPrior(model, options);
    else {
      if (previous.t > 0 && previous.acceptance < (options.minAcceptance ?? 0.01)) return { generations, stopped: 'acceptance' };
      if (generations.length >= (options.maxGenerations ?? 20)) return { generations, stopped: 'generations' };
      if (previous.tolerance <= (options.minTolerance ?? 0)) return { generations, stopped: 'floor' };
      next = await replenish(model, options, previous);
    }
    if (next === 'stalled') return { generations, stopped: 'tolerance' };
    generations.push(next);
    options.onGeneration?.(next);
  }
}
