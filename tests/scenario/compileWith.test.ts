/**
 * compileWith caches compiled code by vocabulary and source: the cache may
 * spare the parse, never the check against the vocabulary it is asked with.
 */
import { describe, expect, it } from 'vitest';
import { compileWith, ExpressionError, type Vocabulary } from '../../src/scenario/expressions.js';

const vocabulary = (symbols: string[], functions: [string, number][] = []): Vocabulary => ({
  symbols: new Set(symbols),
  functions: new Map(functions),
});

describe('compileWith', () => {
  it('gives the same code for the same source and vocabulary, evaluated with each scope', () => {
    const v = vocabulary(['t', 'X'], [['f', 1]]);
    const code = compileWith('f(X) + t', v);
    expect(compileWith('f(X) + t', vocabulary(['t', 'X'], [['f', 1]]))).toBe(code);
    expect(code.evaluate({ t: 1, X: 2, f: (x: number) => 10 * x })).toBe(21);
    expect(code.evaluate({ t: 0, X: 3, f: (x: number) => -x })).toBe(-3);
  });

  it('still checks the source against another vocabulary', () => {
    expect(compileWith('X + t', vocabulary(['t', 'X'])).evaluate({ t: 1, X: 1 })).toBe(2);
    expect(() => compileWith('X + t', vocabulary(['t']))).toThrow(ExpressionError);
    expect(() => compileWith('X + t', vocabulary(['t']))).toThrow(/unknown symbol "X"/);
    expect(compileWith('f(t)', vocabulary(['t'], [['f', 1]])).evaluate({ t: 2, f: (x: number) => x * x })).toBe(4);
    expect(() => compileWith('f(t)', vocabulary(['t'], [['f', 2]]))).toThrow(/takes 2 arguments/);
  });
});
