/**
 * The outcomes a scenario may declare for its comparisons (`outcomes:`, docs/reference.md):
 * their names and the field's schema; what each measures is compare/leverOutcomes.ts's.
 */
import { Type } from '@sinclair/typebox';

export const LEVER_OUTCOMES = ['depth_final', 'depth_mean', 'depth_peak'] as const;
export type LeverOutcomeName = (typeof LEVER_OUTCOMES)[number];

/** Reported unless the scenario declares its own: the end of the horizon first, then its mean. */
export const DEFAULT_OUTCOMES: readonly LeverOutcomeName[] = ['depth_final', 'depth_mean'];

/** The scenario's `outcomes:` field. */
export const OutcomesField = Type.Optional(
  Type.Array(Type.Union(LEVER_OUTCOMES.map((name) => Type.Literal(name))), {
    minItems: 1,
    uniqueItems: true,
    description:
      'The outcomes entente compare judges each lever on, declared before the comparison, the first the primary one: depth_final (depth at the end), depth_mean (mean depth over the horizon), depth_peak (highest monthly depth). Default [depth_final, depth_mean]; a lever whose verdict differs between them is labelled "depends on outcome"',
  }),
);
