/**
 * Output figures for `npm run bench` (issue 16): how fast per-tick files are written. On the
 * generated 200-actor scenario, one replication, interleaved in one process: the engine alone;
 * the engine with every row of ties.csv, pairs.csv and actors.csv collected and encoded as
 * `run` does (the bytes dropped: one core's work); and `entente run`'s own path (runScenario:
 * the same, written to files). Rows per second is the rows over the time added to the engine's.
 * Then `entente run` of the same scenario as a user runs it, process start to files written.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collectTick } from '../experiments/collect.js';
import { runScenario } from '../experiments/runScenario.js';
import { CsvEncoder } from '../io/csvEncoder.js';
import type { ModelConfig } from '../model/config.js';
import { deriveSeed, makeRandom } from '../model/rng.js';
import { simulate } from '../model/simulate.js';
import { createState } from '../model/state.js';

const seconds = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;

export async function outputBenchmark(root: string, cfg: ModelConfig, scenarioJson: string, rounds = 3): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'entente-bench-output-'));
  try {
    const engine: number[] = [];
    const encoded: number[] = [];
    const written: number[] = [];
    let rows = 0;
    let bytes = 0;
    for (let round = 0; round < rounds; round++) {
      const state = createState(cfg, { welfare: true });
      let start = process.hrtime.bigint();
      simulate(cfg, state, makeRandom(deriveSeed(1, 0, 0)));
      engine.push(seconds(start));
      // Rows collected and encoded as `run` does, the bytes dropped: the CPU's part without the disk's.
      const sink = (encoder: CsvEncoder) => (row: readonly (string | number)[]) => {
        encoder.row(row);
        if (encoder.length >= 1 << 18) encoder.take();
      };
      const [ties, pairs, actors] = [sink(new CsvEncoder(1 << 18)), sink(new CsvEncoder(1 << 18)), sink(new CsvEncoder(1 << 18))];
      start = process.hrtime.bigint();
      simulate(cfg, state, makeRandom(deriveSeed(1, 0, 0)), {
        tick: (t, s) => collectTick(cfg, s, t, 0, 1, { ties, pairs, actors }),
      });
      encoded.push(seconds(start));
      const out = join(dir, `run${round}`);
      mkdirSync(out, { recursive: true });
      start = process.hrtime.bigint();
      const result = await runScenario(cfg, out, { seed: 1, replications: 1, contributions: false });
      written.push(seconds(start));
      rows = (result.rows.ties ?? 0) + (result.rows.pairs ?? 0) + (result.rows.actors ?? 0);
      bytes = Number(spawnSync('du', ['-sb', out], { encoding: 'utf8' }).stdout.split('\t')[0]);
      rmSync(out, { recursive: true, force: true });
    }
    const best = (xs: number[]) => Math.min(...xs);
    const rate = (total: number[]) => `${(rows / (best(total) - best(engine)) / 1e6).toFixed(2)} M rows/s`;
    console.log(
      `per-tick files, 200 actors, 1 replication (${(rows / 1e6).toFixed(2)} M rows, ${(bytes / 1e6).toFixed(0)} MB), best of ${rounds}: engine ${best(engine).toFixed(2)} s; ` +
        `+ rows collected and encoded ${best(encoded).toFixed(2)} s → ${rate(encoded)} on one core (target ≥ 2 M); + written to disk ${best(written).toFixed(2)} s → ${rate(written)}`,
    );
    const file = join(dir, 'generated-200.json');
    writeFileSync(file, scenarioJson);
    const bin = join(root, 'dist', 'cli', 'main.js');
    // Interleaved: CSV, Parquet, CSV, Parquet, …
    const whole: Record<'csv' | 'parquet', number[]> = { csv: [], parquet: [] };
    for (let round = 0; round < rounds; round++) {
      for (const format of ['csv', 'parquet'] as const) {
        const start = process.hrtime.bigint();
        const r = spawnSync(process.execPath, [
          bin,
          'run',
          file,
          '-r',
          '1',
          '--format',
          format,
          '--out',
          join(dir, format),
          '--force',
          '--quiet',
        ]);
        whole[format].push(seconds(start));
        if (r.status !== 0) throw new Error(`run failed: ${r.stderr}`);
      }
    }
    const size = (format: string) => Number(spawnSync('du', ['-sb', join(dir, format)], { encoding: 'utf8' }).stdout.split('\t')[0]) / 1e6;
    console.log(
      `entente run, 200 actors, 1 replication, all files, process start to files written, best of ${rounds}: ` +
        `CSV ${best(whole.csv).toFixed(2)} s (${size('csv').toFixed(0)} MB), Parquet ${best(whole.parquet).toFixed(2)} s (${size('parquet').toFixed(0)} MB)`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
