/**
 * Run by `npm run build` after tsc: writes the scenario and sweep schemas as plain JSON
 * (scenario/schemas.ts reads them, so no command loads TypeBox), and compiles them with Ajv
 * into standalone validator modules (Ajv's standalone code generation) beside validate.js, so
 * a command loads them instead of compiling the schemas at every start. Each validator is
 * named by its schema's hash (validate.ts, schemaKey): a build with a changed schema writes a
 * new one.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import standalone from 'ajv/dist/standalone/index.js';
import { Sweep } from '../experiments/sweepSchema.js';
import { Scenario } from '../scenario/schema.js';
import { SCHEMAS_DIR } from '../scenario/schemas.js';
import { AJV_OPTIONS, schemaKey, VALIDATORS_DIR } from '../scenario/validate.js';
import { Validation } from '../validate/schema.js';

const ajv = new Ajv({ ...AJV_OPTIONS, code: { source: true } });
for (const dir of [VALIDATORS_DIR, SCHEMAS_DIR]) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
}
writeFileSync(join(SCHEMAS_DIR, 'scenario.json'), JSON.stringify(Scenario));
writeFileSync(join(SCHEMAS_DIR, 'sweep.json'), JSON.stringify(Sweep));
writeFileSync(join(SCHEMAS_DIR, 'validation.json'), JSON.stringify(Validation));
for (const schema of [Scenario, Sweep, Validation]) {
  const code = standalone.default(ajv, ajv.compile(schema));
  writeFileSync(join(VALIDATORS_DIR, `${schemaKey(schema)}.cjs`), code);
}
