/**
 * A run whose state stops being a number (an overflow, 0/0) must stop with an
 * error that says where, never write NaN into results that look fine. One sum
 * over the state the outputs read (once a run in simulate, once a tick in
 * simulateTicks): a sum is finite only if every term is, so the common case
 * costs one add per value; only then is the culprit looked for.
 */

import { EntenteError, ExitStatus } from '../errors.js';
import type { ModelConfig } from './config.js';
import { D, DOMAINS } from './domains.js';
import type { ModelState } from './state.js';

type Owner = 'tie' | 'pair' | 'actor';

/** The state arrays outputs read, with what indexes them. */
const WATCHED: readonly (readonly [keyof ModelState, Owner, number])[] = [
  ['commitment', 'tie', D],
  ['concession', 'tie', 1],
  ['rhetoric', 'pair', 1],
  ['divergence', 'pair', 1],
  ['trade', 'pair', 1],
  ['exchange', 'pair', D],
  ['channel', 'pair', 1],
  ['stress', 'actor', 1],
  ['need', 'actor', 1],
  ['glut', 'actor', 1],
  ['markdown', 'actor', 1],
  ['costBorne', 'actor', 1],
  ['welfare', 'actor', 1],
];

function where(cfg: ModelConfig, owner: Owner, i: number, width: number): string {
  const ids = cfg.actorIds;
  if (owner === 'actor') return `actor ${ids[i]}`;
  if (owner === 'pair') {
    const p = Math.floor(i / width);
    const pair = `pair ${ids[cfg.pairA[p]]}-${ids[cfg.pairB[p]]}`;
    return width === D ? `${pair}, domain ${DOMAINS[i % D]}` : pair;
  }
  const k = Math.floor(i / width);
  const tie = `tie ${ids[cfg.tieFrom[k]]}>${ids[cfg.tieTo[k]]}`;
  return width === D ? `${tie}, domain ${DOMAINS[i % D]}` : tie;
}

/** Throw, naming tick, place and quantity, if any value the outputs read is not a finite number. */
export function checkFinite(cfg: ModelConfig, s: ModelState, t: number): void {
  if (!stateFinite(s)) locate(cfg, s, t);
}

/**
 * Is every watched value finite? One sum over all of them: a non-finite term makes the sum
 * non-finite (a sum of finite values that overflows is told apart by `locate`).
 */
export function stateFinite(s: ModelState): boolean {
  let sum = 0;
  for (const [name] of WATCHED) {
    const x = s[name] as Float64Array | undefined;
    if (x !== undefined) sum += total(x);
  }
  return Number.isFinite(sum);
}

/** Σx, in four independent sums: a single chain of adds waits on each add's latency. */
function total(x: Float64Array): number {
  let a = 0;
  let b = 0;
  let c = 0;
  let d = 0;
  const n = x.length;
  let i = 0;
  for (; i + 3 < n; i += 4) {
    a += x[i];
    b += x[i + 1];
    c += x[i + 2];
    d += x[i + 3];
  }
  for (; i < n; i++) a += x[i];
  return a + b + (c + d);
}

/** Find the first non-finite watched value and throw; return if every one is finite (their sum overflowed). */
function locate(cfg: ModelConfig, s: ModelState, t: number): void {
  for (const [name, owner, width] of WATCHED) {
    const x = s[name] as Float64Array | undefined;
    if (x === undefined) continue;
    for (let i = 0; i < x.length; i++) {
      const v = x[i];
      if (Number.isFinite(v)) continue;
      throw new EntenteError(
        'run.nonFinite',
        `the model's state became ${v} at tick ${t}: ${name} of ${where(cfg, owner, i, width)} (inputs too large for the model's arithmetic; see the ranges in entente schema)`,
        { exitStatus: ExitStatus.someRunsFailed },
      );
    }
  }
}
