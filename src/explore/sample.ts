/** A sample of a posterior's particles for the explore page: K drawn by weight (systematic resampling, seeded), so equally weighted. */
import type { Posterior } from '../compare/posterior/read.js';
import { designRandom } from '../model/rng.js';
import type { PagePosterior } from './model.js';

/** Particles the page runs at each change: enough for a 90% range, few enough to redraw at once. */
export const PAGE_PARTICLES = 40;

export function samplePosterior(posterior: Posterior, seed: number, k = PAGE_PARTICLES): PagePosterior {
  const n = posterior.values.length;
  const take = Math.min(k, n);
  const u = designRandom(seed, 'explore-posterior')() / take;
  const picked: number[] = [];
  let cumulative = 0;
  let i = 0;
  for (let m = 0; m < take; m++) {
    const target = u + m / take;
    while (i < n - 1 && cumulative + posterior.weights[i] < target) cumulative += posterior.weights[i++];
    picked.push(i);
  }
  return {
    dir: posterior.dir,
    paths: posterior.paths,
    particles: picked.map((j) => posterior.values[j] as readonly string[]),
    count: n,
    ess: posterior.ess,
  };
}
