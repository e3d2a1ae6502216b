/**
 * The layers of src/ (docs/development.md, "Code layout"): each room imports only rooms below it,
 * so the model knows nothing of files, the experiment layer nothing of the studies built on it,
 * and no import runs back up. Read from the sources' own import lines.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

/** Each room of src/ and its floor: a room may import rooms on lower floors only (and itself). */
const FLOORS: Readonly<Record<string, number>> = {
  errors: 0,
  version: 0,
  suggest: 0,
  shellQuote: 0,
  model: 1,
  io: 1,
  scenario: 2,
  experiments: 3,
  sweep: 4,
  calibration: 5,
  compare: 6,
  sensitivity: 7,
  discovery: 7,
  validate: 7,
  report: 8,
  explore: 9,
  index: 10,
  cli: 10,
  readme: 11,
  bench: 11,
  build: 11,
  patterns: 12,
};

const SRC = join(ROOT, 'src');
const roomOf = (file: string) => (relative(SRC, file).split('/')[0] as string).replace(/\.ts$/, '');

/** Every import of `src/` between rooms: [file, room, imported room]. */
function crossings(): [string, string, string][] {
  const out: [string, string, string][] = [];
  for (const name of readdirSync(SRC, { recursive: true, encoding: 'utf8' })) {
    if (!name.endsWith('.ts')) continue;
    const file = join(SRC, name);
    for (const m of readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*'(\.[^']+)'/g)) {
      const target = normalize(join(dirname(file), m[1] as string));
      if (!target.startsWith(SRC)) continue;
      const [from, to] = [roomOf(file), roomOf(target).replace(/\.js$/, '')];
      if (from !== to) out.push([relative(ROOT, file), from, to]);
    }
  }
  return out;
}

describe('the layers of src/', () => {
  const all = crossings();

  it('reads the imports (the check cannot pass by reading nothing)', () => {
    expect(all.length).toBeGreaterThan(100);
    expect(all.some(([, from, to]) => from === 'experiments' && to === 'model')).toBe(true);
  });

  it('every room has a floor', () => {
    const rooms = new Set(all.flatMap(([, from, to]) => [from, to]));
    expect([...rooms].filter((room) => FLOORS[room] === undefined)).toEqual([]);
  });

  it('no import runs up a floor or across one', () => {
    const up = all.filter(([, from, to]) => (FLOORS[to] ?? 99) >= (FLOORS[from] ?? -1));
    expect(up.map(([file, , to]) => `${file} imports ${to}/`)).toEqual([]);
  });

  it('the model imports nothing but itself and the errors it throws', () => {
    expect(all.filter(([, from, to]) => from === 'model' && to !== 'errors').map(([file, , to]) => `${file} imports ${to}/`)).toEqual([]);
  });

  it('the tick loop calls its taps blind: model/simulate.ts imports neither welfare nor the terms record', () => {
    const loop = readFileSync(join(SRC, 'model', 'simulate.ts'), 'utf8');
    const imported = [...loop.matchAll(/from '\.\/([^']+)\.js'/g)].map((m) => m[1]);
    expect(imported).toContain('taps');
    expect(imported.filter((name) => /welfare|terms|collect/.test(name as string))).toEqual([]);
  });
});
