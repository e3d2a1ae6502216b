/**
 * Global sensitivity on a sweep file laid out for it: run the design, then Sobol indices or
 * Morris elementary effects of every outcome (indices.csv, beside the sweep's own files).
 * The method is the design's; the command only translates flags.
 */
import { availableParallelism } from 'node:os';
import { join, parse } from 'node:path';
import { EntenteError, ExitStatus } from '../errors.js';
import { loadSweep } from '../experiments/loadSweep.js';
import { checkDesignTable } from '../experiments/sweepEstimate.js';
import { writeAtomic } from '../io/atomicFile.js';
import { recordAlso } from '../io/fileRecord.js';
import { commandLine } from '../io/manifest.js';
import { defaultOut } from '../io/outputDir.js';
import { Table } from '../io/table.js';
import { readPointOutcomes } from '../sweep/pointOutcomes.js';
import { runSweep } from '../sweep/run.js';
import { VERSION } from '../version.js';
import { analyse, type IndexRow, type Method } from './analyse.js';

export interface SensitivityOptions {
  /** Must match the sweep's design when given. */
  readonly method?: Method;
  readonly out?: string;
  readonly workers?: number;
  readonly resume: boolean;
  readonly force: boolean;
  readonly quiet: boolean;
}

/** An index of one outcome (depth_final, …) of one pair. */
export interface OutcomeIndex extends IndexRow {
  readonly outcome: string;
  readonly a: string;
  readonly b: string;
}

export interface Sensitivity {
  readonly name: string;
  readonly out: string;
  readonly method: Method;
  readonly runs: number;
  readonly parameters: readonly string[];
  readonly focus: string | undefined;
  readonly indices: readonly OutcomeIndex[];
}

/** indices.csv: one row per outcome, pair, parameter and index; an interval where the method gives one. */
const INDICES = new Table<OutcomeIndex>([
  ['outcome', (r) => r.outcome],
  ['a', (r) => r.a],
  ['b', (r) => r.b],
  ['parameter', (r) => r.parameter],
  ['index', (r) => r.index],
  ['value', (r) => r.value],
  ['ci_low', (r) => r.ciLow ?? ''],
  ['ci_high', (r) => r.ciHigh ?? ''],
]);

/** The design's method, which --method may name but not change. */
function methodOf(file: string, laidOut: string, asked: Method | undefined): Method {
  if (asked === undefined && laidOut !== 'sobol' && laidOut !== 'morris')
    throw new EntenteError('sensitivity.design', 'sensitivity needs a sweep laid out for Sobol indices or Morris screening', {
      where: { file, path: 'design' },
      expected: 'design: sobol or design: morris (entente sweep runs any other design)',
      found: laidOut,
    });
  const method = asked ?? (laidOut as Method);
  if (laidOut !== method)
    throw new EntenteError('sensitivity.design', `--method ${method} needs a sweep laid out for it`, {
      where: { file, path: 'design' },
      expected: `design: ${method}`,
      found: laidOut,
    });
  return method;
}

export async function sensitivity(file: string, options: SensitivityOptions): Promise<Sensitivity> {
  const loaded = loadSweep(file);
  const method = methodOf(file, loaded.sweep.design, options.method);
  // The indices need every output at once, one per point: refuse a design too large for that before running it.
  checkDesignTable(loaded.pointCount, loaded.parameters.length, file);
  const name = loaded.sweep.name ?? parse(file).name;
  const out = options.out ?? defaultOut(name, file, '-sensitivity');
  const result = await runSweep(loaded, {
    out,
    workers: options.workers ?? availableParallelism(),
    shard: undefined,
    resume: options.resume,
    force: options.force,
    kind: 'sensitivity',
    quiet: options.quiet,
    command: commandLine(),
    version: VERSION,
  });
  if (result.failures > 0)
    throw new EntenteError(
      'sensitivity.failures',
      `${result.failures} run(s) failed, so indices cannot be computed; see ${join(out, 'failures.csv')}`,
      { exitStatus: ExitStatus.someRunsFailed },
    );
  const { series } = await readPointOutcomes(out, loaded.pointCount);
  const design = { method, parameters: loaded.parameters, samples: loaded.sweep.samples ?? 0, seed: loaded.seed };
  const indices: OutcomeIndex[] = [];
  for (const [key, y] of series) {
    const [outcome = '', a = '', b = ''] = key.split('|');
    for (const r of analyse(design, y, `${loaded.seed}/${key}`)) indices.push({ ...r, outcome, a, b });
  }
  writeAtomic(join(out, 'indices.csv'), INDICES.text(indices));
  recordAlso(out, ['indices.csv']);
  return {
    name,
    out,
    method,
    runs: result.runs,
    parameters: loaded.parameters.map((p) => p.path),
    focus: loaded.scenario.focus?.[0],
    indices,
  };
}
