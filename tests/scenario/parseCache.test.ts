/**
 * The YAML parse cache (src/scenario/parseCache.ts): a file read from the cache gives the same
 * data and the same line numbers as a fresh parse; a corrupt entry is parsed again; data JSON
 * cannot carry exactly is never cached; ENTENTE_CACHE=off writes nothing.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { jsonExact } from '../../src/scenario/parseCache.js';
import { parseSource } from '../../src/scenario/source.js';

const RESERVED = [...Object.getOwnPropertyNames(Object.prototype), 'prototype'];
const SCENARIO = readFileSync(join(import.meta.dirname, '..', '..', 'scenarios', 'china-russia-2022.yaml'), 'utf8');

let dir: string;
const saved = process.env.ENTENTE_CACHE;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'entente-cache-'));
  process.env.ENTENTE_CACHE = dir;
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
  if (saved === undefined) delete process.env.ENTENTE_CACHE;
  else process.env.ENTENTE_CACHE = saved;
});

const entries = () => readdirSync(join(dir, 'yaml'));
const lines = (src: ReturnType<typeof parseSource>) =>
  [
    ['actors', 'CHN', 'costAversion'],
    ['shocks', 3, 'severity'],
    ['levers', 'rewardWedge'],
    ['nowhere', 'at', 'all'],
  ].map((p) => src.locate(p));

describe('the YAML parse cache', () => {
  it('gives the same data, hash and line numbers from the cache as from a fresh parse', () => {
    const fresh = parseSource('a.yaml', SCENARIO);
    expect(entries()).toHaveLength(1);
    const hit = parseSource('a.yaml', SCENARIO);
    expect(hit.data).toStrictEqual(fresh.data);
    expect(hit.hash).toBe(fresh.hash);
    expect(lines(hit)).toEqual(lines(fresh));
    expect(
      lines(fresh)
        .slice(0, 3)
        .every((l) => typeof l === 'number' && l > 1),
    ).toBe(true);
  });

  it('is keyed by the text: an edited file is parsed, not read from the old entry', () => {
    parseSource('a.yaml', 'name: one\nticks: 3\n');
    expect(parseSource('a.yaml', 'name: two\nticks: 3\n').data).toEqual({ name: 'two', ticks: 3 });
    expect(entries()).toHaveLength(2);
  });

  it('parses again, and rewrites, an entry that is corrupt', () => {
    parseSource('a.yaml', SCENARIO);
    const [entry] = entries();
    const path = join(dir, 'yaml', entry as string);
    const whole = readFileSync(path, 'utf8');
    writeFileSync(path, whole.slice(0, whole.length >> 1));
    expect(parseSource('a.yaml', SCENARIO).data).toStrictEqual(parseSource('b.yaml', SCENARIO).data);
    expect(readFileSync(path, 'utf8')).toBe(whole);
  });

  it('parses again an entry altered since it was written, even one that is still valid JSON', () => {
    parseSource('a.yaml', SCENARIO);
    const [entry] = entries();
    const path = join(dir, 'yaml', entry as string);
    const whole = readFileSync(path, 'utf8');
    writeFileSync(path, whole.replace('"China"', '"Chine"'));
    const data = parseSource('a.yaml', SCENARIO).data as { actors: { CHN: { name: string } } };
    expect(data.actors.CHN.name).toBe('China');
    expect(readFileSync(path, 'utf8')).toBe(whole);
  });

  it('still refuses bad YAML, and keeps nothing of it', () => {
    expect(() => parseSource('bad.yaml', 'a: 1\na: 2\n')).toThrow(/unique/);
    expect(() => parseSource('bad.yaml', 'a: .inf\n')).toThrow(/not a finite number/);
    expect(() => entries()).toThrow(); // the directory was never made
  });

  it('does not cache what JSON cannot carry exactly (−0), and the parse is still right', () => {
    const src = parseSource('z.yaml', 'x: -0.0\ny: [1, 2]\n');
    expect(Object.is((src.data as { x: number }).x, -0)).toBe(true);
    expect(() => entries()).toThrow();
  });

  it('writes nothing when ENTENTE_CACHE=off', () => {
    process.env.ENTENTE_CACHE = 'off';
    parseSource('a.yaml', SCENARIO);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('jsonExact holds only of values JSON gives back unchanged', () => {
    let exact = 0;
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        if (!jsonExact(value)) return true;
        exact++;
        return isDeepStrictEqual(JSON.parse(JSON.stringify(value)), value); // −0 and 0 differ here
      }),
      { numRuns: 2_000 },
    );
    expect(exact).toBeGreaterThan(1_000); // most JSON values are cached
    expect(jsonExact({ a: [1, 'x', null, true, { b: 2.5 }] })).toBe(true);
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, -0, [0, -0], new Date(0), new Map(), undefined, { f: () => 1 }])
      expect(jsonExact(bad)).toBe(false);
  });

  it('round-trips any YAML that holds JSON values', () => {
    fc.assert(
      // A key every object has (__proto__, constructor, toString, …) is refused before the cache is asked (scenario/source.ts).
      fc.property(
        fc
          .dictionary(fc.string({ minLength: 1 }), fc.jsonValue({ maxDepth: 3 }))
          .filter((v) => !RESERVED.some((key) => JSON.stringify(v).includes(`"${key}":`))),
        (value) => {
          const text = stringify(value);
          const fresh = parseSource('p.yaml', text).data;
          return isDeepStrictEqual(parseSource('p.yaml', text).data, fresh);
        },
      ),
      { numRuns: 200 },
    );
  });
});
