/**
 * Compare figures for `npm run bench` (issue 4's targets): `entente compare` of
 * the default scenario with every lever and 200 replications, end to end; and
 * compare across a 1,000-point sweep with 1 worker and with every core, whose
 * ratio is the parallel efficiency to set beside the sweep's.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';

function timed(bin: string, args: readonly string[]): number {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [bin, ...args, '--quiet'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`compare exited with ${r.status}: ${r.stderr}`);
  return Number(process.hrtime.bigint() - start) / 1e9;
}

export function compareBenchmark(root: string, engineRunsPerSecond: number): void {
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
    posteriorStudies(bin, scenario, dir, root, cores, engineRunsPerSecond);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Posterior studies beside the engine (issue 30, item 6): compare over the shipped posterior (1,000
 * particles × 7 arms × 4 replications) and compare --robustness over the wide prior and its posterior
 * (512 points × 7 arms × 10 replications, and the posterior's 28,000), each on every core, timed in
 * turn (A B A B) and set against the engine's single-process runs/s times the cores.
 */
function posteriorStudies(bin: string, scenario: string, dir: string, root: string, cores: number, engine: number): void {
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
  for (let round = 0; round < 2; round++)
    cases.forEach(([, args], k) => {
      times[k]?.push(timed(bin, [...args, '--out', join(dir, `study-${k}-${round}`), '--force']));
    });
  const ceiling = engine * cores;
  for (const [k, [label, , runs]] of cases.entries()) {
    const best = Math.min(...(times[k] as number[]));
    console.log(
      `${label}: ${runs.toLocaleString('en')} runs, best ${best.toFixed(1)} s of 2 (${(runs / best).toFixed(0)} runs/s on ${cores} workers) = ${((100 * runs) / best / ceiling).toFixed(0)}% of the engine's ${engine.toFixed(0)} runs/s × ${cores} (target ≥ 70%)`,
    );
  }
}
