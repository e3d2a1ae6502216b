/** Cross-reference checks shared by the scenario resolver: actor ids, matrices, value tables. */

import type { Where } from '../errors.js';
import { inputError, show } from '../errors.js';
import { ExpressionError, tabulate } from './expressions.js';
import type { ScenarioFile, ShockSpec } from './schema.js';
import type { PathSegment } from './source.js';

export type Locate = (path: readonly PathSegment[]) => Where;

/** A shock and where it came from (the scenario's list, or a lever's). */
export interface PlacedShock {
  readonly spec: ShockSpec;
  readonly origin: readonly PathSegment[];
}

export class Resolver {
  readonly index = new Map<string, number>();
  /** The actor ids in index order, comma-joined: part of what a resolved shock depends on (resolveShock's cache). */
  readonly actorKey: string;
  constructor(
    readonly spec: ScenarioFile,
    readonly locate: Locate,
  ) {
    for (const [i, id] of Object.keys(spec.actors).entries()) this.index.set(id, i);
    this.actorKey = [...this.index.keys()].join(',');
  }

  fail(path: readonly PathSegment[], code: string, message: string, expected?: string, found?: unknown): never {
    throw inputError(code, message, this.locate(path), expected, found === undefined ? undefined : show(found));
  }

  actor(id: string, path: readonly PathSegment[]): number {
    const i = this.index.get(id);
    if (i === undefined) {
      this.fail(path, 'scenario.unknownActor', `unknown actor "${id}"`, `one of: ${[...this.index.keys()].join(', ')}`, id);
    }
    return i;
  }

  matrix(field: 'grievance' | 'exposure' | 'stakes'): Float64Array {
    const n = this.index.size;
    const out = new Float64Array(n * n);
    for (const [id, actor] of Object.entries(this.spec.actors)) {
      const i = this.actor(id, ['actors', id]);
      for (const [other, v] of Object.entries(actor[field] ?? {})) {
        const j = this.actor(other, ['actors', id, field, other]);
        if (j === i) this.fail(['actors', id, field, other], 'scenario.selfReference', `an actor cannot name itself in ${field}`);
        out[i * n + j] = v;
      }
    }
    return out;
  }

  series(value: number | string, path: readonly PathSegment[], min: number, max: number): Float64Array {
    try {
      return tabulate(value, this.spec.ticks, min, max);
    } catch (err) {
      if (err instanceof ExpressionError)
        this.fail(path, 'scenario.badValue', `bad value: ${err.message}`, `a value in [${min}, ${max}] at every tick`, value);
      throw err;
    }
  }
}
