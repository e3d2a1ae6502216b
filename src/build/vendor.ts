/**
 * Run by `npm run build` after tsc: bundles, with esbuild, what scenario expressions need of
 * mathjs's number-only build (mathjs/number: the same functions, for plain numbers) into one
 * file: `create`, and the factories of parse, typeOf and the whitelisted functions and operators
 * (scenario/mathjsLib.ts). mathjs's own single-file build loads in ~0.06 s and then spends ~0.1 s
 * setting up its first expression for every number type (matrices, big numbers, units); the
 * number build as a package takes ~0.3 s to load its hundreds of modules. The bundle takes a few
 * milliseconds, and its first expression as many.
 */
import { buildSync } from 'esbuild';
import { MATHJS_BUNDLE, MATHJS_FACTORIES } from '../scenario/mathjsLib.js';

const names = MATHJS_FACTORIES.join(', ');
buildSync({
  stdin: {
    contents: `import { create, ${names} } from 'mathjs/number';\nexport { create };\nexport const dependencies = Object.assign({}, ${names});\n`,
    resolveDir: process.cwd(),
  },
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  minify: true,
  keepNames: true, // mathjs's errors name functions by their JavaScript names: "Too many arguments in function sin"
  legalComments: 'eof', // mathjs's and its dependencies' licence notices stay in the file
  outfile: MATHJS_BUNDLE,
  logLevel: 'warning',
});
