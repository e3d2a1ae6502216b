/**
 * The outcomes a lever's effect is judged on, declared once (docs/reference.md, compare): depth at
 * the horizon's end, mean depth over the horizon, and the highest depth in any month. A scenario
 * declares which it reports and its primary one (`outcomes:`, first = primary); by default the
 * first two. A lever whose verdict differs between its scenario's outcomes is labelled
 * "depends on outcome": a year's head start that leaves no trace in December 2025 still shows in
 * the mean, and the comparison must say so rather than pick one silently.
 */
import { tickDate } from '../experiments/dates.js';
import { DEFAULT_OUTCOMES, type LeverOutcomeName } from '../scenario/outcomes.js';
import type { ScenarioFile } from '../scenario/schema.js';

export { DEFAULT_OUTCOMES, type LeverOutcomeName };

/** The scenario's declared outcomes, the primary first. */
export const declaredOutcomes = (spec: ScenarioFile): readonly LeverOutcomeName[] => spec.outcomes ?? DEFAULT_OUTCOMES;

/** What the label says when a lever's verdicts differ between the declared outcomes. */
export const DEPENDS_ON_OUTCOME = 'depends on outcome';

/** An outcome in words, given the horizon's first and last month ("2022-01", "2025-12") when the scenario is dated. */
export function outcomeWords(name: LeverOutcomeName, first?: string, last?: string): string {
  const span = first && last ? ` ${first}–${last}` : ' over the horizon';
  switch (name) {
    case 'depth_final':
      return last ? `depth in ${last}` : 'depth at the end';
    case 'depth_mean':
      return `mean depth${span}`;
    case 'depth_peak':
      return `highest monthly depth${span}`;
  }
}

/** Short headers for tables: "end", "mean", "peak". */
export const OUTCOME_SHORT: Readonly<Record<LeverOutcomeName, string>> = { depth_final: 'end', depth_mean: 'mean', depth_peak: 'peak' };

/** The scenario's declared outcomes in words, dated where the scenario is ("depth in 2025-12 (primary)", …). */
export function declaredWords(spec: ScenarioFile): string[] {
  const first = tickDate(spec.start, 0) || undefined;
  const last = tickDate(spec.start, spec.ticks - 1) || undefined;
  return declaredOutcomes(spec).map((name, k) => `${outcomeWords(name, first, last)}${k === 0 ? ' (primary)' : ''}`);
}

/** What a verdict cell reads: the verdict and the probabilities behind it. */
export interface VerdictOdds {
  readonly verdict: string;
  readonly probCloser: number;
  readonly probApart: number;
  readonly probNegligible: number;
}

/** A verdict with the probability behind it: "apart 100%", "negligible 94%", "uncertain (apart 61%)". */
export function verdictWithOdds(o: VerdictOdds): string {
  const pct = (p: number) => `${(100 * p).toFixed(0)}%`;
  const p = { closer: o.probCloser, apart: o.probApart, negligible: o.probNegligible }[o.verdict];
  if (p !== undefined) return `${o.verdict} ${pct(p)}`;
  const side = o.probApart >= o.probCloser ? 'apart' : 'closer';
  return `${o.verdict} (${side} ${pct(Math.max(o.probApart, o.probCloser))})`;
}
