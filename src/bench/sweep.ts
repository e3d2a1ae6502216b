/**
 * Sweep figures for `npm run bench`: runs per second with 1 worker and with
 * every core on 20,000 runs (worker start-up weighs) and on 100,000 (warm
 * workers), parallel efficiency, and the peak resident memory of the
 * 100,000-run summary-only sweeps of the default scenario. Each sweep runs as
 * the real CLI; peak memory is the process's VmHWM (threads included). Each
 * figure is the median and range of several interleaved rounds
 * (BENCH_SWEEP_ROUNDS, 3 by default).
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';

interface Measured {
  readonly runs: number;
  readonly runSeconds: number;
  readonly wallSeconds: number;
  readonly peakMB: number;
}

function sweepFile(dir: string, scenario: string, samples: number, replications: number): string {
  const file = join(dir, `bench-${samples}x${replications}.yaml`);
  writeFileSync(
    file,
    `scenario: ${scenario}\ndesign: random\nsamples: ${samples}\nreplications: ${replications}\nseed: 1\nparameters:\n  actors.CHN.costAversion: { min: 0.4, max: 1.0 }\n  shocks.eo14114.enforcement: { min: 0.2, max: 1.0 }\n`,
  );
  return file;
}

function peakOf(pid: number): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

async function measure(bin: string, file: string, out: string, workers: number): Promise<Measured> {
  const start = process.hrtime.bigint();
  const child = spawn(process.execPath, [bin, 'sweep', file, '--out', out, '--workers', String(workers), '--quiet'], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  let peak = 0;
  const poll = setInterval(() => {
    peak = Math.max(peak, peakOf(child.pid ?? 0));
  }, 50);
  const status = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  clearInterval(poll);
  if (status !== 0) throw new Error(`sweep exited with ${status}`);
  const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { runs: number; timings: { seconds: number } };
  return {
    runs: manifest.runs,
    runSeconds: manifest.timings.seconds,
    wallSeconds: Number(process.hrtime.bigint() - start) / 1e9,
    peakMB: peak,
  };
}

function median(xs: readonly number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Median and range of a list of rates, as "2,310 (2,104–2,455)". */
function spread(xs: readonly number[]): string {
  const f = (x: number) => Math.round(x).toLocaleString('en-US');
  return xs.length > 1 ? `${f(median(xs))} (${f(Math.min(...xs))}–${f(Math.max(...xs))})` : f(median(xs));
}

/**
 * `rounds` sweeps of each kind, alternated: 1 worker, every core, 1 worker, …
 * A shared VM's speed drifts by ±20% over minutes; alternating puts both kinds in
 * the same phases, and median and range say how much one reading can be trusted.
 */
async function interleaved(
  bin: string,
  file: string,
  dir: string,
  cores: number,
  rounds: number,
): Promise<{ one: Measured[]; all: Measured[] }> {
  const one: Measured[] = [];
  const all: Measured[] = [];
  for (let r = 0; r < rounds; r++) {
    one.push(await measure(bin, file, join(dir, `r${r}w1`), 1));
    all.push(await measure(bin, file, join(dir, `r${r}w${cores}`), cores));
    rmSync(join(dir, `r${r}w1`), { recursive: true, force: true });
    rmSync(join(dir, `r${r}w${cores}`), { recursive: true, force: true });
  }
  return { one, all };
}

/**
 * What the cores give when nothing is shared: `cores` separate 1-worker sweep processes at once,
 * each one's rate over the rate of one such sweep alone (alternated, `rounds` times). On a VM
 * whose vCPUs share a physical core, or a memory bus, this is below 1, and it bounds any
 * parallel efficiency from above.
 */
async function ceiling(bin: string, file: string, dir: string, cores: number, rounds: number): Promise<number[]> {
  const ratios: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const solo = await measure(bin, file, join(dir, `solo${r}`), 1);
    const together = await Promise.all(Array.from({ length: cores }, (_, c) => measure(bin, file, join(dir, `together${r}-${c}`), 1)));
    const rate = (m: Measured) => m.runs / m.runSeconds;
    ratios.push(median(together.map(rate)) / rate(solo));
    for (const name of [`solo${r}`, ...together.map((_, c) => `together${r}-${c}`)])
      rmSync(join(dir, name), { recursive: true, force: true });
  }
  return ratios;
}

/**
 * What starting the workers costs a command: a sweep of one run per worker, process start to
 * files written, less `check` of the same file (which loads and validates it as the sweep does,
 * and starts no worker). Median of `rounds`, interleaved.
 */
