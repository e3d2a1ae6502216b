/**
 * Sweep figures for `npm run bench`: runs per second with 1 worker and with
 * every core on 20,000 runs (worker start-up weighs) and on 100,000 (warm
 * workers), parallel efficiency, and the peak resident memory of the
 * 100,000-run summary-only sweeps of the default scenario. Each sweep runs as
 * the real CLI; peak memory is the process's VmHWM (threads included).
 */
import { spawn } from 'node:child_process';
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

export async function sweepBenchmark(root: string): Promise<void> {
  const bin = join(root, 'dist', 'cli', 'main.js');
  const scenario = join(root, 'scenarios', 'china-russia-2022.yaml');
  const dir = mkdtempSync(join(tmpdir(), 'entente-bench-sweep-'));
  const cores = availableParallelism();
  try {
    const rate = (m: Measured) => m.runs / m.runSeconds;
    // 20,000 runs: what a small sweep sees, starting the workers (~0.6 s) included.
    const small = sweepFile(dir, scenario, 2000, 10);
    const one = await measure(bin, small, join(dir, 'w1'), 1);
    const all = await measure(bin, small, join(dir, `w${cores}`), cores);
    console.log(
      `sweep, default scenario, 20,000 runs: 1 worker ${rate(one).toFixed(0)} runs/s; ${cores} workers ${rate(all).toFixed(0)} runs/s ` +
        `(efficiency ${((rate(all) / cores / rate(one)) * 100).toFixed(0)}%, worker start-up included)`,
    );
    // 100,000 runs: throughput once workers are warm, the figure the targets are about.
    const big = sweepFile(dir, scenario, 10000, 10);
    const oneBig = await measure(bin, big, join(dir, 'big1'), 1);
    const allBig = await measure(bin, big, join(dir, `big${cores}`), cores);
    console.log(
      `sweep, default scenario, 100,000 runs: 1 worker ${rate(oneBig).toFixed(0)} runs/s (target ≥ 2,000); ` +
        `${cores} workers ${rate(allBig).toFixed(0)} runs/s, ${(rate(allBig) / cores).toFixed(0)} per worker (target ≥ 2,000)`,
    );
    console.log(
      `  parallel efficiency ${((rate(allBig) / cores / rate(oneBig)) * 100).toFixed(0)}% (target ≥ 85%); ` +
        `${allBig.wallSeconds.toFixed(1)} s wall on ${cores} workers; peak resident memory ${allBig.peakMB.toFixed(0)} MB ` +
        `on ${cores} workers, ${oneBig.peakMB.toFixed(0)} MB on 1 (target < 300 MB)`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
