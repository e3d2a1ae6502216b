/**
 * Run by `npm run build` after tsc, the validators and the mathjs bundle: bundles the explore
 * page's script with esbuild (dist/explore/page.js, an IIFE for a file:// page). It is the
 * command's own engine, from the same compiled modules: Node's built-ins are replaced by
 * explore/shims (SHA-256 by @noble/hashes; file functions that throw if called), the scenario
 * schema is imported as JSON, its validator compiled ahead, mathjs from the vendored bundle.
 */
import { join } from 'node:path';
import { build, type Plugin } from 'esbuild';
import { Scenario } from '../scenario/schemas.js';
import { schemaKey, VALIDATORS_DIR } from '../scenario/validate.js';

const DIST = join(import.meta.dirname, '..');

const browser: Plugin = {
  name: 'entente-browser',
  setup(b) {
    b.onResolve({ filter: /^node:crypto$/ }, () => ({ path: join(DIST, 'explore', 'shims', 'crypto.js') }));
    b.onResolve({ filter: /^node:/ }, () => ({ path: join(DIST, 'explore', 'shims', 'node.js') }));
    // Parquet is file work the page never does.
    b.onResolve({ filter: /^hyparquet-writer$/ }, () => ({ path: join(DIST, 'explore', 'shims', 'node.js') }));
    // The schemas as data, not loaded from files at run time.
    b.onLoad({ filter: /[\\/]scenario[\\/]schemas\.js$/ }, () => ({
      contents:
        "import scenario from './schemas/scenario.json';\nimport sweep from './schemas/sweep.json';\nexport const Scenario = scenario;\nexport const builtSchema = (name) => (name === 'sweep' ? sweep : scenario);\nexport const SCHEMAS_DIR = '';\n",
      resolveDir: join(DIST, 'scenario'),
      loader: 'js',
    }));
  },
};

const entry = `
import * as mathjs from ${JSON.stringify(join(DIST, 'vendor', 'mathjs-number.cjs'))};
import validator from ${JSON.stringify(join(VALIDATORS_DIR, `${schemaKey(Scenario)}.cjs`))};
import { provideMathjs } from ${JSON.stringify(join(DIST, 'scenario', 'mathjsLib.js'))};
import { registerValidator } from ${JSON.stringify(join(DIST, 'scenario', 'validate.js'))};
import { Scenario } from ${JSON.stringify(join(DIST, 'scenario', 'schemas.js'))};
import { start } from ${JSON.stringify(join(DIST, 'explore', 'page', 'main.js'))};
provideMathjs(mathjs);
registerValidator(Scenario, validator);
start();
`;

await build({
  stdin: { contents: entry, resolveDir: DIST, loader: 'js' },
  bundle: true,
  platform: 'browser',
  format: 'iife',
  target: 'es2022',
  minify: process.env.ENTENTE_PAGE_DEBUG === undefined,
  legalComments: 'eof',
  outfile: join(DIST, 'explore', 'page.js'),
  plugins: [browser],
  // csv-stringify's Node build calls Buffer; its browser build is the same encoder without it.
  alias: { 'csv-stringify/sync': 'csv-stringify/browser/esm/sync' },
  // Module-level paths (validators, schemas, the mathjs bundle) are computed and never read in the page.
  define: { 'import.meta.url': '"file:///entente/page.js"', 'import.meta.dirname': '"/entente"' },
  logLevel: 'warning',
});
