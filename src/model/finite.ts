/**
 * A run whose state stops being a number (an overflow, 0/0) must stop with an
 * error that says where, never write NaN into results that look fine. One pass
 * over the state the outputs read, once a tick: a sum is finite only if every
 * term is, so the common case costs one add per value and one test per array.
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
  ['dependence', 'tie', 1],
  ['rhetoric', 'pair', 1],
  ['divergence', 'pair', 1],
  ['trade', 'pair', 1],
  ['channel', 'pair', 1],
  ['stress', 'actor', 1],
  ['need', 'actor', 1],
  ['costBorne', 'actor', 1],
  ['welfare', 'actor', 1],
];

function allFinite(x: Float64Array): boolean {
  let sum = 0;
  for (let i = 0; i < x.length; i++) sum += x[i] as number;
  // ±Infinity terms can cancel to NaN or sum to ±Infinity; both fail isFinite. Finite terms can
  // overflow to Infinity only when each is near 1e308: then the scan below finds no culprit.
  return Number.isFinite(sum);
}

function where(cfg: ModelConfig, owner: Owner, i: number, width: number): string {
  const ids = cfg.actorIds;
  if (owner === 'actor') return `actor ${ids[i]}`;
  if (owner === 'pair') return `pair ${ids[cfg.pairA[i] as number]}-${ids[cfg.pairB[i] as number]}`;
  const k = Math.floor(i / width);
  const tie = `tie ${ids[cfg.tieFrom[k] as number]}>${ids[cfg.tieTo[k] as number]}`;
  return width === D ? `${tie}, domain ${DOMAINS[i % D]}` : tie;
}

/** Throw, naming tick, place and quantity, if any value the outputs read is not a finite number. */
export function checkFinite(cfg: ModelConfig, s: ModelState, t: number): void {
  for (const [name, owner, width] of WATCHED) {
    const x = s[name] as Float64Array | undefined;
    if (x === undefined || allFinite(x)) continue;
    for (let i = 0; i < x.length; i++) {
      const v = x[i] as number;
      if (Number.isFinite(v)) continue;
      throw new EntenteError(
        'run.nonFinite',
        `the model's state became ${v} at tick ${t}: ${name} of ${where(cfg, owner, i, width)} (inputs too large for the model's arithmetic; see the ranges in entente schema)`,
        { exitStatus: ExitStatus.someRunsFailed },
      );
    }
    // Every value finite, their sum not: no value is wrong, so nothing to report.
  }
}
