/**
 * Scenario discovery on a sweep file: run the baseline and one lever at every point, then find
 * with PRIM the region of the parameters where the lever's effect on a pair's final depth is
 * above (or below) a threshold. Writes discovery.csv (one row per parameter of the box),
 * trajectory.csv (the box after each peel) and manifest.json; the command only translates flags.
 */
import { availableParallelism } from 'node:os';
import { join, parse } from 'node:path';
import { runArms } from '../compare/robustness.js';
import { EntenteError } from '../errors.js';
import { type LoadedSweep, loadSweep } from '../experiments/loadSweep.js';
import { checkDesignTable } from '../experiments/sweepEstimate.js';
import { writeAtomic } from '../io/atomicFile.js';
import { commandLine } from '../io/manifest.js';
import { defaultOut, finishInPlace, startInPlace } from '../io/outputDir.js';
import { flag, Table } from '../io/table.js';
import { scenarioFacts } from '../scenario/labels.js';
import { VERSION } from '../version.js';
import { type PrimResult, prim } from './prim.js';

export interface DiscoverOptions {
  readonly lever: string;
  /** A-B; default: the scenario's first focus pair. */
  readonly pair?: string;
  readonly threshold: number;
  /** Cases are points where the change is below the threshold (default: above). */
  readonly below: boolean;
  readonly out?: string;
  readonly workers?: number;
  readonly resume: boolean;
  readonly force: boolean;
  readonly quiet: boolean;
}

/** One parameter of the box PRIM found. */
export interface Restriction {
  readonly parameter: string;
  readonly low: number;
  readonly high: number;
  readonly restricted: boolean;
  /** The restriction's quasi-p-value; NaN where the box does not restrict the parameter. */
  readonly quasiP: number;
}

export interface Discovery {
  readonly out: string;
  readonly lever: string;
  readonly pair: string;
  readonly condition: string;
  /** Points meeting the condition, of all points. */
  readonly cases: number;
  readonly points: number;
  readonly prim: PrimResult;
  readonly restrictions: readonly Restriction[];
}

/** discovery.csv: one row per numeric parameter, the box's figures repeated on each (one table, no second file to join). */
function discoveryTable(d: Omit<Discovery, 'restrictions'>): Table<Restriction> {
  const [a, b] = d.pair.split('-');
  return new Table<Restriction>([
    ['lever', () => d.lever],
    ['a', () => a ?? ''],
    ['b', () => b ?? ''],
    ['condition', () => d.condition],
    ['parameter', (r) => r.parameter],
    ['low', (r) => r.low],
    ['high', (r) => r.high],
    ['restricted', (r) => flag(r.restricted)],
    ['coverage', () => d.prim.coverage],
    ['density', () => d.prim.density],
    ['in_box', () => d.prim.inBox],
    ['cases', () => d.prim.cases],
    ['points', () => d.points],
    ['quasi_p', (r) => (r.restricted ? r.quasiP : '')],
  ]);
}

type Peel = PrimResult['trajectory'][number] & { readonly peel: number; readonly chosen: boolean };

/** trajectory.csv: PRIM's box after each peel, and which one was reported (before pasting and dropping slight restrictions). */
const TRAJECTORY = new Table<Peel>([
  ['peel', (t) => t.peel],
  ['coverage', (t) => t.coverage],
  ['density', (t) => t.density],
  ['in_box', (t) => t.inBox],
  ['restrictions', (t) => t.restricted],
  ['chosen', (t) => flag(t.chosen)],
]);

/** The pair studied, its actors checked against the scenario. */
function pairOf(loaded: LoadedSweep, file: string, asked: string | undefined): [string, string] {
  const pair = asked ?? loaded.scenario.focus?.[0];
  if (!pair)
    throw new EntenteError('discover.pair', 'no pair to study', {
      where: { file },
      expected: '--pair A-B, or focus: [A-B] in the scenario',
    });
  const [a = '', b = ''] = pair.split('-');
  for (const id of [a, b])
    if (!Object.hasOwn(loaded.scenario.actors, id))
      throw new EntenteError('discover.pair', `no actor ${JSON.stringify(id)} in the scenario`, {
        where: { file: loaded.scenarioFile, path: 'actors' },
        expected: `--pair A-B with actors among ${Object.keys(loaded.scenario.actors).join(', ')}`,
        found: JSON.stringify(pair),
      });
  return [a, b];
}

export async function discover(file: string, options: DiscoverOptions): Promise<Discovery> {
  const loaded = loadSweep(file, { lever: options.lever });
  const [a, b] = pairOf(loaded, file, options.pair);
  // PRIM needs every point at once: refuse a design too large for that before running it.
  checkDesignTable(loaded.pointCount, loaded.parameters.length, file);
  const name = loaded.sweep.name ?? parse(file).name;
  // One folder per lever, so studying two levers in turn does not replace the first.
  const out = options.out ?? defaultOut(name, file, `-discover-${options.lever}`);
  const command = commandLine();
  startInPlace(out, 'discovery', { resume: options.resume, force: options.force }, { command, version: VERSION });
  const arms = await runArms(file, [options.lever], {
    out,
    workers: options.workers ?? availableParallelism(),
    resume: options.resume,
    quiet: options.quiet,
    command,
    version: VERSION,
  });
  const key = [`depth_final|${a}|${b}`, `depth_final|${b}|${a}`].find((k) => arms.baseline.has(k));
  if (!key)
    throw new EntenteError('discover.pair', `pair ${a}-${b} has no tie`, {
      where: { file },
      expected: 'two actors joined by a tie, e.g. CHN-RUS',
      found: JSON.stringify(`${a}-${b}`),
    });
  const base = arms.baseline.get(key) as Float64Array;
  const withLever = arms.levers[0]?.get(key) as Float64Array;
  const numeric = loaded.parameters.map((p, j) => ({ p, j })).filter(({ j }) => loaded.points.every((row) => typeof row[j] === 'number'));
  const xs = loaded.points.map((row) => numeric.map(({ j }) => row[j] as number));
  const y = Array.from(base, (v, x) => withLever[x] - v).map((d) => (options.below ? d < options.threshold : d > options.threshold));
  const [keyA, keyB] = key.split('|').slice(1) as [string, string];
  const result = prim(xs, y);
  const found = {
    out,
    lever: options.lever,
    pair: `${keyA}-${keyB}`,
    condition: `delta ${options.below ? '<' : '>'} ${options.threshold}`,
    cases: y.filter(Boolean).length,
    points: xs.length,
    prim: result,
  };
  const restrictions = numeric.map(({ p }, d) => ({
    parameter: p.path,
    low: result.box.low[d],
    high: result.box.high[d],
    restricted: result.restricted[d] === true,
    quasiP: result.quasiP[d],
  }));
  writeAtomic(join(out, 'discovery.csv'), discoveryTable(found).text(restrictions));
  writeAtomic(
    join(out, 'trajectory.csv'),
    TRAJECTORY.text(result.trajectory.map((t, i) => ({ ...t, peel: i + 1, chosen: i === result.chosen }))),
  );
  finishInPlace(out, 'discovery', {
    version: VERSION,
    command,
    sweep: { file, sha256: loaded.source.hash },
    ...scenarioFacts(loaded.scenarioFile, loaded.scenarioSource.hash, loaded.scenario),
    lever: options.lever,
    pair: found.pair,
    condition: found.condition,
    seed: loaded.seed,
    replications: loaded.replications,
    points: loaded.pointCount,
  });
  return { ...found, restrictions };
}