export function workerStart(bin: string, dir: string, scenario: string, cores: number, rounds: number): void {
  const file = sweepFile(dir, scenario, cores, 1);
  const timed = (args: string[]) => {
    const start = process.hrtime.bigint();
    const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${args[0]} failed: ${r.stderr}`);
    return Number(process.hrtime.bigint() - start) / 1e6;
  };
  const sweeps: number[] = [];
  const checks: number[] = [];
  for (let r = 0; r < rounds; r++) {
    sweeps.push(timed(['sweep', file, '--out', join(dir, `start${r}`), '--workers', String(cores), '--quiet']));
    checks.push(timed(['check', file]));
  }
  console.log(
    `worker start-up: a ${cores}-run sweep on ${cores} workers ${median(sweeps).toFixed(0)} ms, check of the same file ${median(checks).toFixed(0)} ms: ` +
      `${(median(sweeps) - median(checks)).toFixed(0)} ms to start the workers, run and write (median of ${rounds})`,
  );
}

export async function sweepBenchmark(root: string, rounds: number): Promise<void> {
  const bin = join(root, 'dist', 'cli', 'main.js');
  const scenario = join(root, 'scenarios', 'china-russia-2022.yaml');
  const dir = mkdtempSync(join(tmpdir(), 'entente-bench-sweep-'));
  const cores = availableParallelism();
  try {
    const rate = (m: Measured) => m.runs / m.runSeconds;
    const perWorker = (m: Measured) => rate(m) / cores;
    // 20,000 runs: what a small sweep sees, starting the workers (~0.3 s) included.
    const small = await interleaved(bin, sweepFile(dir, scenario, 2000, 10), dir, cores, rounds);
    const smallEfficiency = small.one.map((m, r) => perWorker(small.all[r] as Measured) / rate(m));
    console.log(
      `sweep, default scenario, 20,000 runs, median (range) of ${rounds} interleaved round${rounds === 1 ? '' : 's'}, worker start-up included: ` +
        `1 worker ${spread(small.one.map(rate))} runs/s; ${cores} workers ${spread(small.all.map(rate))} runs/s; ` +
        `parallel efficiency ${(median(smallEfficiency) * 100).toFixed(0)}% (target ≥ 85%)`,
    );
    const alone = await ceiling(bin, sweepFile(dir, scenario, 2000, 10), dir, cores, rounds);
    console.log(
      `  the machine's own ceiling: ${cores} independent 1-worker sweeps at once each run at ${(median(alone) * 100).toFixed(0)}% ` +
        `(${alone.map((a) => `${(a * 100).toFixed(0)}%`).join(', ')}) of the speed of one alone (interleaved): no split of the work across ${cores} cores does better`,
    );
    workerStart(bin, dir, scenario, cores, rounds);
    // 100,000 runs: throughput once workers are warm, the figure the targets are about.
    const big = await interleaved(bin, sweepFile(dir, scenario, 10000, 10), dir, cores, rounds);
    const efficiency = big.one.map((m, r) => perWorker(big.all[r] as Measured) / rate(m));
    console.log(`sweep, default scenario, 100,000 runs, median (range) of ${rounds} interleaved round${rounds === 1 ? '' : 's'}:`);
    console.log(`  1 worker ${spread(big.one.map(rate))} runs/s (target ≥ 2,000)`);
    console.log(`  ${cores} workers ${spread(big.all.map(rate))} runs/s, per worker ${spread(big.all.map(perWorker))} (target ≥ 2,000)`);
    const percent = (e: number) => `${(e * 100).toFixed(0)}%`;
    // Each round's two sweeps ran back to back, in one phase of the machine: the ratio within a round is the
    // paired estimate (as compare's paired differences are); the ratio of the medians mixes phases.
    console.log(
      `  parallel efficiency, median of the rounds' ratios ${percent(median(efficiency))} (target ≥ 85%); ` +
        `round by round ${efficiency.map(percent).join(', ')}; ratio of the median rates ${percent(median(big.all.map(perWorker)) / median(big.one.map(rate)))}`,
    );
    const peak = (ms: readonly Measured[]) => Math.max(...ms.map((m) => m.peakMB)).toFixed(0);
    console.log(
      `  peak resident memory, highest of the rounds: ${peak(big.all)} MB on ${cores} workers, ${peak(big.one)} MB on 1 (target < 300 MB)`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
