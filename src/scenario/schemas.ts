/**
 * The scenario schema as the commands use it: plain JSON that `npm run build` writes from the
 * TypeBox definitions (build/validators.ts), so neither the CLI nor a worker loads TypeBox
 * (~80 ms of every start); run from the sources (tests), the definition itself. Either way the
 * same JSON Schema, named by the same hash (validate.ts). The sweep schema is read the same way,
 * from the same directory, by experiments/sweepSchemas.ts.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { TSchema } from '@sinclair/typebox';

/** Where the build writes them. */
export const SCHEMAS_DIR = join(import.meta.dirname, 'schemas');

/** A schema the build wrote, by name; undefined when run from the sources. */
export function builtSchema(name: 'scenario' | 'sweep' | 'validation'): TSchema | undefined {
  const file = join(SCHEMAS_DIR, `${name}.json`);
  return existsSync(file) ? (createRequire(import.meta.url)(file) as TSchema) : undefined;
}

export const Scenario: TSchema = builtSchema('scenario') ?? (await import('./schema.js')).Scenario;
