/**
 * Reading a scenario or sweep file: bytes → YAML/JSON document with line
 * positions. Every later error can ask `locate(path)` for the line of a field.
 */
import { createHash } from 'node:crypto';

import { createRequire } from 'node:module';
import type { Document, LineCounter, Node } from 'yaml';
import { EntenteError, inputError } from '../errors.js';
import { readRegularText } from '../io/readFile.js';
import { repeatedKey } from './jsonKeys.js';
import { readCached, writeCached } from './parseCache.js';

export type PathSegment = string | number;

export interface Source {
  readonly file: string;
  readonly data: unknown;
  /** sha256 of the file's bytes. */
  readonly hash: string;
  /** 1-based line of the value at `path`, or of its nearest existing ancestor. */
  locate(path: readonly PathSegment[]): number | undefined;
}

export function readSource(file: string): Source {
  let text: string;
  try {
    text = readRegularText(file);
  } catch (err) {
    if (err instanceof EntenteError) throw err;
    const reason = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : 'cannot read file';
    throw inputError('scenario.unreadable', reason, { file }, 'a readable YAML or JSON file', String((err as Error).message));
  }
  return parseSource(file, text);
}

/** For a .json file, JSON's own verdict: YAML would read `// a comment` as a plain string and fail later, and less clearly. */
function parseJson(file: string, text: string): unknown {
  const lineAt = (offset: number) => text.slice(0, offset).split('\n').length;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    const message = (err as Error).message;
    const at = /position (\d+)/.exec(message);
    const line = at ? lineAt(Number(at[1])) : undefined;
    const hint = /^\s*\/[/*]/m.test(text) ? ' (JSON has no comments: use a .yaml file for comments)' : '';
    throw new EntenteError('scenario.malformed', `malformed JSON: ${message.split('\n')[0]}${hint}`, {
      where: { file, ...(line ? { line } : {}) },
    });
  }
  const repeated = repeatedKey(text);
  if (repeated)
    throw new EntenteError('scenario.malformed', `malformed JSON: Map keys must be unique ("${repeated.key}" appears twice)`, {
      where: { file, line: lineAt(repeated.at) },
    });
  return data;
}

/** Lists and maps within each other: a scenario needs about 5; the checks after parsing recurse, so the depth is bounded. */
const MAX_DEPTH = 64;

/**
 * Keys that name what every object has (its prototype, constructor, toString, …): as an id they
 * pass a file's checks but cannot be addressed by --set or a sweep's path, which look them up.
 */
const RESERVED_KEYS = new Set([...Object.getOwnPropertyNames(Object.prototype), 'prototype']);

/**
 * The first structural fault of parsed data, found without recursion (a stack of its own): a value
 * nested deeper than MAX_DEPTH, or a key named __proto__ (as an id it would be taken for the
 * prototype wherever ids key an object).
 */
function structureFault(data: unknown): { fault: 'deep' | 'proto'; path: PathSegment[] } | undefined {
  const stack: { value: unknown; path: PathSegment[] }[] = [{ value: data, path: [] }];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const { value, path } = item;
    if (value === null || typeof value !== 'object') continue;
    if (path.length >= MAX_DEPTH) return { fault: 'deep', path };
    if (!Array.isArray(value)) {
      const reserved =
        Object.keys(value).find((key) => RESERVED_KEYS.has(key)) ?? (Object.hasOwn(value, '__proto__') ? '__proto__' : undefined);
      if (reserved !== undefined) return { fault: 'proto', path: [...path, reserved] };
    }
    const entries: [PathSegment, unknown][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
    for (const [key, v] of entries) stack.push({ value: v, path: [...path, key] });
  }
  return undefined;
}

/** The path of the first number that is not finite (.inf, .nan, 1e999), if any. */
function nonFinite(value: unknown, path: PathSegment[] = []): { path: PathSegment[]; value: number } | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : { path, value };
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) {
      const found = nonFinite(v, [...path, i]);
      if (found) return found;
    }
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const found = nonFinite(v, [...path, k]);
      if (found) return found;
    }
  }
  return undefined;
}

