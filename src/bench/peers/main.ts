/**
 * `npm run bench:peers`: entente against the same model written in Mesa 3.1.5
 * (bench/peers/mesa/), on one machine, in one run, the two alternating (A B A B …:
 * single readings here swing ±30%). First it checks the port is the same model: its
 * pairs.csv must equal entente's byte for byte with noise off. Then it prints
 *   - the default scenario, 30 replications, whole process (start to files written);
 *   - runs per second in one process (no files);
 *   - the generated 200-actor scenario, 1 replication, whole process, CSV and Parquet;
 * each with its target (issue 16). Prints figures; asserts nothing.
 *
 * The port reads the scenario already resolved to JSON (exportConfig.ts), which spares it
 * the YAML parse, validation and expression tables entente does in its own time: the ratios
 * flatter Mesa, if anything. Python, numpy and pandas from Debian; Mesa's source from
 * MESA_SRC or ../shared/peers/mesa-3.1.5 beside the repository.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { largeScenario } from '../generate.js';
import { exportConfig } from './exportConfig.js';
import { runsPerSecond } from './rate.js';

const ROOT = resolve(import.meta.dirname, '..', '..', '..');
const DEFAULT = join(ROOT, 'scenarios', 'china-russia-2022.yaml');
const PORT = join(ROOT, 'bench', 'peers', 'mesa');
const MESA = process.env.MESA_SRC ?? resolve(ROOT, '..', 'shared', 'peers', 'mesa-3.1.5');
const PYTHON = process.env.PYTHON ?? '/usr/bin/python3';
const CLI = join(ROOT, 'dist', 'cli', 'main.js');
const ROUNDS = Number(process.env.BENCH_PEERS_ROUNDS ?? 5);
const LARGE_ROUNDS = Number(process.env.BENCH_PEERS_LARGE_ROUNDS ?? 2);

/** Run a command to completion; its wall-clock seconds. */
function timed(command: string, args: readonly string[], env: NodeJS.ProcessEnv = process.env): number {
  const start = process.hrtime.bigint();
  const r = spawnSync(command, args, { env, encoding: 'utf8', maxBuffer: 1 << 26 });
  const elapsed = Number(process.hrtime.bigint() - start) / 1e9;
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return elapsed;
}

const pythonEnv = { ...process.env, PYTHONPATH: MESA };
const python = (args: readonly string[]) => timed(PYTHON, args, pythonEnv);
const entente = (args: readonly string[]) => timed(process.execPath, [CLI, ...args]);

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Median of each side and of the paired ratios (Mesa ÷ entente), alternating the two `rounds` times. */
function paired(rounds: number, a: () => number, b: () => number): { a: number; b: number; ratio: number } {
  const as: number[] = [];
  const bs: number[] = [];
  for (let i = 0; i < rounds; i++) {
    as.push(a());
    bs.push(b());
  }
  return { a: median(as), b: median(bs), ratio: median(bs.map((x, i) => x / as[i])) };
}

const verdict = (ratio: number, target: number) => `${ratio.toFixed(1)}× (target ≥ ${target}×: ${ratio >= target ? 'met' : 'NOT met'})`;

function main(): void {
  const mesaCheck = spawnSync(PYTHON, ['-c', 'import mesa, pandas; print(mesa.__version__)'], { env: pythonEnv, encoding: 'utf8' });
  if (mesaCheck.status !== 0) {
    console.error(
      `bench:peers needs Python 3 with numpy and pandas (apt-get install python3-numpy python3-pandas python3-scipy python3-tqdm python3-networkx)\n` +
        `and Mesa 3.1.5's source at ${MESA} (or MESA_SRC): ${mesaCheck.stderr.trim().split('\n').at(-1)}`,
    );
    process.exit(1);
  }
  const dir = mkdtempSync(join(tmpdir(), 'entente-bench-peers-'));
  try {
    const config = (name: string, scenario: string, options: Parameters<typeof exportConfig>[1]) => {
      const file = join(dir, `${name}.json`);
      writeFileSync(file, exportConfig(scenario, options));
      return file;
    };
    console.log(`entente against its Mesa ${mesaCheck.stdout.trim()} port — node ${process.version}, ${PYTHON}`);

    // The same model: pairs.csv equal byte for byte with noise off (bench/peers/mesa/check.sh checks more).
    const quiet = config('default-noise-off', DEFAULT, { set: ['model.noise=0'] });
    python([join(PORT, 'run.py'), quiet, join(dir, 'mesa-pairs.csv')]);
    entente(['run', DEFAULT, '--set', 'model.noise=0', '--out', join(dir, 'quiet'), '--force', '-q']);
    const same = readFileSync(join(dir, 'mesa-pairs.csv')).equals(readFileSync(join(dir, 'quiet', 'pairs.csv')));
    console.log(
      `same model: the port's pairs.csv ${same ? 'equals' : 'DIFFERS FROM'} entente's, default scenario, noise off, 30 replications`,
    );

    const defaultConfig = config('default', DEFAULT, {});
    const port = (cfg: string, out: string) => () =>
      python([join(PORT, 'run.py'), cfg, join(dir, out), '--random', 'mesa', '--numbers', 'printf']);
    const small = paired(ROUNDS, () => entente(['run', DEFAULT, '--out', join(dir, 'run'), '--force', '-q']), port(defaultConfig, 'p.csv'));
    console.log(
      `default scenario, 30 replications, whole process, median of ${ROUNDS} paired: entente ${small.a.toFixed(2)} s (every file), ` +
        `Mesa ${small.b.toFixed(2)} s (pairs.csv only): ${verdict(small.ratio, 3)}`,
    );

    const ours = runsPerSecond(DEFAULT, 3);
    const [count, seconds] = spawnSync(PYTHON, [join(PORT, 'rate.py'), defaultConfig, '10'], { env: pythonEnv, encoding: 'utf8' })
      .stdout.trim()
      .split(' ')
      .map(Number) as [number, number];
    const theirs = count / seconds;
    console.log(
      `runs per second in one process, default scenario, no files: entente ${ours.toFixed(0)}, Mesa ${theirs.toFixed(1)}: ${(ours / theirs).toFixed(0)}×`,
    );

    const generated = join(dir, 'generated-200.json');
    writeFileSync(generated, JSON.stringify(largeScenario(200)));
    const largeConfig = config('generated-200-config', generated, { replications: 1 });
    const large = (format: string) =>
      paired(
        LARGE_ROUNDS,
        () => entente(['run', generated, '-r', '1', '--format', format, '--out', join(dir, format), '--force', '-q']),
        port(largeConfig, 'large.csv'),
      );
    for (const format of LARGE_ROUNDS > 0 ? ['csv', 'parquet'] : []) {
      const r = large(format);
      console.log(
        `200 actors, 1 replication, whole process, median of ${LARGE_ROUNDS} paired: entente ${r.a.toFixed(2)} s (every file, ${format}), ` +
          `Mesa ${r.b.toFixed(1)} s (pairs.csv only): ${verdict(r.ratio, 10)}`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (!existsSync(CLI)) throw new Error('run `npm run build` first');
main();
