/**
 * Loading a scenario for a run: read → validate shape → apply a lever (its
 * shocks and overrides) → apply --set overrides → resolve to a ModelConfig.
 * Every failure is an EntenteError naming where it happened.
 */
import { EntenteError } from '../errors.js';
import type { ModelConfig } from '../model/config.js';
import { didYouMean } from '../suggest.js';
import { MAX_REPLICATIONS } from './bounds.js';
import { expectKind } from './fileKind.js';
import { checkActorMemory } from './memory.js';
import { parseValue, setParameter } from './paths.js';
import { type Locate, type PlacedShock, resolveScenario } from './resolve.js';
import type { ScenarioFile } from './schema.js';
import { Scenario } from './schemas.js';
import { formatPath, readSource, type Source } from './source.js';
import { validateShape } from './validate.js';

export interface LoadOptions {
  readonly lever?: string | undefined;
  /** `PATH=VALUE` strings, applied in order after the lever's own overrides. */
  readonly set?: readonly string[];
  readonly ticks?: number | undefined;
  readonly seed?: number | undefined;
  readonly replications?: number | undefined;
  /**
   * Skip re-validating the file's shape after overrides (`set` and the lever's
   * `set`). Only for callers that have validated every value they set (a sweep
   * checks its lever, each list value and both ends of each range, and the
   * schema's constraints are intervals); references and expression ranges are
   * still checked when the scenario is resolved.
   */
  readonly trustedOverrides?: boolean;
}

export interface LoadedScenario {
  readonly source: Source;
  readonly spec: ScenarioFile;
  readonly config: ModelConfig;
  readonly seed: number;
  readonly replications: number;
  readonly lever: string | undefined;
}

export const DEFAULT_SEED = 1;

function locator(source: Source): Locate {
  return (path) => {
    const line = source.locate(path);
    return { file: source.file, ...(line ? { line } : {}), path: formatPath(path) };
  };
}

/** Re-validate after an override, blaming the override for any new error. */
function revalidate(source: Source, data: unknown, blame: string): ScenarioFile {
  try {
    return validateShape<ScenarioFile>(Scenario, source, data);
  } catch (err) {
    if (!(err instanceof EntenteError)) throw err;
    const opts = {
      where: { file: source.file, path: err.where.path ?? '' },
      ...(err.expected ? { expected: err.expected } : {}),
      ...(err.found ? { found: err.found } : {}),
    };
    throw new EntenteError(err.code, `${blame}: ${err.message}`, opts);
  }
}

function applyOverride(source: Source, data: Record<string, unknown>, assignment: string, blame: string, trusted = false): ScenarioFile {
  const eq = assignment.indexOf('=');
  if (eq <= 0) {
    throw new EntenteError('path.badAssignment', `${blame}: expected PATH=VALUE`, {
      where: { file: source.file },
      expected: 'PATH=VALUE',
      found: JSON.stringify(assignment),
    });
  }
  const path = assignment.slice(0, eq).trim();
  try {
    setParameter(data, path, parseValue(assignment.slice(eq + 1)));
  } catch (err) {
    if (err instanceof EntenteError) {
      throw new EntenteError(err.code, `${blame}: ${err.message}`, {
        where: { file: source.file, path },
        ...(err.expected ? { expected: err.expected } : {}),
      });
    }
    throw err;
  }
  return trusted ? (data as unknown as ScenarioFile) : revalidate(source, data, blame);
}

/** Resolve a validated scenario with an optional lever and overrides. */
export function prepare(source: Source, base: ScenarioFile, options: LoadOptions = {}): LoadedScenario {
  const data = { ...base } as unknown as Record<string, unknown>; // overrides copy what they change (paths.ts)
  let spec = base;
  const shocks: PlacedShock[] = (base.shocks ?? []).map((s, i) => ({ spec: s, origin: ['shocks', i] }));
  if (options.lever !== undefined) {
    const lever = base.levers && Object.hasOwn(base.levers, options.lever) ? base.levers[options.lever] : undefined;
    if (!lever) {
      const known = Object.keys(base.levers ?? {});
      throw new EntenteError('scenario.unknownLever', `unknown lever "${options.lever}"${didYouMean(options.lever, known)}`, {
        where: { file: source.file, path: 'levers' },
        expected: known.length ? `one of: ${known.join(', ')}` : 'a lever defined under `levers:` (this scenario has none)',
        found: JSON.stringify(options.lever),
      });
    }
    (lever.shocks ?? []).forEach((s, i) => {
      shocks.push({ spec: s, origin: ['levers', options.lever as string, 'shocks', i] });
    });
    for (const [path, value] of Object.entries(lever.set ?? {})) {
      spec = applyOverride(source, data, `${path}=${value}`, `levers.${options.lever}.set`, options.trustedOverrides);
    }
  }
  for (const assignment of options.set ?? [])
    spec = applyOverride(source, data, assignment, `--set ${assignment}`, options.trustedOverrides);
  if (options.ticks !== undefined) {
    data.ticks = options.ticks;
    spec = revalidate(source, data, `--ticks ${options.ticks}`);
  }
  // Shock specs may have been changed by overrides: take them from the updated data.
  const current = (data.shocks as ScenarioFile['shocks']) ?? [];
  const placed = shocks.map((s, i) => (i < current.length ? { spec: current[i] as PlacedShock['spec'], origin: s.origin } : s));
  const config = resolveScenario(spec, placed, locator(source));
  const replications = options.replications ?? spec.replications ?? 1;
  if (!Number.isInteger(replications) || replications < 1 || replications > MAX_REPLICATIONS) {
    throw new EntenteError('options.replications', 'replications must be a positive integer', {
      expected: `an integer from 1 to ${MAX_REPLICATIONS}`,
      found: String(replications),
    });
  }
  return { source, spec, config, seed: options.seed ?? spec.seed ?? DEFAULT_SEED, replications, lever: options.lever };
}

export function loadScenario(file: string, options: LoadOptions = {}): LoadedScenario {
  const source = readSource(file);
  expectKind(source, 'scenario');
  const spec = validateShape<ScenarioFile>(Scenario, source);
  checkActorMemory(Object.keys(spec.actors).length, file);
  return prepare(source, spec, options);
}

/** `entente check`: the scenario, and each of its levers, must resolve. */
export function checkScenario(file: string): { spec: ScenarioFile; levers: string[] } {
  const source = readSource(file);
  const spec = validateShape<ScenarioFile>(Scenario, source);
  checkActorMemory(Object.keys(spec.actors).length, file);
  prepare(source, spec);
  const levers = Object.keys(spec.levers ?? {});
  for (const lever of levers) prepare(source, spec, { lever });
  return { spec, levers };
}
