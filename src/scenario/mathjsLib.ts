/**
 * The mathjs scenario expressions run on: mathjs's number-only build (plain numbers are all
 * they use), as an instance holding only the functions an expression may call and the
 * operators it may use (expressions.ts checks every node against the same lists). `npm run
 * build` bundles exactly these into one file (build/vendor.ts), which loads in a few
 * milliseconds; run from the sources (tests), the package itself is loaded, the same code.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { FactoryFunctionMap, MathJsInstance } from 'mathjs';
import { exp } from '../model/exp.js';

export const FUNCTIONS = new Set([
  'abs',
  'exp',
  'log',
  'log10',
  'log2',
  'sqrt',
  'cbrt',
  'pow',
  'min',
  'max',
  'floor',
  'ceil',
  'round',
  'sign',
  'sin',
  'cos',
  'tan',
  'tanh',
  'atan',
  'mod',
]);
export const OPERATORS = new Set([
  'add',
  'subtract',
  'multiply',
  'divide',
  'pow',
  'mod',
  'unaryMinus',
  'unaryPlus',
  'smaller',
  'larger',
  'smallerEq',
  'largerEq',
  'equal',
  'unequal',
  'and',
  'or',
  'not',
]);
/** What the instance is made of: parse and typeOf, and the whitelist (each as mathjs names its factories). */
export const MATHJS_FACTORIES: readonly string[] = ['parse', 'typeOf', ...new Set([...FUNCTIONS, ...OPERATORS])].map(
  (name) => `${name}Dependencies`,
);

/** Where build/vendor.ts writes the bundle. */
export const MATHJS_BUNDLE = join(import.meta.dirname, '..', 'vendor', 'mathjs-number.cjs');

export interface MathjsLib {
  readonly create: (factories: FactoryFunctionMap, config: object) => MathJsInstance;
  readonly dependencies: FactoryFunctionMap;
}

let provided: MathjsLib | undefined;

/** The bundle's exports, given by a program that cannot load files (the explore page bundles it). */
export function provideMathjs(lib: MathjsLib): void {
  provided = lib;
}

/** mathjs with the whitelist only: from the bundle when the build made it, else from the package. */
export function createMathjs(): MathJsInstance {
  const require = createRequire(import.meta.url);
  let lib: MathjsLib;
  if (provided) lib = provided;
  else if (existsSync(MATHJS_BUNDLE)) lib = require(MATHJS_BUNDLE) as MathjsLib;
  else {
    const pkg = require('mathjs/number') as Record<string, FactoryFunctionMap> & Pick<MathjsLib, 'create'>;
    lib = { create: pkg.create, dependencies: Object.assign({}, ...MATHJS_FACTORIES.map((name) => pkg[name])) };
  }
  const math = lib.create(lib.dependencies, {});
  // The full build answered a root, log or power of a negative number with a complex number, which no scenario value can be (refused); the number build answers NaN, which a
  // comparison would turn into false unnoticed. Refused here, by name.
  const real = (name: 'sqrt' | 'log' | 'log10' | 'log2' | 'pow') => {
    const f = math[name] as (...args: number[]) => number;
    return (...args: number[]) => {
      const value = f(...args);
      if (Number.isNaN(value) && !args.some(Number.isNaN)) throw new Error(`${name}(${args.join(', ')}) is not a real number`);
      return value;
    };
  };
  math.import({ sqrt: real('sqrt'), log: real('log'), log10: real('log10'), log2: real('log2'), pow: real('pow') }, { override: true });
  // e^x the same to the bit in every engine (model/exp.ts), so the explore page resolves expressions as the command does.
  const typedExp = math.exp as (...args: unknown[]) => number;
  const sameEverywhere = (...args: unknown[]) => {
    typedExp(...args); // mathjs's own checks: the number of arguments, and what converts to a number (true is 1)
    return exp(Number(args[0]));
  };
  math.import({ exp: sameEverywhere }, { override: true });
  return math;
}
