/**
 * The comparison of levers with the baseline on one scenario, over replications on common random
 * numbers: what it runs, the files it writes (deltas.csv, levers.csv, manifest.json) and what it
 * returns for the terminal. cli/commands/compare.ts only translates flags into CompareOptions.
 */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { manifestHead } from '../io/manifest.js';
import { writeJson, writeOutputDir } from '../io/outputDir.js';
import { claimOutput } from '../io/ownership.js';
import { scenarioFacts } from '../scenario/labels.js';
import { loadScenario, prepare } from '../scenario/load.js';
import { DELTAS, writeLevers } from './columns.js';
import { compareLevers, type LeverEffect } from './compare.js';
import { checkCompareSize } from './estimate.js';
import { declaredOutcomes, declaredWords } from './leverOutcomes.js';
import { outcomesInParallel } from './parallel.js';
import { selectLevers } from './select.js';

export interface CompareOptions {
  /** Comma-separated lever names, or all. */
  readonly levers: string;
  readonly replications?: number;
  readonly seed?: number;
  readonly minEffect: number;
  /** The output directory. */
  readonly out: (name: string) => string;
  /** Worker threads; undefined: the available cores from 2,000 runs, else this thread. */
  readonly workers?: number;
  readonly force: boolean;
  readonly quiet: boolean;
}

export interface CompareResult {
  readonly name: string;
  /** The declared outcomes the verdicts are on, in words, the primary first. */
  readonly outcomes: readonly string[];
  readonly out: string;
  readonly levers: readonly string[];
  readonly replications: number;
  readonly effects: readonly LeverEffect[];
}

export async function compareScenario(file: string, options: CompareOptions): Promise<CompareResult> {
  const loaded = loadScenario(file, { seed: options.seed, replications: options.replications });
  const levers = selectLevers(options.levers, loaded.spec, file);
  for (const lever of levers) prepare(loaded.source, loaded.spec, { lever }); // every lever must resolve before anything is written
  const out = options.out(loaded.spec.name);
  claimOutput(out, 'compare', { force: options.force }); // before the work, not after
  checkCompareSize(loaded.config, levers.length, loaded.replications, file);
  const started = Date.now();
  // Starting workers costs about a second, so by default the pool is used only for 2,000 runs or more.
  const runs = (levers.length + 1) * loaded.replications;
  const workers = options.workers ?? (runs >= 2000 ? availableParallelism() : 1);
  // One worker: run in this thread; more: replications in blocks on a pool, read back in order.
  const outcomes =
    workers > 1 ? await outcomesInParallel(loaded, levers, loaded.seed, loaded.replications, workers, options.quiet) : undefined;
  const effects = await writeOutputDir(
    out,
    'compare',
    async (dir) => {
      const deltas = DELTAS.open(join(dir, 'deltas.csv'));
      const result = compareLevers(
        loaded,
        { levers, replications: loaded.replications, seed: loaded.seed, minEffect: options.minEffect },
        (row) => deltas.write(row),
        outcomes,
      );
      await deltas.close();
      await writeLevers(dir, levers.length, declaredOutcomes(loaded.spec), result);
      writeJson(join(dir, 'manifest.json'), {
        ...manifestHead('compare'),
        ...scenarioFacts(file, loaded.source.hash, loaded.spec),
        outcomes: declaredOutcomes(loaded.spec),
        outcomeWords: declaredWords(loaded.spec),
        levers,
        seed: loaded.seed,
        replications: loaded.replications,
        minEffect: options.minEffect,
        design: 'common random numbers: baseline and every lever run replication r with seed deriveSeed(seed, 0, r)',
        interval: 'seeded percentile bootstrap of the mean paired difference, 2000 resamples, 95%',
        verdict: 'closer if ci_low > 0 and delta_mean ≥ min-effect; apart if ci_high < 0 and delta_mean ≤ −min-effect; otherwise unclear',
        timings: { seconds: (Date.now() - started) / 1000 },
      });
      return result;
    },
    { force: options.force },
  );
  return { name: loaded.spec.name, out, levers, replications: loaded.replications, effects, outcomes: declaredWords(loaded.spec) };
}
