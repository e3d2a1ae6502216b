/**
 * Parsed YAML files, cached by content: parsing the default scenario with the yaml package
 * takes 50–80 ms in a fresh process (its parser runs cold), JSON.parse of the same data under
 * 1 ms. A file's entry is named by the SHA-256 of the yaml package's version and the file's
 * text, so an edited file or another parser version never meets a stale entry, and holds the
 * parsed data as JSON. Only data JSON carries exactly is kept (plain objects and arrays,
 * strings, booleans, null, finite numbers other than −0); anything else is parsed every time.
 * Entries are written atomically and carry a seal, the SHA-256 of the source's key and their
 * content; a missing, unreadable, corrupt or altered entry, or one that is not a regular file, is
 * parsed again and rewritten; a cache that cannot be read or written (a path that is a file, a
 * read-only directory) is skipped without a word (it only saves time). The seal detects damage
 * and stale or misplaced entries, not forgery: anyone who can write the cache can as well edit
 * the scenario or entente itself.
 *
 * Where: $ENTENTE_CACHE, else $XDG_CACHE_HOME/entente, else ~/.cache/entente;
 * ENTENTE_CACHE=off turns it off.
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { writeAtomicRaw } from '../io/atomicFile.js';
import { makeDirs } from '../io/makeDirs.js';
import { readRegularText } from '../io/readFile.js';

const FORMAT = 'entente-yaml-cache/3';

/** The cache's directory, or undefined when it is off. Read at each call: tests set it. */
export function cacheDir(): string | undefined {
  const env = process.env.ENTENTE_CACHE;
  if (env === 'off') return undefined;
  if (env) return env;
  return join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'entente');
}

let yamlVersion: string | undefined;

/** The installed yaml package's version, read from its package.json without loading the package. */
function parserVersion(): string {
  yamlVersion ??= (JSON.parse(readRegularText(createRequire(import.meta.url).resolve('yaml/package.json'))) as { version: string }).version;
  return yamlVersion;
}

/** The key of a file's entry: the SHA-256 of the cache format, the parser's version and the file's text. */
function sourceKey(text: string): string {
  return createHash('sha256').update(`${FORMAT}\nyaml ${parserVersion()}\n`).update(text).digest('hex');
}

/** The seal an entry carries: the SHA-256 of the source's key and the entry's JSON, so it vouches for that pair only. */
const seal = (key: string, json: string) => createHash('sha256').update(`${key}\n`).update(json).digest('hex');

/** The cached data of a file with this text, or undefined. */
export function readCached(text: string): unknown {
  const dir = cacheDir();
  if (!dir) return undefined;
  try {
    // An entry is its seal, a line end, then the JSON: an entry changed since it was written (a
    // disk fault, a hand edit, an entry's JSON with its own digest recomputed) or moved from
    // another file's name fails the check, and the file is parsed again.
    const key = sourceKey(text);
    const entry = readRegularText(join(dir, 'yaml', `${key}.json`));
    const newline = entry.indexOf('\n');
    const json = entry.slice(newline + 1);
    if (newline !== 64 || entry.slice(0, 64) !== seal(key, json)) return undefined;
    return JSON.parse(json);
  } catch {
    return undefined; // absent, not a regular file, unreadable or corrupt: parse the file again
  }
}

/** Keep `data`, parsed from `text`, if JSON carries it exactly; a cache that cannot be written is skipped. */
export function writeCached(text: string, data: unknown): void {
  const dir = cacheDir();
  if (!dir || !jsonExact(data)) return;
  const key = sourceKey(text);
  try {
    makeDirs(join(dir, 'yaml'));
    const json = JSON.stringify(data);
    writeAtomicRaw(join(dir, 'yaml', `${key}.json`), [`${seal(key, json)}\n${json}`], false);
  } catch {
    // writeAtomicRaw leaves no temporary file behind; the cache only saves time
  }
}

/** Whether JSON.parse(JSON.stringify(value)) gives back the same value. */
export function jsonExact(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0);
  if (Array.isArray(value)) return value.every(jsonExact);
  if (typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return false;
  return Object.keys(value).every((key) => key !== '__proto__') && Object.values(value).every(jsonExact);
}
