/**
 * The shock registry: the kinds the model knows, in one list. The scenario schema builds
 * its shock schemas from it (scenario/schema.ts) and the shock phase applies each shock
 * through its kind (model/shocks.ts). A new kind is a new file here and a line in KINDS.
 */
import { economicShock } from './economicShock.js';
import { inducement } from './inducement.js';
import type { ShockKind } from './kind.js';
import { sanctions } from './sanctions.js';
import { secondarySanctions } from './secondarySanctions.js';
import { sovereigntyChallenge } from './sovereigntyChallenge.js';
import { summit } from './summit.js';
import { war } from './war.js';

export const SHOCK_KINDS: readonly ShockKind[] = [
  war,
  sanctions,
  secondarySanctions,
  inducement,
  sovereigntyChallenge,
  summit,
  economicShock,
];

/** A kind's index in SHOCK_KINDS, or -1: what a resolved shock holds (a config crosses to workers as data). */
export function kindIndex(kind: string): number {
  return SHOCK_KINDS.findIndex((k) => k.kind === kind);
}

export type { ShockKind };
