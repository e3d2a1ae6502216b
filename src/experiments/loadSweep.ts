/**
 * Loading a sweep file: validate it, load its scenario (relative to the sweep
 * file), check every parameter path and range against that scenario, and draw
 * the design's points. All before anything runs or is written.
 */
import { dirname, resolve } from 'node:path';
import { EntenteError } from '../errors.js';
import type { ModelConfig } from '../model/config.js';
import { designRandom } from '../model/rng.js';
import { expectKind, fileKind } from '../scenario/fileKind.js';
import { DEFAULT_SEED, prepare } from '../scenario/load.js';
import { checkActorMemory } from '../scenario/memory.js';
import { isIntegerPath } from '../scenario/paths.js';
import type { ScenarioFile } from '../scenario/schema.js';
import { Scenario } from '../scenario/schemas.js';
import { formatPath, readSource, type Source } from '../scenario/source.js';
import { validateShape } from '../scenario/validate.js';
import type { Parameter, Value } from './designs/design.js';
import { levels } from './designs/grid.js';
import { DESIGN_REGISTRY, NEEDS_SAMPLES } from './designs/index.js';
import { PER_TICK_OUTPUTS } from './outputs.js';
import { checkDesignTable, checkSweepSize, type SweepShape, sweepOutputBytes } from './sweepEstimate.js';
import type { SweepFile } from './sweepSchema.js';
import { Sweep } from './sweepSchemas.js';

/** Bytes a row's parameter values take at most as CSV text: a number 20, a listed text its length, doubled for quoting. */
function valueBytes(parameters: readonly Parameter[]): number {
  const widest = (p: Parameter) => (Array.isArray(p.spec) ? Math.max(20, ...p.spec.map((v) => 2 * Buffer.byteLength(String(v)) + 3)) : 20);
  return parameters.reduce((n, p) => n + widest(p), 0);
}

export interface LoadedSweep {
  readonly source: Source;
  readonly sweep: SweepFile;
  readonly scenarioFile: string;
  readonly scenarioSource: Source;
  readonly scenario: ScenarioFile;
  readonly parameters: readonly Parameter[];
  /** How many points the design has. */
  readonly pointCount: number;
  /** Bytes the sweep will write (experiments/sweepEstimate.ts). */
  readonly outputBytes: number;
  /** The design's points one by one, in order (a fresh stream at each call): what a sweep runs. */
  streamPoints(): Iterable<Value[]>;
  /** Every point at once, drawn on first use (refused above the memory limit): for PRIM, calibration, sensitivity. */
  readonly points: readonly (readonly Value[])[];
  readonly replications: number;
  /** The scenario's model under the sweep's lever, before any point's values: sizes for estimates. */
  readonly config: ModelConfig;
  readonly seed: number;
  /** Identifies the sweep: its file, its scenario file; shards of different sweeps refuse to merge. */
  readonly hash: string;
}

function fail(source: Source, path: (string | number)[], code: string, message: string, expected?: string, found?: string): never {
  const line = source.locate(path);
  throw new EntenteError(code, message, {
    where: { file: source.file, ...(line ? { line } : {}), path: formatPath(path) },
    ...(expected ? { expected } : {}),
    ...(found ? { found } : {}),
  });
}

