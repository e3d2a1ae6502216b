/**
 * One process of the engine at full speed, for `npm run bench`'s engine-at-the-same-process-count
 * figure (bench/compare.ts): the default scenario's baseline run after run for SECONDS seconds,
 * as bench/main.ts times the engine; prints the runs per second.
 */
import { join, resolve } from 'node:path';
import { makeRandom } from '../model/rng.js';
import { simulate } from '../model/simulate.js';
import { createState } from '../model/state.js';
import { loadScenario } from '../scenario/load.js';

const seconds = Number(process.argv[2] ?? 4);
const cfg = loadScenario(join(resolve(import.meta.dirname, '..', '..'), 'scenarios', 'china-russia-2022.yaml')).config;
const s = createState(cfg);
for (let r = 0; r < 50; r++) simulate(cfg, s, makeRandom(r)); // warm up
const start = process.hrtime.bigint();
let runs = 0;
let elapsed = 0;
while (elapsed < seconds) {
  simulate(cfg, s, makeRandom(runs++));
  elapsed = Number(process.hrtime.bigint() - start) / 1e9;
}
console.log((runs / elapsed).toFixed(1));
