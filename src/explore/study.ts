/** `entente explore`: the page for one scenario, written atomically. */
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { VERSION } from '../cli/version.js';
import { inputError } from '../errors.js';
import { writeAtomic } from '../io/atomicFile.js';
import { scenarioObserved } from '../report/observed.js';
import { loadScenario } from '../scenario/load.js';
import { controlsOf } from './controls.js';
import { explorePage, GENERATOR } from './html.js';
import type { Embedded } from './model.js';

export interface Explored {
  readonly out: string;
  readonly bytes: number;
  readonly controls: number;
  readonly levers: number;
}

/** Replace `out` only if it is absent or a page this command wrote, unless forced: never a user's own file. */
function claim(out: string, force: boolean): void {
  if (!existsSync(out) || force) {
    if (existsSync(out) && statSync(out).isDirectory())
      throw inputError('explore.out', `${out} is a directory`, { file: out, path: '--out' }, 'a file name such as out/explore.html');
    return;
  }
  const head = statSync(out).isFile() ? readFileSync(out, 'utf8').slice(0, 400) : '';
  if (!head.includes(`<meta name="generator" content="${GENERATOR}">`))
    throw inputError(
      'explore.out',
      `${out} exists and is not a page entente explore wrote`,
      { file: out, path: '--out' },
      'a new file name, or --force to replace it',
    );
}

export function explore(file: string, out: string, force = false): Explored {
  const loaded = loadScenario(file);
  claim(out, force);
  const spec = loaded.spec;
  const page: Embedded = {
    file,
    hash: loaded.source.hash,
    data: spec,
    controls: controlsOf(spec),
    levers: Object.entries(spec.levers ?? {}).map(([name, l]) => ({ name, description: l.description ?? name })),
    focus: spec.focus ?? (spec.pairs?.[0] ? [`${spec.pairs[0].a}-${spec.pairs[0].b}`] : []),
    seed: loaded.seed,
    replications: loaded.replications,
    version: VERSION,
    observed: scenarioObserved(file, loaded.source.data, []).filter((o) => Object.hasOwn(spec.observables ?? {}, o.indicator)),
    indicators: Object.fromEntries(Object.entries(spec.observables ?? {}).map(([id, o]) => [id, o.description ?? id])),
  };
  const html = explorePage(page);
  mkdirSync(dirname(out), { recursive: true });
  writeAtomic(out, html);
  return { out, bytes: Buffer.byteLength(html), controls: page.controls.length, levers: page.levers.length };
}