function checkParameter(
  loaded: { source: Source; scenarioSource: Source; scenario: ScenarioFile; sweep: SweepFile },
  param: Parameter,
): void {
  const { source, sweep } = loaded;
  const at = ['parameters', param.path];
  const spec = param.spec;
  if (!Array.isArray(spec)) {
    if (spec.min > spec.max)
      fail(source, [...at, 'min'], 'sweep.range', 'min is greater than max', `min ≤ max (${spec.max})`, String(spec.min));
    if (spec.log && spec.min <= 0)
      fail(source, [...at, 'min'], 'sweep.range', 'a log scale needs a positive min', 'min > 0', String(spec.min));
    if (spec.steps !== undefined && sweep.design !== 'grid')
      fail(source, [...at, 'steps'], 'sweep.steps', `steps are for grid designs, not ${sweep.design}`, 'no steps');
    if (sweep.design === 'grid' && spec.steps === undefined)
      fail(source, at, 'sweep.steps', 'a range in a grid needs steps', '{min, max, steps}');
  }
  // Apply the extreme values to the scenario: the path must name something and both ends must be valid.
  const ends = Array.isArray(spec) ? spec : levels({ ...spec, steps: 2 });
  for (const value of ends) {
    try {
      prepare(loaded.scenarioSource, loaded.scenario, { lever: sweep.lever, set: [`${param.path}=${value}`] });
    } catch (err) {
      if (!(err instanceof EntenteError)) throw err;
      const detail = err.message.replace(/^--set [^:]*: /, '');
      fail(source, at, err.code, `parameter "${param.path}" = ${value}: ${detail}`, err.expected, err.found);
    }
  }
}

/**
 * The scenario with the sweep's fixed settings (`set:`) applied, one by one, each checked where
 * it is written; a path also varied under `parameters:` is refused (which value would count?).
 */
function withFixed(source: Source, scenarioSource: Source, scenario: ScenarioFile, sweep: SweepFile): ScenarioFile {
  let fixed = scenario;
  for (const [path, value] of Object.entries(sweep.set ?? {})) {
    if (Object.hasOwn(sweep.parameters, path))
      fail(source, ['set', path], 'sweep.set', `"${path}" is both fixed and varied`, 'a path under set: or under parameters:, not both');
    try {
      fixed = prepare(scenarioSource, fixed, { set: [`${path}=${value}`] }).spec;
    } catch (err) {
      if (!(err instanceof EntenteError)) throw err;
      const detail = err.message.replace(/^--set [^:]*: /, '');
      fail(source, ['set', path], err.code, `set "${path}" = ${value}: ${detail}`, err.expected, err.found);
    }
  }
  return fixed;
}

/** The fixed settings as `--set` assignments: what a posterior's readers apply before its particles' values. */
export function fixedAssignments(sweep: SweepFile): string[] {
  return Object.entries(sweep.set ?? {}).map(([path, value]) => `${path}=${value}`);
}

/**
 * What a sweep's manifest says of its file: the file, its design and parameter paths, and its fixed
 * settings (set:), so a point is `entente run SCENARIO --set FIXED… --set PATH=VALUE…`.
 */
export function sweepRecord(loaded: LoadedSweep): Record<string, unknown> {
  return {
    file: loaded.source.file,
    sha256: loaded.source.hash,
    design: loaded.sweep.design,
    parameters: loaded.parameters.map((p) => p.path),
    ...(loaded.sweep.set ? { fixed: fixedAssignments(loaded.sweep) } : {}),
  };
}

/**
 * The scenario a sweep names. If it is not there (the sweep file was moved, or the scenario),
 * the error points at the sweep's `scenario:` line, where the fix goes.
 */
function scenarioOf(sweep: Source, scenarioFile: string): Source {
  try {
    return readSource(scenarioFile);
  } catch (err) {
    if (!(err instanceof EntenteError) || err.code !== 'scenario.unreadable') throw err;
    const line = sweep.locate(['scenario']);
    throw new EntenteError('sweep.scenarioMissing', `the scenario this sweep names is not there: ${scenarioFile} (${err.message})`, {
      where: { file: sweep.file, ...(line ? { line } : {}), path: 'scenario' },
      expected: 'a scenario file, by a path relative to this sweep file (was one of them moved?)',
      found: JSON.stringify((sweep.data as { scenario?: unknown }).scenario),
    });
  }
}

/**
 * `lever` replaces the sweep file's own lever (compare runs one sweep per lever,
 * and each must be valid under its lever); `null` runs the baseline. `estimate: false`
 * is for a command that runs none of the design's points (calibrate --method abc draws
 * its own): the design's size is not its to refuse, and it checks its own estimate.
 */
