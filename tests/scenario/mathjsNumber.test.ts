/**
 * Scenario expressions run on mathjs's number-only build with the whitelist alone
 * (src/scenario/mathjsLib.ts), where they ran on mathjs's full build: on random expressions
 * of every whitelisted function and operator on real numbers (no negative roots, no 0 / 0), both give the same finite numbers
 * at every tick, and where one gives none (NaN, ±Infinity: refused by tabulate) or refuses, so
 * does the other. So no scenario's numbers change. Two known differences, tested as such: a root
 * or log of a negative number, which the full build made a complex number (refused as not
 * finite), is refused by name; and round and mod, within about 1e-15 of a rounding boundary,
 * where the full build first snaps to the boundary by its relative tolerance (round(2.4999999999999996)
 * is 3 there, 2 here), agree everywhere else — on integers, halves and multiples of t.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import fc from 'fast-check';
import type { FactoryFunctionMap, MathJsInstance } from 'mathjs';
import { describe, expect, it } from 'vitest';
import { createMathjs, FUNCTIONS } from '../../src/scenario/mathjsLib.js';
import { ROOT } from '../helpers.js';

const full = createRequire(import.meta.url)('mathjs/lib/browser/math.js') as typeof import('mathjs');
const reference: MathJsInstance = full.create(full.all as FactoryFunctionMap, {});
const ours = createMathjs();

const TWO_ARGUMENTS = new Set(['pow', 'mod', 'min', 'max', 'log', 'round']);
/** Their first argument kept positive: real numbers throughout, as every scenario expression is. */
const POSITIVE_ARGUMENT = new Set(['sqrt', 'log', 'log10', 'log2', 'pow']);
const BINARY = ['+', '-', '*', '<', '>', '<=', '>=', '==', '!=', ' and ', ' or '];

const expression: fc.Arbitrary<string> = fc.letrec<{ e: string }>((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom('t', 'pi', 'e', '0', '1', '2.5', '0.3', '1e-3', '48', '-1'),
    fc.tuple(tie('e'), fc.constantFrom(...BINARY), tie('e')).map(([a, op, b]) => `(${a}${op}${b})`),
    fc.tuple(tie('e'), tie('e')).map(([a, b]) => `((abs(${a}) + 0.5) ^ (${b}))`),
    // Never 0 / 0: NaN, which the full build sometimes carries as a complex number.
    fc.tuple(tie('e'), tie('e')).map(([a, b]) => `(${a} / (abs(${b}) + 0.5))`),
    fc.tuple(fc.constantFrom('-', 'not ', '+'), tie('e')).map(([op, a]) => `${op}(${a})`),
    fc.tuple(tie('e'), tie('e'), tie('e')).map(([c, a, b]) => `((${c}) ? (${a}) : (${b}))`),
    fc.tuple(fc.constantFrom(...[...FUNCTIONS].filter((f) => f !== 'round' && f !== 'mod')), tie('e'), tie('e')).map(([f, x, b]) => {
      const a = POSITIVE_ARGUMENT.has(f) ? `abs(${x}) + 0.5` : x;
      const second = f === 'log' ? `abs(${b}) + 0.5` : b; // a log's base too
      return TWO_ARGUMENTS.has(f) ? `${f}(${a}, ${second})` : `${f}(${a})`;
    }),
  ),
})).e;

function evaluate(math: MathJsInstance, source: string, t: number): unknown {
  try {
    const value = math.parse(source).compile().evaluate({ t, pi: Math.PI, e: Math.E });
    if (typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))) return value;
    return 'refused';
  } catch {
    return 'refused';
  }
}

describe('mathjs number build with the whitelist', () => {
  it('gives what the full build gives, at every tick', () => {
    fc.assert(
      fc.property(expression, (source) => {
        // === so that -0 and 0 count as one number: floor(tan(pi)) is -0 here, 0 there (the same value, printed "0" by both).
        for (const t of [0, 1, 11, 23, 47]) if (evaluate(ours, source, t) !== evaluate(reference, source, t)) return false;
        return true;
      }),
      { numRuns: 3_000 },
    );
  });

  it('refuses a root or log of a negative number by name, where the full build made it complex', () => {
    for (const source of [
      'sqrt(t - 5)',
      'log(t - 5)',
      'log10(-t - 1)',
      'log2(t - 5)',
      '(t - 5) ^ 0.5',
      'pow(t - 5, 1.5)',
      'sqrt(-1) < 1',
    ]) {
      expect(() => ours.parse(source).compile().evaluate({ t: 0 })).toThrow(/is not a real number/);
      expect(evaluate(reference, source, 0)).toBe('refused');
    }
    expect(evaluate(ours, 'pow(-2, 3) + sqrt(0) + log(1)', 0)).toBe(-8);
  });

  it('round and mod agree on integers, halves and multiples of t, and differ only next to a boundary', () => {
    for (let t = 0; t < 48; t++)
      for (const source of [
        'round(t / 2)',
        'round(t / 12)',
        'round(t * 0.1, 1)',
        'round(-t / 4)',
        'mod(t, 12)',
        't mod 5',
        'mod(t * 0.5, 1.5)',
        'mod(-t, 7)',
      ])
        expect(evaluate(ours, source, t), `${source} at t=${t}`).toBe(evaluate(reference, source, t));
    expect(evaluate(ours, 'round(2.4999999999999996)', 0)).toBe(2);
    expect(evaluate(reference, 'round(2.4999999999999996)', 0)).toBe(3);
  });

  it('every shipped scenario expression gives the same series', () => {
    for (const source of ['0.5 + 0.3 * (t >= 11)', '0.8 * exp(-t / 24)', 't < 6 ? 0.2 : 0.2 + 0.6 * min(1, (t - 6) / 12)', 'round(t / 12)'])
      for (let t = 0; t < 48; t++) expect(evaluate(ours, source, t)).toBe(evaluate(reference, source, t));
  });

  it('the bundle the build makes (dist/vendor) is the package: same values, same error messages', () => {
    const bundle = createRequire(import.meta.url)(join(ROOT, 'dist', 'vendor', 'mathjs-number.cjs')) as {
      create: (f: FactoryFunctionMap, c: object) => MathJsInstance;
      dependencies: FactoryFunctionMap;
    };
    const built = bundle.create(bundle.dependencies, {});
    const outcome = (math: MathJsInstance, source: string) => {
      try {
        return math.parse(source).compile().evaluate({ t: 7 });
      } catch (err) {
        return (err as Error).message;
      }
    };
    for (const source of ['0.8 * exp(-(t - 2) / 24)', 'max(1, t, 3) mod 4', 'round(t / 3, 2)', 'sin(1, 2)', 'atan(t) ? tanh(t) : cbrt(t)'])
      expect(outcome(built, source), source).toEqual(outcome(ours, source));
    expect(outcome(built, 'sin(1, 2)')).toMatch(/Too many arguments in function sin/);
  });
});
