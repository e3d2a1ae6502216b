/**
 * Values in scenario files may be math expressions of `t`, the tick. They are
 * parsed by mathjs, checked against a whitelist of node types, functions and
 * symbols (so `import`, `createUnit`, `evaluate`, `parse`, assignments, property
 * access, strings and matrices can never be reached), compiled once and
 * tabulated over every tick: the simulation reads a Float64Array, never mathjs.
 */
import type { MathJsInstance, MathNode } from 'mathjs';
import { createMathjs, FUNCTIONS, OPERATORS } from './mathjsLib.js';

/**
 * mathjs, loaded and set up on first use: a worker whose expressions were all
 * tabulated by the main thread (learnTables) never loads it, which saves about
 * 0.2 s of every worker's start.
 */
let instance: Pick<MathJsInstance, 'parse' | 'typeOf'> | undefined;
function mathjs(): Pick<MathJsInstance, 'parse' | 'typeOf'> {
  if (instance) return instance;
  const math = createMathjs();
  // Defence in depth: even if a future mathjs let a name through, these do nothing.
  const forbidden = ['import', 'createUnit', 'evaluate', 'parse', 'simplify', 'derivative', 'resolve', 'compile', 'reviver'];
  const parse = math.parse; // kept before `parse` itself is disabled below
  math.import(
    Object.fromEntries(
      forbidden.map((name) => [
        name,
        () => {
          throw new Error(`function ${name} is disabled in scenario expressions`);
        },
      ]),
    ),
    { override: true },
  );
  instance = { parse, typeOf: math.typeOf };
  return instance;
}

const CONSTANTS = new Set(['t', 'pi', 'e']);

export class ExpressionError extends Error {}

/** What an expression may name besides the math whitelist: `t` for values, state readers for observables. */
export interface Vocabulary {
  readonly symbols: ReadonlySet<string>;
  /** Extra functions and their arity. */
  readonly functions: ReadonlyMap<string, number>;
}

const OF_TIME: Vocabulary = { symbols: CONSTANTS, functions: new Map() };

function checkNode(node: MathNode, vocabulary: Vocabulary = OF_TIME): void {
  switch (node.type) {
    case 'ConstantNode': {
      const value = (node as unknown as { value: unknown }).value;
      if (typeof value !== 'number') throw new ExpressionError(`only numbers are allowed, not ${JSON.stringify(value)}`);
      return;
    }
    case 'SymbolNode': {
      const name = (node as unknown as { name: string }).name;
      if (!vocabulary.symbols.has(name))
        throw new ExpressionError(`unknown symbol "${name}" (allowed: ${[...vocabulary.symbols].join(', ')})`);
      return;
    }
    case 'OperatorNode': {
      const fn = (node as unknown as { fn: string }).fn;
      if (!OPERATORS.has(fn)) throw new ExpressionError(`operator "${fn}" is not allowed`);
      break;
    }
    case 'FunctionNode': {
      const callee = (node as unknown as { fn: MathNode }).fn;
      const name = callee.type === 'SymbolNode' ? (callee as unknown as { name: string }).name : '';
      const args = (node as unknown as { args: MathNode[] }).args;
      const arity = vocabulary.functions.get(name);
      if (arity !== undefined && args.length !== arity) throw new ExpressionError(`${name}() takes ${arity} arguments, not ${args.length}`);
      if (arity === undefined && !FUNCTIONS.has(name)) {
        const allowed = [...FUNCTIONS, ...vocabulary.functions.keys()];
        throw new ExpressionError(`function "${name || callee.toString()}" is not allowed (allowed: ${allowed.join(', ')})`);
      }
      for (const arg of args) checkNode(arg, vocabulary);
      return;
    }
    case 'ParenthesisNode':
    case 'ConditionalNode':
      break;
    default:
      throw new ExpressionError(`${node.type.replace(/Node$/, '').toLowerCase()} syntax is not allowed`);
  }
  node.forEach((child) => {
    checkNode(child, vocabulary);
  });
}

export interface CompiledWith {
  /** A Map is read as it is; an object is wrapped by mathjs at each call and read through safety checks (slower). */
  evaluate(scope: ReadonlyMap<string, unknown> | Record<string, unknown>): number;
}

