/**
 * One shock kind = one module (docs/model.md §5.2), registered in ./index.ts as
 * mechanisms are. A kind declares its fields (the scenario schema builds its JSON
 * Schema from them, scenario/schema.ts), the roles those fields play in the
 * resolved ShockConfig (scenario/resolveShock.ts resolves every kind alike), and
 * `apply`, what it does to the state on each tick it is in force. Shocks act on
 * state, never on outcomes: they move stress, need, grievance, exposure,
 * divergence and the pressures the mechanisms and the market read.
 */
import type { ModelConfig, ShockConfig } from '../config.js';
import type { ModelState } from '../state.js';

export const ShockEvent = { started: 0, ended: 1, withdrawn: 2 } as const;
export type ShockEventCode = (typeof ShockEvent)[keyof typeof ShockEvent];
export type EventSink = (t: number, shock: number, event: ShockEventCode) => void;

/**
 * The types a field may have: an actor id; a number or expression of t; a list of
 * domains; what a sanction acts on (exchange, commitment, both); an inducement's condition.
 */
export type FieldType = 'actor' | 'value' | 'domains' | 'reach' | 'condition';

export interface ShockField {
  readonly type: FieldType;
  readonly optional?: boolean;
}

/** Which field fills which part of the resolved shock. */
export interface ShockRoles {
  /** ShockConfig.actor: the sender, the belligerent, the challenger, side a. */
  readonly actor: string;
  /** ShockConfig.target, an actor other than `actor`; -1 where the kind has none. */
  readonly target?: string;
  /** ShockConfig.magnitude: the field, and the range its values must stay in. */
  readonly magnitude: { readonly field: string; readonly min: number; readonly max: number };
  readonly enforcement?: string;
  readonly domains?: string;
  readonly reach?: string;
  readonly condition?: string;
}

export interface ShockKind {
  readonly kind: string;
  readonly description: string;
  readonly fields: Readonly<Record<string, ShockField>>;
  readonly roles: ShockRoles;
  /** Applied before the other kinds each tick, because they read what it does (inducements: exposure). */
  readonly early?: boolean;
  /** Act on tick t; q is the shock's index in cfg.shocks (inForce, events); `first` marks its first tick. */
  apply(cfg: ModelConfig, s: ModelState, sh: ShockConfig, q: number, t: number, first: boolean, emit: EventSink): void;
}
