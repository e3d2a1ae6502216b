/**
 * Compare figures for `npm run bench` (issue 4's targets): `entente compare` of
 * the default scenario with every lever and 200 replications, end to end; and
 * compare across a 1,000-point sweep with 1 worker and with every core, whose
 * ratio is the parallel efficiency to set beside the sweep's.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';

function timed(bin: string, args: readonly string[]): number {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [bin, ...args, '--quiet'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`compare exited with ${r.status}: ${r.stderr}`);
  return Number(process.hrtime.bigint() - start) / 1e9;
}

export async function compareBenchmark(root: string, engineRunsPerSecond: number): Promise<void> {
  const bin = join(root, 'dist', 'cli', 'main.js');
  const scenario = join(root, 'scenarios', 'china-russia-2022.yaml');
  const dir = mkdtempSync(join(tmpdir(), 'entente-bench-compare-'));
  try {
    const scenarioTimes = [0, 1, 2].map((i) =>
      timed(bin, ['compare', scenario, '--no-posterior', '-r', '200', '--out', join(dir, `c${i}`)]),
    );
    console.log(
      `compare, default scenario, 6 levers × 200 replications (1,400 runs), end to end: best ${Math.min(...scenarioTimes).toFixed(2)} s of 3 (target < 5 s)`,
    );
    const sweep = join(dir, 'points.yaml');
    writeFileSync(
      sweep,
      `scenario: ${scenario}\ndesign: lhs\nsamples: 1000\nreplications: 1\nseed: 1\nparameters:\n  actors.CHN.costAversion: { min: 0.4, max: 1.0 }\n  shocks.eo14114.enforcement: { min: 0.2, max: 1.0 }\n`,
    );
    const cores = availableParallelism();
    const one = timed(bin, ['compare', sweep, '--workers', '1', '--out', join(dir, 'w1')]);
    const all = timed(bin, ['compare', sweep, '--workers', String(cores), '--out', join(dir, `w${cores}`)]);
    const runs = 1000 * 6;
    console.log(
      `compare across a 1,000-point sweep (6 arms, ${runs.toLocaleString('en')} runs): 1 worker ${one.toFixed(1)} s (${(runs / one).toFixed(0)} runs/s); ` +
        `${cores} workers ${all.toFixed(1)} s; parallel efficiency ${((one / all / cores) * 100).toFixed(0)}% (wall clock, process start included)`,
    );
    await posteriorStudies(bin, scenario, dir, root, cores, engineRunsPerSecond);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The engine's runs per second in `processes` processes at once (bench/engineOnce.ts in each), summed: the ceiling at that process count. */
async function engineAcross(root: string, processes: number, seconds: number): Promise<number> {
  const one = join(root, 'dist', 'bench', 'engineOnce.js');
  const rates = await Promise.all(
    Array.from(
      { length: processes },
      () =>
        new Promise<number>((done, fail) => {
          const child = spawn(process.execPath, [one, String(seconds)], { stdio: ['ignore', 'pipe', 'inherit'] });
          let text = '';
          child.stdout.on('data', (chunk: Buffer) => {
            text += chunk.toString();
          });
          child.on('close', (code) => (code === 0 ? done(Number(text.trim())) : fail(new Error(`engineOnce exited with ${code}`))));
        }),
    ),
  );
  return rates.reduce((sum, r) => sum + r, 0);
}

/**
 * Posterior studies beside the engine (issue 30, item 6): compare over the shipped posterior (1,000
 * particles × 7 arms × 4 replications) and compare --robustness over the wide prior and its posterior
 * (512 points × 7 arms × 10 replications, and the posterior's 28,000), each on every core, timed in
 * turn with the engine itself run in as many processes at once (A B C A B C), since on a shared
 * machine the cores' sum is not twice one core's; the single-process figure × cores is printed too.
 */
async function posteriorStudies(bin: string, scenario: string, dir: string, root: string, cores: number, engine: number): Promise<void> {
  const posterior = ['compare', scenario, '--workers', String(cores)];
  const robustness = [
    ...posterior,
    '--posterior',
    join(root, 'scenarios', 'posteriors', 'wide'),
    '--robustness',
    join(root, 'scenarios', 'calibration', 'china-russia-wide.yaml'),
  ];
  const cases: [string, string[], number][] = [
    ['compare over the posterior', posterior, 28_000],
    ['compare --robustness (wide prior)', robustness, 28_000 + 512 * 7 * 10],
  ];
  const times = cases.map(() => [] as number[]);
  let parallel = 0;
  for (let round = 0; round < 2; round++) {
    parallel = Math.max(parallel, await engineAcross(root, cores, 6));
    cases.forEach(([, args], k) => {
      times[k]?.push(timed(bin, [...args, '--out', join(dir, `study-${k}-${round}`), '--force']));
    });
  }
  console.log(
    `engine in ${cores} processes at once: ${parallel.toFixed(0)} runs/s (best of 2; one process ${engine.toFixed(0)} runs/s, × ${cores} = ${(engine * cores).toFixed(0)})`,
  );
  for (const [k, [label, , runs]] of cases.entries()) {
    const best = Math.min(...(times[k] as number[]));
    const rate = runs / best;
    console.log(
      `${label}: ${runs.toLocaleString('en')} runs, best ${best.toFixed(1)} s of 2 (${rate.toFixed(0)} runs/s on ${cores} workers) = ${((100 * rate) / parallel).toFixed(0)}% of the engine in ${cores} processes, ${((100 * rate) / (engine * cores)).toFixed(0)}% of one process × ${cores} (target ≥ 70%)`,
    );
  }
}
