/**
 * Parameter paths name any value of a scenario: `actors.CHN.costAversion`,
 * `shocks.eo14114.enforcement` (shocks by id), `ties.CHN>RUS.commitment.finance`,
 * `pairs.CHN-RUS.alignment`, `model.stepSize`, `model.mechanisms.inertia`.
 * They are resolved against the scenario's data *and* its schema, so a path to
 * an optional field that the file leaves out still works, and a path that
 * names nothing is an error.
 *
 * Setting a value copies every object and array on its path (copy-on-write)
 * and changes only the root it is given: a sweep point shares everything else
 * with the validated scenario, so preparing it does not clone the whole file,
 * and resolved parts can be cached by object identity (resolve.ts).
 */
import type { TSchema } from '@sinclair/typebox';
import { EntenteError } from '../errors.js';
import { didYouMean } from '../suggest.js';
import { Scenario } from './schemas.js';
import type { PathSegment } from './source.js';

export type Json = Record<string, unknown>;

export interface ResolvedPath {
  /** Segments into the scenario data, e.g. ['shocks', 3, 'enforcement']. */
  readonly segments: readonly PathSegment[];
  readonly parent: Json;
  readonly key: string;
  /** The schema allows only integers here (ticks: `shocks.ID.at`, `until`, `ticks`). */
  readonly integer: boolean;
}

const KEYED: Record<string, (item: Json) => string[]> = {
  shocks: (s) => (typeof s.id === 'string' ? [s.id] : []),
  ties: (t) => [`${t.from}>${t.to}`],
  pairs: (p) => [`${p.a}-${p.b}`, `${p.b}-${p.a}`],
  divergences: (d) => (typeof d.id === 'string' ? [d.id] : []),
};

function childSchema(schema: TSchema | undefined, key: string, item: unknown): TSchema | undefined {
  if (!schema) return undefined;
  const s = schema as {
    oneOf?: TSchema[];
    properties?: Record<string, TSchema>;
    patternProperties?: Record<string, TSchema>;
    items?: TSchema;
  };
  if (s.oneOf) {
    const kind = (item as Json | undefined)?.kind;
    return childSchema(
      s.oneOf.find((b) => (b as { properties?: { kind?: { const?: unknown } } }).properties?.kind?.const === kind),
      key,
      item,
    );
  }
  if (s.properties && Object.hasOwn(s.properties, key)) return s.properties[key]; // own keys only: not toString
  if (s.patternProperties) return Object.values(s.patternProperties)[0];
  return undefined;
}

function notFound(path: string, what: string): EntenteError {
  return new EntenteError('path.unknown', `parameter path names nothing: ${what}`, {
    where: { path },
    expected: 'a path such as actors.CHN.costAversion, shocks.ID.FIELD, ties.A>B.commitment.DOMAIN, model.PARAM',
    found: path,
  });
}

/** Names that reach an object's prototype, never a scenario's value. */
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

/** The keys a step could have taken: a group's fields, or a record's existing names. */
function fieldsOf(schema: TSchema | undefined): string[] {
  return Object.keys((schema as { properties?: Record<string, TSchema> } | undefined)?.properties ?? {});
}

/** Records whose keys must already exist in the scenario: `actors.ID`, and per-actor maps name actors. */
function actorsOf(data: Json): string[] {
  return Object.keys((data.actors as Json | undefined) ?? {});
}

export function resolvePath(data: Json, path: string): ResolvedPath {
  const parts = path.split('.');
  if (parts.some((p) => p === '')) throw notFound(path, 'empty segment');
  const bad = parts.find((p) => FORBIDDEN.has(p));
  if (bad) throw notFound(path, `"${bad}" is not a field of any scenario`);
  let node: Json = data;
  let schema: TSchema | undefined = Scenario;
  const segments: PathSegment[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] as string;
    const last = i === parts.length - 1;
    const sub = childSchema(schema, part, node);
    if (!sub) throw notFound(path, `"${part}" is not a field here${didYouMean(part, fieldsOf(schema))}`);
    const record = !(schema as { properties?: Record<string, TSchema> }).properties?.[part];
    if (record && !Object.hasOwn(node, part)) {
      // A record's key names an actor (actors.ID, grievance.ID, …) or a lever, observable: it must exist.
      const names = i === 1 && parts[0] !== 'actors' ? Object.keys(node) : actorsOf(data);
      const what = i === 1 ? (parts[0] === 'actors' ? 'actor' : (parts[0] as string).replace(/s$/, '')) : 'actor';
      if (i === 1 || !names.includes(part)) throw notFound(path, `no ${what} ${part}${didYouMean(part, names)}`);
    }
    const keyFor = KEYED[part];
    if (keyFor && !last) {
      const list = node[part];
      const key = parts[++i] as string;
      const idx = Array.isArray(list) ? list.findIndex((it) => keyFor(it as Json).includes(key)) : -1;
      if (idx < 0) {
        const keys = Array.isArray(list) ? list.flatMap((it) => keyFor(it as Json)) : [];
        throw notFound(path, `no ${part} entry "${key}"${didYouMean(key, keys)}`);
      }
      segments.push(part, idx);
      const copy = [...(list as Json[])];
      node[part] = copy;
      copy[idx] = { ...(copy[idx] as Json) };
      node = copy[idx] as Json;
      schema = (sub as { items?: TSchema }).items;
      if (i === parts.length - 1) throw notFound(path, `a whole ${part} entry cannot be set; name one of its fields`);
      continue;
    }
    segments.push(part);
    if (last) {
      if ((sub as { type?: string }).type === 'object' || (sub as { type?: string }).type === 'array') {
        throw notFound(path, `"${part}" is a group of values; name one of its fields`);
      }
      return { segments, parent: node, key: part, integer: (sub as { type?: string }).type === 'integer' };
    }
    const next = node[part];
    if (next !== undefined && (typeof next !== 'object' || next === null)) throw notFound(path, `"${part}" holds a value, not fields`);
    node[part] = Array.isArray(next) ? [...next] : { ...(next as Json | undefined) };
    node = node[part] as Json;
    schema = sub;
  }
  throw notFound(path, 'nothing');
}

/** Does `path` name a field that holds only integers? (Resolved on a copy: `data` is not touched.) */
export function isIntegerPath(data: Json, path: string): boolean {
  return resolvePath({ ...data }, path).integer;
}

/** "0.5" → 0.5; anything that is not a number stays text (an expression). */
export function parseValue(text: string): number | string {
  const trimmed = text.trim();
  const n = Number(trimmed);
  return trimmed !== '' && Number.isFinite(n) ? n : trimmed;
}

/** Set the value at `path` in `data`, copying (never mutating) everything below the root on the way. */
export function setParameter(data: Json, path: string, value: number | string): readonly PathSegment[] {
  const { parent, key, segments } = resolvePath(data, path);
  parent[key] = value;
  return segments;
}
