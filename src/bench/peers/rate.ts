/** entente's runs per second in one process on a scenario: the engine with pairs collected, nothing written (as rate.py measures the port). */
import { collectTick } from '../../experiments/collect.js';
import { deriveSeed, makeRandom } from '../../model/rng.js';
import { simulate } from '../../model/simulate.js';
import { createState } from '../../model/state.js';
import { loadScenario } from '../../scenario/load.js';

export function runsPerSecond(scenario: string, seconds: number): number {
  const { config: cfg, seed } = loadScenario(scenario);
  const state = createState(cfg);
  let kept = 0;
  const sinks = { pairs: () => kept++ };
  const one = (r: number) =>
    simulate(cfg, state, makeRandom(deriveSeed(seed, 0, r)), { tick: (t, s) => collectTick(cfg, s, t, r, seed, sinks) });
  one(0);
  let runs = 0;
  const start = process.hrtime.bigint();
  let elapsed = 0;
  while (elapsed < seconds) {
    one(++runs);
    elapsed = Number(process.hrtime.bigint() - start) / 1e9;
  }
  if (kept === 0) throw new Error('no rows collected');
  return runs / elapsed;
}