/**
 * Compiled code by vocabulary and source. The code reads every name from the scope it is
 * given, so it can serve each sweep point's config: calibration resolves the same
 * observables once per point, and parsing and checking them cost about 1 ms a time.
 */
const compiledWith = new Map<string, CompiledWith>();

/** Parse and check an expression over a vocabulary; evaluate it with a scope that defines every name. */
export function compileWith(source: string, vocabulary: Vocabulary): CompiledWith {
  const key = `${[...vocabulary.symbols].join(',')}|${[...vocabulary.functions].map(([name, arity]) => `${name}/${arity}`).join(',')}|${source}`;
  let code = compiledWith.get(key);
  if (!code) {
    code = compileChecked(source, vocabulary);
    compiledWith.set(key, code);
  }
  return code;
}

/** Longer expressions are refused before parsing (mathjs parses recursively: ~3,000 terms overflow the stack). */
export const MAX_EXPRESSION_LENGTH = 1000;

function compileChecked(source: string, vocabulary: Vocabulary): CompiledWith {
  if (source.length > MAX_EXPRESSION_LENGTH)
    throw new ExpressionError(`is too long (${source.length} characters; at most ${MAX_EXPRESSION_LENGTH})`);
  let node: MathNode;
  try {
    node = mathjs().parse(source);
  } catch (err) {
    throw new ExpressionError(`cannot parse: ${(err as Error).message}`);
  }
  let code: ReturnType<MathNode['compile']>;
  try {
    checkNode(node, vocabulary);
    code = node.compile();
  } catch (err) {
    if (err instanceof RangeError) throw new ExpressionError('is nested too deeply');
    throw err;
  }
  return {
    evaluate(scope) {
      let value: unknown;
      try {
        value = code.evaluate(scope);
      } catch (err) {
        // A whitelisted function called wrongly (max(), sin(1, 2), round(0.5, 100)) is the expression's fault.
        if (err instanceof ExpressionError) throw err;
        throw new ExpressionError((err as Error).message.replace(/\s+/g, ' '));
      }
      if (typeof value !== 'number') throw new ExpressionError(`gives a non-number (${mathjs().typeOf(value)})`);
      return value;
    },
  };
}

export interface CompiledExpression {
  readonly source: string;
  evaluate(t: number): number;
}

export function compileExpression(source: string): CompiledExpression {
  const code = compileWith(source, OF_TIME);
  return {
    source,
    evaluate(t: number): number {
      try {
        return code.evaluate({ t });
      } catch (err) {
        if (err instanceof ExpressionError) throw new ExpressionError(`${err.message} at t=${t}`);
        throw err;
      }
    },
  };
}

/** Compiled expressions and their tables, by source: a sweep resolves the same scenario once per point. */
const compiled = new Map<string, CompiledExpression>();
const tables = new Map<string, Float64Array>();

/**
 * The value of a number or expression at every tick 0..ticks-1, each checked to
 * lie in [min, max]. Throws ExpressionError naming the first offending tick.
 */
export function tabulate(value: number | string, ticks: number, min: number, max: number): Float64Array {
  const out = new Float64Array(ticks);
  if (typeof value === 'number') {
    if (!(value >= min && value <= max)) throw new ExpressionError(`${value} is outside [${min}, ${max}]`);
    return out.fill(value);
  }
  const key = `${ticks}|${min}|${max}|${value}`;
  const known = tables.get(key);
  if (known) return known; // tables are never written after this (the config is read-only)
  let expr = compiled.get(value);
  if (!expr) {
    expr = compileExpression(value);
    compiled.set(value, expr);
  }
  for (let t = 0; t < ticks; t++) {
    const v = expr.evaluate(t);
    if (!Number.isFinite(v)) throw new ExpressionError(`"${value}" is not finite at t=${t} (${v})`);
    if (v < min || v > max) throw new ExpressionError(`"${value}" is ${v} at t=${t}, outside [${min}, ${max}]`);
    out[t] = v;
  }
  tables.set(key, out);
  return out;
}

/** Every expression table made so far, to hand to worker threads. */
export function knownTables(): [string, Float64Array][] {
  return [...tables];
}

/** Tables another thread made (knownTables): the same values, without loading mathjs here. */
export function learnTables(entries: readonly (readonly [string, Float64Array])[]): void {
  for (const [key, table] of entries) if (!tables.has(key)) tables.set(key, table);
}
