/**
 * Expression tables made on the main thread are handed to worker threads
 * (io/pool.ts, io/poolContext.ts), so workers need not load mathjs: a learnt
 * table must be used as is, and must equal what the worker would compute.
 */
import { describe, expect, it } from 'vitest';
import { knownTables, learnTables, tabulate } from '../../src/scenario/expressions.js';

describe('expression tables across threads', () => {
  it('a table made here is exported under its ticks, bounds and source', () => {
    const table = tabulate('0.5 + 0.3 * (t >= 11)', 24, 0, 1);
    const entry = knownTables().find(([key]) => key === '24|0|1|0.5 + 0.3 * (t >= 11)');
    expect(entry?.[1]).toBe(table);
    expect(Array.from(table.slice(9, 13))).toEqual([0.5, 0.5, 0.8, 0.8]);
  });

  it('a learnt table is used without parsing the expression again', () => {
    // A source mathjs cannot parse: only the learnt table can answer for it.
    const learnt = Float64Array.from({ length: 4 }, (_, t) => t / 10);
    learnTables([['4|0|1|not ( an expression', learnt]]);
    expect(tabulate('not ( an expression', 4, 0, 1)).toBe(learnt);
    // Other bounds or lengths are other tables: this one is not reused for them.
    expect(() => tabulate('not ( an expression', 5, 0, 1)).toThrow(/cannot parse/);
  });

  it('learning never replaces a table already made', () => {
    const made = tabulate('t / 100', 10, 0, 1);
    learnTables([['10|0|1|t / 100', new Float64Array(10).fill(0.9)]]);
    expect(tabulate('t / 100', 10, 0, 1)).toBe(made);
  });
});