/** The yaml package, loaded on first use: a worker thread, handed parsed data, never needs it. */
const yaml = () => createRequire(import.meta.url)('yaml') as typeof import('yaml');

/** The file as a YAML document with line positions: what `locate` reads. */
function yamlDocument(file: string, text: string): { doc: Document.Parsed; lineCounter: LineCounter } {
  const { LineCounter, parseDocument } = yaml();
  const lineCounter = new LineCounter();
  // YAML 1.2 is a superset of JSON, so one parser gives line numbers for both.
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const first = doc.errors[0];
  if (first) {
    const line = lineCounter.linePos(first.pos[0]).line;
    const kind = file.endsWith('.json') ? 'JSON' : 'YAML';
    throw new EntenteError('scenario.malformed', `malformed ${kind}: ${first.message.split('\n')[0]}`, {
      where: { file, line },
    });
  }
  return { doc, lineCounter };
}

/**
 * A JSON file is read by JSON.parse (a generated 200-actor scenario in a twentieth of the time
 * YAML takes), and so is a YAML file parsed before (its cached data); the YAML document, for
 * line numbers, is then built only if an error needs one.
 */
export function parseSource(file: string, text: string): Source {
  const json = file.endsWith('.json');
  // A YAML file parsed before is read from the cache (scenario/parseCache.ts), its document built only for line numbers.
  const cached = json ? undefined : readCached(text);
  let parsed = json || cached !== undefined ? undefined : yamlDocument(file, text);
  let data: unknown;
  if (json) data = parseJson(file, text);
  else if (cached !== undefined) data = cached;
  else {
    try {
      data = parsed?.doc.toJS({ maxAliasCount: 100 });
    } catch (err) {
      // The yaml package's guard against alias bombs ("billion laughs"): input, not an internal fault.
      throw new EntenteError('scenario.malformed', `malformed YAML: ${(err as Error).message.split('\n')[0]}`, {
        where: { file },
        expected: 'at most 100 alias expansions (*name)',
      });
    }
  }
  const hash = createHash('sha256').update(text).digest('hex');
  const locate = (path: readonly PathSegment[]): number | undefined => {
    parsed ??= yamlDocument(file, text);
    const { doc, lineCounter } = parsed;
    const { isMap, isSeq } = yaml();
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n), true) as Node | undefined;
      if (node && typeof node === 'object' && 'range' in node && node.range) {
        return lineCounter.linePos(node.range[0]).line;
      }
      if (n === 0 && (isMap(doc.contents) || isSeq(doc.contents))) {
        return doc.contents.range ? lineCounter.linePos(doc.contents.range[0]).line : undefined;
      }
    }
    return undefined;
  };
  const fault = structureFault(data);
  if (fault?.fault === 'deep')
    throw new EntenteError('scenario.malformed', `nested more than ${MAX_DEPTH} levels deep`, {
      where: { file, path: `${formatPath(fault.path.slice(0, 4))}…` },
      expected: `at most ${MAX_DEPTH} levels of lists and maps (a scenario needs about 5)`,
    });
  if (fault?.fault === 'proto') {
    const line = locate(fault.path.slice(0, -1));
    throw new EntenteError(
      'scenario.reservedKey',
      `a key named ${String(fault.path[fault.path.length - 1])} is not allowed (every object has one)`,
      {
        where: { file, ...(line ? { line } : {}), path: formatPath(fault.path) },
        expected: 'another name: not __proto__, constructor, prototype, toString, valueOf, hasOwnProperty or another name every object has',
      },
    );
  }
  const bad = nonFinite(data);
  if (bad) {
    const line = locate(bad.path);
    throw new EntenteError('scenario.nonFinite', 'not a finite number', {
      where: { file, ...(line ? { line } : {}), path: formatPath(bad.path) },
      expected: 'a finite number',
      found: String(bad.value),
    });
  }
  if (!json && cached === undefined) writeCached(text, data);
  return { file, data, hash, locate };
}

/** `shocks[2].severity` from ['shocks', 2, 'severity']. */
export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const seg of path) out += typeof seg === 'number' ? `[${seg}]` : out ? `.${seg}` : seg;
  return out || '(top level)';
}
