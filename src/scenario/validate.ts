/**
 * Shape validation with Ajv against the TypeBox schema, turning Ajv's first
 * error into one EntenteError that names file, line, field, expected and found.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { TSchema } from '@sinclair/typebox';
import type { ErrorObject, Options, ValidateFunction } from 'ajv';
import { inputError, show } from '../errors.js';
import { formatPath, type PathSegment, type Source } from './source.js';

// verbose: errors carry their parentSchema, from which messages list the allowed fields and kinds.
export const AJV_OPTIONS: Options = { allErrors: false, discriminator: true, strict: false, useDefaults: false, verbose: true };

const require = createRequire(import.meta.url);
const compiled = new WeakMap<TSchema, ValidateFunction>();

/** Where `npm run build` puts the validators it compiles (generateValidators.ts), named by schema. */
export const VALIDATORS_DIR = join(import.meta.dirname, 'validators');

/** A schema's name among the compiled validators: a hash of its JSON, so a changed schema never meets a stale validator. */
export function schemaKey(schema: TSchema): string {
  return createHash('sha256').update(JSON.stringify(schema)).digest('hex').slice(0, 16);
}

/**
 * The schema's validator: compiled at build time when the build has it (loading it takes ~10 ms;
 * compiling the scenario schema with Ajv, ~150 ms of every command's start), else by Ajv now
 * (tests run from the sources).
 */
/** A validator compiled ahead for `schema`, for a bundle that cannot load files (the explore page). */
export function registerValidator(schema: TSchema, fn: ValidateFunction): void {
  compiled.set(schema, fn);
}

function compile(schema: TSchema): ValidateFunction {
  let fn = compiled.get(schema);
  if (!fn) {
    const file = join(VALIDATORS_DIR, `${schemaKey(schema)}.cjs`);
    if (existsSync(file)) fn = require(file) as ValidateFunction;
    else {
      const { Ajv } = require('ajv') as typeof import('ajv');
      fn = new Ajv(AJV_OPTIONS).compile(schema);
    }
    compiled.set(schema, fn);
  }
  return fn;
}

function pointerToPath(pointer: string): PathSegment[] {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function valueAt(data: unknown, path: readonly PathSegment[]): unknown {
  let cur: unknown = data;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[seg];
  }
  return cur;
}

function describe(err: ErrorObject): { message: string; expected: string; extra?: PathSegment } {
  const p = err.params as Record<string, unknown>;
  const schema = err.parentSchema as { description?: string; properties?: Record<string, unknown> } | undefined;
  switch (err.keyword) {
    case 'required':
      return { message: 'missing required field', expected: `a field "${p.missingProperty}"`, extra: String(p.missingProperty) };
    case 'additionalProperties': {
      const allowed = Object.keys(schema?.properties ?? {}).join(', ');
      return {
        message: `unknown field "${p.additionalProperty}"`,
        expected: allowed ? `one of: ${allowed}` : 'no other fields',
        extra: String(p.additionalProperty),
      };
    }
    case 'discriminator': {
      const oneOf = (err.parentSchema as { oneOf?: { properties?: { kind?: { const?: string } } }[] }).oneOf ?? [];
      const names = oneOf
        .map((s) => s.properties?.kind?.const)
        .filter(Boolean)
        .join(', ');
      return { message: p.error === 'tag' ? 'missing or non-string "kind"' : 'unknown shock kind', expected: `kind one of: ${names}` };
    }
    case 'enum':
      return { message: 'not an allowed value', expected: `one of: ${(p.allowedValues as unknown[]).join(', ')}` };
    case 'type':
      return { message: 'wrong type', expected: `a value of type ${p.type}` };
    case 'anyOf':
      return { message: 'wrong type', expected: schema?.description ?? 'a value of another type' };
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return { message: 'out of range', expected: `a number ${p.comparison} ${p.limit}` };
    case 'pattern':
      return { message: 'badly formed', expected: schema?.description ?? `text matching ${p.pattern}` };
    case 'minProperties':
      return { message: 'too few entries', expected: `at least ${p.limit}` };
    case 'minItems':
      return { message: 'too few items', expected: `at least ${p.limit}` };
    case 'uniqueItems':
      return { message: 'duplicate items', expected: 'each item once' };
    case 'minLength':
      return { message: 'empty', expected: 'non-empty text' };
    default:
      return { message: err.message ?? 'invalid', expected: err.message ?? 'a valid value' };
  }
}

/** Pick the error a person should see: a union's own error rather than each branch's. */
function pick(errors: readonly ErrorObject[]): ErrorObject {
  const union = errors.find((e) => e.keyword === 'anyOf');
  return union ?? (errors[0] as ErrorObject);
}

export function validateShape<T>(schema: TSchema, source: Source, data: unknown = source.data): T {
  const validate = compile(schema);
  if (validate(data)) return data as T;
  const err = pick(validate.errors ?? []);
  const path = pointerToPath(err.instancePath);
  const found = valueAt(data, path);
  const { message, expected, extra } = describe(err);
  const fieldPath = extra !== undefined && err.keyword !== 'required' ? [...path, extra] : path;
  const shown = err.keyword === 'required' ? undefined : show(err.keyword === 'additionalProperties' ? extra : found);
  const shownPath = err.keyword === 'required' ? [...path, extra ?? ''] : fieldPath;
  const line = source.locate(fieldPath);
  throw inputError(
    `scenario.${err.keyword}`,
    message,
    { file: source.file, ...(line ? { line } : {}), path: formatPath(shownPath) },
    expected,
    shown,
  );
}
