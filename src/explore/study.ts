import { basename, dirname, join } from 'node:path';
import { scenarioPosterior } from '../compare/posterior/named.js';
import { loadUnder, type Posterior, readPosterior } from '../compare/posterior/read.js';
import { EntenteError, inputError } from '../errors.js';
import { fixedAssignments, isSweepFile, loadSweep } from '../experiments/loadSweep.js';
import { writeAtomic } from '../io/atomicFile.js';
import { checkOutputSize } from '../io/limits.js';
import { makeDirs } from '../io/makeDirs.js';
import { defaultOut } from '../io/outputDir.js';
import { scenarioObserved } from '../report/observed.js';
import { type LoadedScenario, loadScenario } from '../scenario/load.js';
import { type Json, resolvePath } from '../scenario/paths.js';
import { VERSION } from '../version.js';
import { controlsOf, controlsOfSweep } from './controls.js';
import { explorePage } from './html.js';
import type { Embedded } from './model.js';
import { claimPage } from './out.js';
import { samplePosterior } from './sample.js';

export interface Explored {
  readonly out: string;
  readonly bytes: number;
  readonly controls: number;
  readonly levers: number;
  /** Particles of the posterior sampled into the page (0: none). */
  readonly particles: number;
  /** Fields whose expressions call a function a browser may compute differently in the last bit. */
  readonly engineDependent: readonly string[];
  /** The posterior was calibrated on another text of the scenario (its particles are used as they are, as compare does). */
  readonly posteriorOfAnotherText: boolean;
}

/** Functions a browser may compute differently in the last bit (only exp is computed the same everywhere: model/exp.ts). */
const ENGINE_DEPENDENT = /\b(log|log10|log2|cbrt|pow|sin|cos|tan|tanh|atan)\s*\(|\^/;

/** Expressions in the scenario that call such a function: the page's numbers may then differ from the command's in the last digits. */
function engineDependent(value: unknown, path = ''): string[] {
  if (typeof value === 'string') return ENGINE_DEPENDENT.test(value) ? [path] : [];
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value)
    .filter(([k]) => !TEXT_FIELDS.has(k))
    .flatMap(([k, v]) => engineDependent(v, path ? `${path}.${k}` : k));
}

/** Fields that hold words or names, never an expression. */
const TEXT_FIELDS = new Set([
  'description',
  'name',
  'unit',
  'observed',
  'posterior',
  '$schema',
  'start',
  'focus',
  'id',
  'kind',
  'from',
  'to',
  'a',
  'b',
]);

/**
 * The posterior the page samples: the one asked for, else the scenario's own (`posterior:`). Under a
 * sweep or calibration file that fixes settings, a posterior calibrated under others would run
 * in a structure it was not fitted in: the scenario's own is then left out, one asked for refused.
 */
function pagePosterior(asked: string | false | undefined, file: string, fixed: readonly string[] | undefined): Posterior | undefined {
  const dir = asked === false ? undefined : (asked ?? scenarioPosterior(file));
  if (dir === undefined) return undefined;
  const posterior = readPosterior(dir);
  // A scenario file takes the posterior's structure; a sweep file must have the same one.
  if (fixed === undefined || JSON.stringify(posterior.fixed) === JSON.stringify(fixed)) return posterior;
  if (asked === undefined) return undefined;
  throw inputError(
    'explore.posterior',
    `the posterior in ${dir} was calibrated under fixed settings (${posterior.fixed.join(', ') || 'none'}) that differ from this file's (${fixed.join(', ') || 'none'})`,
    { file: join(dir, 'manifest.json'), path: 'fixed' },
    'a posterior calibrated from this file (entente calibrate FILE --method abc), or --no-posterior',
  );
}

/** Every path of the posterior must name something this scenario has. */
function checkedPosterior(posterior: Posterior, loaded: LoadedScenario): Posterior {
  const data = structuredClone(loaded.spec) as unknown as Json;
  for (const path of posterior.paths) {
    try {
      resolvePath(data, path);
    } catch (err) {
      if (!(err instanceof EntenteError)) throw err;
      throw inputError('explore.posterior', `the posterior's parameter ${path} is not in ${loaded.source.file}: ${err.message}`, {
        file: posterior.file,
        path,
      });
    }
  }
  return posterior;
}

export interface ExploreOptions {
  /** Default: out/<scenario name>-explore.html, or out/<sweep name>-explore.html for a sweep or calibration file. */
  readonly out?: string;
  /** A posterior directory; false: none; undefined: the scenario's own, if it names one. */
  readonly posterior?: string | false;
}

/**
 * The page for a scenario file, or for a sweep or calibration file: then its parameters and ranges
 * are the sliders, and its scenario is the one the page runs.
 */
export function explore(input: string, options: ExploreOptions): Explored {
  const sweep = isSweepFile(input) ? loadSweep(input) : undefined;
  const file = sweep ? sweep.scenarioFile : input;
  const fixed = sweep ? fixedAssignments(sweep.sweep) : undefined;
  const read = pagePosterior(options.posterior, file, fixed);
  // The posterior's fixed settings (its calibration's structure; a sweep's are the same), else the sweep's, hold on the page too.
  const loaded = read ? loadUnder(file, read) : loadScenario(file, { set: fixed ?? [] });
  // A sweep's page is named by the sweep, so it never replaces the scenario's own page.
  const named = sweep ? (sweep.sweep.name ?? basename(input).replace(/\.(ya?ml|json)$/, '')) : loaded.spec.name;
  const out = options.out ?? `${defaultOut(named, input)}-explore.html`;
  claimPage(out);
  const spec = loaded.spec;
  const posterior = read === undefined ? undefined : checkedPosterior(read, loaded);
  const carried = read?.fixed ?? fixed ?? [];
  const page: Embedded = {
    file,
    hash: loaded.source.hash,
    data: spec,
    controls: sweep ? controlsOfSweep(sweep) : controlsOf(spec),
    levers: Object.entries(spec.levers ?? {}).map(([name, l]) => ({ name, description: l.description ?? name })),
    focus: spec.focus ?? (spec.pairs?.[0] ? [`${spec.pairs[0].a}-${spec.pairs[0].b}`] : []),
    seed: loaded.seed,
    replications: loaded.replications,
    version: VERSION,
    observed: scenarioObserved(file, loaded.source.data, []).filter((o) => Object.hasOwn(spec.observables ?? {}, o.indicator)),
    indicators: Object.fromEntries(Object.entries(spec.observables ?? {}).map(([id, o]) => [id, o.description ?? id])),
    ...(posterior ? { posterior: samplePosterior(posterior, loaded.seed) } : {}),
    ...(carried.length > 0 ? { fixed: carried } : {}),
  };
  const html = explorePage(page);
  // Its size, known once it is made (the scenario's text is bounded by its schema): under the output limit before a byte is written.
  checkOutputSize(
    'the explore page',
    Buffer.byteLength(html),
    'a smaller scenario (fewer actors or observed figures, shorter texts)',
    file,
  );
  makeDirs(dirname(out));
  writeAtomic(out, html);
  return {
    out,
    bytes: Buffer.byteLength(html),
    controls: page.controls.length,
    levers: page.levers.length,
    particles: page.posterior?.particles.length ?? 0,
    engineDependent: engineDependent(spec),
    posteriorOfAnotherText: posterior !== undefined && posterior.scenario.sha256 !== loaded.source.hash,
  };
}
