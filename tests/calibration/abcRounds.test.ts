/**
 * ABC-SMC's rounds and shards (src/calibration/abc/shards.ts) in one process, on a simulator:
 * however the rounds are split among shards, in whatever order shards run, the generations
 * assembled from the round files are exactly those abcSmc draws in one process, and generations
 * whose acceptance falls more than the plan expects take more than one round.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { standardNormal } from '../../src/calibration/abc/priors.js';
import { readState, removeRounds, runShard } from '../../src/calibration/abc/shards.js';
import { type AbcOptions, type AbcProblem, abcSmc, fromSimulator, type Generation } from '../../src/calibration/abc/smc.js';
import { makeRandom } from '../../src/model/rng.js';
import { tempDir } from '../helpers.js';

/** Two means observed with little noise: the tolerance, and the acceptance, fall fast. */
const problem: AbcProblem = {
  priors: [
    { kind: 'uniform', min: -5, max: 5 },
    { kind: 'uniform', min: -5, max: 5 },
  ],
  observed: [1.2, -0.7],
  scales: [1, 1],
  simulate: (theta, seed) => {
    const random = makeRandom(seed);
    return [theta[0] + 0.05 * standardNormal(random), theta[1] + 0.05 * standardNormal(random)];
  },
};
// A tolerance at the 20% quantile: the acceptance falls faster than the rounds' plan expects.
const options: AbcOptions = { particles: 200, seed: 3, maxGenerations: 6, quantile: 0.2 };
const model = fromSimulator(problem, options.seed);

/** Run the directory to the end, shard counts per round from `split`, shards in reverse order; the rounds seen. */
async function sharded(split: (round: number) => number): Promise<{ generations: readonly Generation[]; rounds: number[] }> {
  const out = tempDir();
  const rounds: number[] = [];
  let saved: readonly Generation[] = [];
  for (let step = 0; step < 100; step++) {
    const state = readState(out, problem.priors, options, saved);
    if (state.kind === 'stop') return { generations: state.generations, rounds };
    rounds.push(state.round.round);
    saved = state.generations; // what --collect saves as checkpoints
    removeRounds(out, saved.length);
    const n = split(state.round.round);
    for (let k = n; k >= 1; k--) await runShard(out, state, { index: k, count: n }, model);
  }
  throw new Error('did not finish');
}

describe('ABC-SMC in rounds of shards', () => {
  it('assembles exactly the generations of one process, for any split, and some generations take several rounds', async () => {
    const whole = await abcSmc(model, options);
    for (const split of [() => 1, () => 3, (r: number) => 1 + (r % 4)]) {
      const { generations, rounds } = await sharded(split);
      expect(generations).toHaveLength(whole.generations.length);
      generations.forEach((g, t) => {
        const w = whole.generations[t] as Generation;
        expect(g.simulations).toBe(w.simulations);
        expect(Array.from(g.weights)).toEqual(Array.from(w.weights));
        expect(Array.from(g.distances)).toEqual(Array.from(w.distances));
        expect(g.particles.map((p) => Array.from(p))).toEqual(w.particles.map((p) => Array.from(p)));
      });
      expect(Math.max(...rounds)).toBeGreaterThanOrEqual(1);
    }
  });

  it('a shard whose file is there does nothing; removeRounds clears the saved generations’ files', async () => {
    const out = tempDir();
    const state = readState(out, problem.priors, options, []);
    if (state.kind !== 'round') throw new Error('expected a round');
    expect(await runShard(out, state, { index: 1, count: 2 }, model)).toBe(true);
    const again = readState(out, problem.priors, options, []);
    if (again.kind !== 'round') throw new Error('expected a round');
    expect(again.present).toEqual([1]);
    expect(await runShard(out, again, { index: 1, count: 2 }, model)).toBe(false);
    await expect(runShard(out, again, { index: 1, count: 3 }, model)).rejects.toThrow(/being run as 2 shards/);
    // The file, and its record (calibration/abc/record.ts).
    expect(readdirSync(join(out, 'rounds')).sort()).toEqual(['000.0000.1-of-2.done.json', '000.0000.1-of-2.json']);
    removeRounds(out);
    expect(existsSync(join(out, 'rounds'))).toBe(false);
  });
});
