/**
 * The outcomes a scenario may declare for its comparisons (`outcomes:`, docs/reference.md):
 * their names only; what each measures is compare/leverOutcomes.ts's.
 */
export const LEVER_OUTCOMES = ['depth_final', 'depth_mean', 'depth_peak'] as const;
export type LeverOutcomeName = (typeof LEVER_OUTCOMES)[number];

/** Reported unless the scenario declares its own: the end of the horizon first, then its mean. */
export const DEFAULT_OUTCOMES: readonly LeverOutcomeName[] = ['depth_final', 'depth_mean'];
