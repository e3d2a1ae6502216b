/**
 * `npm run bench`: tie-domain updates per second for the engine and for the
 * fused reference loop, on the default scenario and a generated 200-actor one;
 * and the default scenario end to end (process start to files written).
 * Prints figures; asserts nothing (timings are not tests).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { bind } from '../model/bound.js';
import type { ModelConfig } from '../model/config.js';
import { curvatureOf } from '../model/curvature.js';
import { D } from '../model/domains.js';
import { makeRandom } from '../model/rng.js';
import { initialise, simulate } from '../model/simulate.js';
import { createState } from '../model/state.js';
import { loadScenario, prepare } from '../scenario/load.js';
import type { ScenarioFile } from '../scenario/schema.js';
import { Scenario } from '../scenario/schemas.js';
import { parseSource } from '../scenario/source.js';
import { validateShape } from '../scenario/validate.js';
import { compareBenchmark } from './compare.js';
import { exploreBenchmark } from './explore.js';
import { fusedStep, weightsOf } from './fused.js';
import { largeScenario } from './generate.js';
import { outputBenchmark } from './output.js';
import { sweepBenchmark } from './sweep.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const DEFAULT = join(ROOT, 'scenarios', 'china-russia-2022.yaml');

function timeRuns(seconds: number, run: (r: number) => void): { runs: number; elapsed: number } {
  const start = process.hrtime.bigint();
  let runs = 0;
  let elapsed = 0;
  while (elapsed < seconds) {
    run(runs++);
    elapsed = Number(process.hrtime.bigint() - start) / 1e9;
  }
  return { runs, elapsed };
}

function measure(label: string, cfg: ModelConfig, seconds: number): number {
  const s = createState(cfg);
  const perRun = cfg.ticks * cfg.K * D;
  const bound = bind(cfg); // the engine's own bindings: weights, and which mechanisms are inert under cfg
  const weights = weightsOf(cfg);
  const conditioned = !bound.some((b) => b.mechanism.name === 'rewardCondition' && b.inert);
  const prev = new Float64Array(cfg.K * D);
  const gain = curvatureOf(cfg, bound).stepGain;
  // Warm up both paths, and check they compute the same thing.
  simulate(cfg, s, makeRandom(1));
  const engineEnd = Float64Array.from(s.commitment);
  initialise(cfg, s);
  const rnd = makeRandom(1);
  for (let t = 0; t < cfg.ticks; t++) fusedStep(cfg, s, t, rnd, weights, prev, conditioned, gain);
  let maxDiff = 0;
  for (let x = 0; x < engineEnd.length; x++) maxDiff = Math.max(maxDiff, Math.abs(engineEnd[x] - s.commitment[x]));

  // Interleaved rounds: on a shared machine one reading swings ±15%; the best round is the least disturbed.
  const engineRates: number[] = [];
  const fusedRates: number[] = [];
  let runsPerSecond = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const engine = timeRuns(seconds / ROUNDS, (r) => simulate(cfg, s, makeRandom(r)));
    const fused = timeRuns(seconds / ROUNDS, (r) => {
      initialise(cfg, s);
      const random = makeRandom(r);
      for (let t = 0; t < cfg.ticks; t++) fusedStep(cfg, s, t, random, weights, prev, conditioned, gain);
    });
    engineRates.push((engine.runs * perRun) / engine.elapsed);
    fusedRates.push((fused.runs * perRun) / fused.elapsed);
    runsPerSecond = Math.max(runsPerSecond, engine.runs / engine.elapsed);
  }
  const best = (xs: number[]) => Math.max(...xs);
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
  const m = (x: number) => (x / 1e6).toFixed(1).padStart(5);
  console.log(
    `${label.padEnd(22)} actors ${String(cfg.n).padStart(3)}  tie-domains ${String(cfg.K * D).padStart(6)}  ` +
      `engine best ${m(best(engineRates))} median ${m(median(engineRates))} M/s  fused best ${m(best(fusedRates))} median ${m(median(fusedRates))} M/s  ` +
      `ratio ${(best(engineRates) / best(fusedRates)).toFixed(2)}  runs/s ${runsPerSecond.toFixed(0)}  max |engine−fused| ${maxDiff.toExponential(1)}`,
  );
  return runsPerSecond;
}

function endToEnd(repeats: number): void {
  const bin = join(ROOT, 'dist', 'cli', 'main.js');
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const dir = mkdtempSync(join(tmpdir(), 'entente-bench-'));
    const start = process.hrtime.bigint();
    const r = spawnSync(process.execPath, [bin, 'run', DEFAULT, '--out', join(dir, 'out'), '--replications', '30', '--quiet']);
    times.push(Number(process.hrtime.bigint() - start) / 1e9);
    rmSync(dir, { recursive: true, force: true });
    if (r.status !== 0) throw new Error(`run failed: ${r.stderr}`);
  }
  times.sort((a, b) => a - b);
  console.log(
    `default scenario, 30 replications, end to end (process start to files written): median ${times[Math.floor(repeats / 2)].toFixed(2)} s over ${repeats} runs (target < 3 s)`,
  );
}

/** Process start to exit of short commands: what a user feels before anything runs. */
function startUp(repeats: number): void {
  const bin = join(ROOT, 'dist', 'cli', 'main.js');
  const cases: [string, string[]][] = [
    ['node alone', ['-e', '0']],
    ['entente --help', [bin, '--help']],
    ['entente check (default scenario)', [bin, 'check', DEFAULT]],
  ];
  const line = cases.map(([label, args]) => {
    const times: number[] = [];
    for (let i = 0; i < repeats; i++) {
      const start = process.hrtime.bigint();
      const r = spawnSync(process.execPath, args);
      times.push(Number(process.hrtime.bigint() - start) / 1e6);
      if (r.status !== 0) throw new Error(`${label} failed: ${r.stderr}`);
    }
    times.sort((a, b) => a - b);
    return `${label} ${times[Math.floor(repeats / 2)].toFixed(0)} ms`;
  });
  console.log(`start-up, median of ${repeats}: ${line.join(';  ')}`);
}

const seconds = Number(process.env.BENCH_SECONDS ?? 6);
const ROUNDS = 3;
console.log(`entente benchmark — node ${process.version}, one core, ${ROUNDS} interleaved rounds over ${seconds} s per scenario`);
const engineRunsPerSecond = measure('china-russia-2022', loadScenario(DEFAULT).config, seconds);
const generatedJson = JSON.stringify(largeScenario(200));
const generated = parseSource('generated-200.json', generatedJson);
const generatedConfig = prepare(generated, validateShape<ScenarioFile>(Scenario, generated)).config;
measure('generated 200 actors', generatedConfig, seconds);
console.log('targets: engine ≥ 10 M tie-domain updates/s and ≥ 0.5 × fused on the 200-actor scenario');
startUp(7);
endToEnd(5);
if (process.env.BENCH_OUTPUT !== '0') await outputBenchmark(ROOT, generatedConfig, generatedJson);
if (process.env.BENCH_SWEEP !== '0') await sweepBenchmark(ROOT, Number(process.env.BENCH_SWEEP_ROUNDS ?? 3));
if (process.env.BENCH_COMPARE !== '0') await compareBenchmark(ROOT, engineRunsPerSecond);
if (process.env.BENCH_EXPLORE !== '0') await exploreBenchmark(ROOT);
