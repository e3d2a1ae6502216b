/**
 * The scenario and sweep schemas as the commands use them: plain JSON that `npm run build`
 * writes from the TypeBox definitions (build/validators.ts), so neither the CLI nor a worker
 * loads TypeBox (~80 ms of every start); run from the sources (tests), the definitions
 * themselves. Either way the same JSON Schema, named by the same hash (validate.ts).
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { TSchema } from '@sinclair/typebox';

/** Where the build writes them. */
export const SCHEMAS_DIR = join(import.meta.dirname, 'schemas');

const require = createRequire(import.meta.url);
const built = (name: string) => join(SCHEMAS_DIR, `${name}.json`);
const fromBuild = existsSync(built('scenario')) && existsSync(built('sweep'));

export const Scenario: TSchema = fromBuild ? (require(built('scenario')) as TSchema) : (await import('./schema.js')).Scenario;
export const Sweep: TSchema = fromBuild ? (require(built('sweep')) as TSchema) : (await import('../sweep/schema.js')).Sweep;