export function loadSweep(file: string, options: { lever?: string | null; estimate?: boolean } = {}): LoadedSweep {
  const source = readSource(file);
  expectKind(source, 'sweep');
  const validated = validateShape<SweepFile>(Sweep, source);
  const { lever: _ignored, ...withoutLever } = validated;
  const chosen = options.lever === undefined ? validated.lever : (options.lever ?? undefined);
  const sweep: SweepFile = chosen === undefined ? withoutLever : { ...withoutLever, lever: chosen };
  const scenarioFile = resolve(dirname(file), sweep.scenario);
  const scenarioSource = scenarioOf(source, scenarioFile);
  const scenario = withFixed(source, scenarioSource, validateShape<ScenarioFile>(Scenario, scenarioSource), sweep);
  checkActorMemory(Object.keys(scenario.actors).length, scenarioSource.file);
  const base = prepare(scenarioSource, scenario, { lever: sweep.lever }); // the scenario (and lever) must be valid on their own
  const needs = NEEDS_SAMPLES[sweep.design];
  if (needs && sweep.samples === undefined)
    fail(source, ['design'], 'sweep.samples', `the ${sweep.design} design needs samples`, 'samples: N');
  if (!needs && sweep.samples !== undefined)
    fail(
      source,
      ['samples'],
      'sweep.samples',
      `samples are not allowed by the ${sweep.design} design`,
      'no samples (a grid has one point per combination of levels)',
      String(sweep.samples),
    );
  const parameters = Object.entries(sweep.parameters).map(([path, spec]) => ({ path, spec }));
  const unsuitable =
    sweep.samples === undefined ? undefined : DESIGN_REGISTRY[sweep.design].checkSamples?.(sweep.samples, parameters.length);
  if (unsuitable)
    fail(source, ['samples'], 'sweep.samples', `samples not allowed by the ${sweep.design} design`, unsuitable, String(sweep.samples));
  for (const p of parameters) checkParameter({ source, scenarioSource, scenario, sweep }, p);
  const seed = sweep.seed ?? scenario.seed ?? DEFAULT_SEED;
  const replications = sweep.replications ?? scenario.replications ?? 1;
  const perTick = PER_TICK_OUTPUTS.filter((name) => sweep.outputs?.[name] === true);
  const design = DESIGN_REGISTRY[sweep.design];
  const count = design.count(parameters, sweep.samples);
  const designBytes = 1e6 + (design.streamBytes?.(parameters, sweep.samples) ?? 0);
  const shape: SweepShape = {
    points: count,
    designBytes,
    parameters: parameters.length,
    valueBytes: valueBytes(parameters),
    labelBytes: 2 * Buffer.byteLength(JSON.stringify(scenario)), // the manifest's labels, indented: at most twice the scenario's text
    replications,
    perTick,
  };
  if (options.estimate !== false) checkSweepSize(base.config, shape, file);
  // A range over an integer field (a shock's tick) is drawn as reals and rounded, so every point is one
  // that `entente run --set PATH=VALUE` accepts and reproduces.
  const integers = parameters.map((p) => !Array.isArray(p.spec) && isIntegerPath(scenario as Record<string, unknown>, p.path));
  const rounded = integers.some(Boolean);
  function* streamPoints(): Generator<Value[]> {
    for (const row of design.stream(parameters, sweep.samples, designRandom(seed))) {
      if (rounded) for (const [j, integer] of integers.entries()) if (integer) row[j] = Math.round(row[j] as number);
      yield row;
    }
  }
  let table: Value[][] | undefined;
  return {
    source,
    sweep,
    scenarioFile,
    scenarioSource,
    scenario,
    parameters,
    pointCount: count,
    outputBytes: sweepOutputBytes(base.config, shape),
    streamPoints,
    get points() {
      if (!table) {
        checkDesignTable(count, parameters.length, file);
        table = [...streamPoints()];
      }
      return table;
    },
    replications,
    config: base.config,
    seed,
    hash: `${source.hash.slice(0, 32)}${scenarioSource.hash.slice(0, 32)}`,
  };
}

/** A sweep file names a scenario and a design; anything else is a scenario. */
export function isSweepFile(file: string): boolean {
  return fileKind(readSource(file).data) === 'sweep';
}
