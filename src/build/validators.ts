/**
 * Run by `npm run build` after tsc: compiles the scenario and sweep schemas with Ajv into
 * standalone validator modules (Ajv's standalone code generation) beside validate.js, so a
 * command loads them instead of compiling the schemas at every start. Each is named by its
 * schema's hash (validate.ts, schemaKey): a build with a changed schema writes a new one.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import standalone from 'ajv/dist/standalone/index.js';
import { Scenario } from '../scenario/schema.js';
import { AJV_OPTIONS, schemaKey, VALIDATORS_DIR } from '../scenario/validate.js';
import { Sweep } from '../sweep/schema.js';

const ajv = new Ajv({ ...AJV_OPTIONS, code: { source: true } });
rmSync(VALIDATORS_DIR, { recursive: true, force: true });
mkdirSync(VALIDATORS_DIR, { recursive: true });
for (const schema of [Scenario, Sweep]) {
  const code = standalone.default(ajv, ajv.compile(schema));
  writeFileSync(join(VALIDATORS_DIR, `${schemaKey(schema)}.cjs`), code);
}
