/**
 * compare on a sweep file: every lever across the sweep's points (one sweep per arm, in
 * arms/), with its mean, worst and best case and its regret (robustness.csv, manifest.json).
 */
import { availableParallelism } from 'node:os';
import { join, parse } from 'node:path';
import { EntenteError } from '../errors.js';
import { loadSweep } from '../experiments/loadSweep.js';
import { writeAtomic } from '../io/atomicFile.js';
import { checkOutputSize } from '../io/limits.js';
import { commandLine } from '../io/manifest.js';
import { defaultOut, finishInPlace, startInPlace } from '../io/outputDir.js';
import { Table } from '../io/table.js';
import { scenarioFacts } from '../scenario/labels.js';
import { VERSION } from '../version.js';
import { compareAcrossSweep, type RobustnessRow } from './robustness.js';
import { selectLevers } from './select.js';

export interface SweepCompareOptions {
  readonly levers: string;
  readonly minEffect: number;
  readonly out?: string;
  readonly workers?: number;
  readonly resume: boolean;
  readonly force: boolean;
  readonly quiet: boolean;
  /** A scenario's own replications or seed, which a sweep file does not take. */
  readonly replications?: number;
  readonly seed?: number;
}

export interface SweepCompareResult {
  readonly name: string;
  readonly out: string;
  readonly levers: readonly string[];
  /** The scenario's first focus pair. */
  readonly focus: string | undefined;
  readonly rows: readonly RobustnessRow[];
}

/** robustness.csv: one row per lever and pair. */
const ROBUSTNESS = new Table<RobustnessRow>([
  ['lever', (r) => r.lever],
  ['a', (r) => r.a],
  ['b', (r) => r.b],
  ['mean_effect', (r) => r.meanEffect],
  ['worst_case', (r) => r.worstCase],
  ['best_case', (r) => r.bestCase],
  ['share_closer', (r) => r.shareCloser],
  ['mean_regret', (r) => r.meanRegret],
  ['max_regret', (r) => r.maxRegret],
  ['points', (r) => r.points],
]);

export async function compareSweep(file: string, options: SweepCompareOptions): Promise<SweepCompareResult> {
  for (const [flag, value] of [
    ['--replications', options.replications],
    ['--seed', options.seed],
  ] as const) {
    if (value !== undefined)
      throw new EntenteError('compare.sweepOption', `${flag} applies to a scenario, not to a sweep file`, {
        where: { file },
        expected: `the sweep file's own ${flag.slice(2)}: (edit it there), or compare a scenario file`,
      });
  }
  const base = loadSweep(file, { lever: null });
  const levers = selectLevers(options.levers, base.scenario, base.scenarioFile);
  for (const lever of levers) loadSweep(file, { lever }); // every lever must be valid at every point's extremes before anything runs
  // Every arm is a sweep of its own, with its own runs.csv and manifest (its labels included).
  checkOutputSize(
    `${levers.length} lever(s) and the baseline, each ${base.pointCount} points × ${base.replications} replications`,
    (levers.length + 1) * base.outputBytes,
    'fewer levers (--levers), samples or replications',
    file,
  );
  const name = base.sweep.name ?? parse(file).name;
  const out = options.out ?? defaultOut(name, file, '-compare');
  const command = commandLine();
  startInPlace(out, 'robustness', { resume: options.resume, force: options.force }, { command, version: VERSION });
  const rows = await compareAcrossSweep(file, levers, {
    out,
    workers: options.workers ?? availableParallelism(),
    resume: options.resume,
    quiet: options.quiet,
    minEffect: options.minEffect,
    command,
    version: VERSION,
  });
  writeAtomic(join(out, 'robustness.csv'), ROBUSTNESS.text(rows));
  finishInPlace(out, 'robustness', {
    version: VERSION,
    command,
    sweep: { file, sha256: base.source.hash },
    ...scenarioFacts(base.scenarioFile, base.scenarioSource.hash, base.scenario),
    levers,
    seed: base.seed,
    replications: base.replications,
    points: base.pointCount,
    minEffect: options.minEffect,
    arms: ['baseline', ...levers].map((arm) => join('arms', arm)),
  });
  return { name, out, levers, focus: base.scenario.focus?.[0], rows };
}
