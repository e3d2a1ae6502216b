/**
 * One scenario's replications (a lever and overrides applied), written atomically: the per-run
 * CSVs (or Parquet) runScenario writes, and manifest.json. The command only translates flags.
 */
import { join } from 'node:path';
import { checkOutputSize } from '../io/limits.js';
import { manifestHead } from '../io/manifest.js';
import { defaultOut, writeJson, writeOutputDir } from '../io/outputDir.js';
import { scenarioFacts } from '../scenario/labels.js';
import { type LoadedScenario, loadScenario } from '../scenario/load.js';
import type { OutputFormat } from './columns.js';
import { runOutputBytes } from './estimate.js';
import { resolveObservables } from './observables.js';
import { progress, progressNote } from './progress.js';
import { runScenario } from './runScenario.js';

export interface RunOptions {
  readonly lever?: string;
  readonly set: readonly string[];
  readonly ticks?: number;
  readonly seed?: number;
  readonly replications?: number;
  readonly contributions: boolean;
  readonly format: OutputFormat;
  readonly out?: string;
  readonly force: boolean;
  /** No size note and no progress bar (the command's --quiet). */
  readonly quiet?: boolean;
}

/** Above this estimate a run says how much it will write before it starts (contributions.csv is the large one). */
export const SIZE_NOTE_BYTES = 50e6;

export interface RunStudy {
  readonly loaded: LoadedScenario;
  readonly out: string;
  readonly depthFinal: Float64Array;
  readonly rhetoricFinal: Float64Array;
}

export async function runStudy(file: string, options: RunOptions): Promise<RunStudy> {
  const started = Date.now();
  const loaded = loadScenario(file, {
    lever: options.lever,
    set: [...options.set],
    ticks: options.ticks,
    seed: options.seed,
    replications: options.replications,
  });
  const observables = resolveObservables(loaded);
  const bytes =
    runOutputBytes(loaded.config, {
      replications: loaded.replications,
      contributions: options.contributions,
      observables,
    }) + Buffer.byteLength(JSON.stringify(loaded.spec)); // the manifest's labels: at most the scenario's own text
  checkOutputSize(
    `${loaded.replications} replication(s) × ${loaded.config.ticks} ticks`,
    bytes,
    options.contributions ? 'fewer replications or ticks, or no --contributions' : 'fewer replications or ticks',
    file,
  );
  // A large run says so before it starts and shows its progress; a small one stays silent.
  const large = options.quiet !== true && bytes > SIZE_NOTE_BYTES;
  if (large)
    progressNote(
      `note: this run writes about ${Math.round(bytes / 1e6)} MB, ${(bytes / 1e6 / loaded.replications).toFixed(1)} MB a replication${options.contributions ? ' (contributions.csv is most of it)' : ''}`,
    );
  // A lever's run goes beside the baseline's (out/<name>-<lever>), not over it.
  const out = options.out ?? defaultOut(loaded.spec.name, file, loaded.lever ? `-${loaded.lever}` : '');
  const result = await writeOutputDir(
    out,
    'run',
    async (dir) => {
      const simStart = Date.now();
      const res = await runScenario(loaded.config, dir, {
        seed: loaded.seed,
        replications: loaded.replications,
        contributions: options.contributions,
        observables,
        format: options.format,
        progress: progress(loaded.replications, 0, { quiet: !large, label: 'run', unit: 'replications' }),
      });
      writeJson(join(dir, 'manifest.json'), {
        ...manifestHead('run'),
        ...scenarioFacts(file, loaded.source.hash, loaded.spec),
        lever: loaded.lever ?? null,
        overrides: options.set,
        seed: loaded.seed,
        replications: loaded.replications,
        ticks: loaded.config.ticks,
        start: loaded.config.start ?? null,
        runSeeds: res.runSeeds,
        seedDerivation: 'runSeed = first 52 bits of sha256("entente/<seed>/<point>/<replication>"), point 0 for run',
        format: options.format,
        files: Object.fromEntries(
          Object.entries(res.rows).map(([name, rows]) => [
            `${name}.${options.format}`,
            { rows, ...res.proofs[name as keyof typeof res.proofs] },
          ]),
        ),
        timings: { startedAt: new Date(started).toISOString(), loadMs: simStart - started, simulateAndWriteMs: Date.now() - simStart },
        node: process.version,
      });
      return res;
    },
    { force: options.force },
  );
  return { loaded, out, depthFinal: result.depthFinal, rhetoricFinal: result.rhetoricFinal };
}
