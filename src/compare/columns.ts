/** Columns of compare's files (the names of docs/reference.md first, extensions after), each declared with what it reports. */
import { join } from 'node:path';
import { type Column, flag, Table } from '../io/table.js';
import { DOMAINS } from '../model/domains.js';
import type { DeltaRow, LeverEffect, OutcomeEffect } from './compare.js';
import type { LeverOutcomeName } from './leverOutcomes.js';

/** Per declared outcome o: its effect, interval, probabilities and verdict, suffixed _o. */
function outcomeColumns(outcomes: readonly LeverOutcomeName[]): Column<LeverEffect>[] {
  const of = (e: LeverEffect, k: number) => e.byOutcome[k] as OutcomeEffect;
  return outcomes.flatMap((o, k): Column<LeverEffect>[] => [
    [`delta_${o}`, (e) => of(e, k).deltaMean],
    [`ci_low_${o}`, (e) => of(e, k).ciLow],
    [`ci_high_${o}`, (e) => of(e, k).ciHigh],
    [`prob_closer_${o}`, (e) => of(e, k).probCloser],
    [`prob_apart_${o}`, (e) => of(e, k).probApart],
    [`prob_negligible_${o}`, (e) => of(e, k).probNegligible],
    [`verdict_${o}`, (e) => of(e, k).verdict],
  ]);
}

/**
 * levers.csv for L levers: one row per lever and pair, then p_rank_1 … p_rank_L, then each
 * declared outcome's columns (the primary first) and outcome_verdict.
 */
export function leversTable(levers: number, outcomes: readonly LeverOutcomeName[]): Table<LeverEffect> {
  return new Table<LeverEffect>([
    ['lever', (e) => e.lever],
    ['a', (e) => e.a],
    ['b', (e) => e.b],
    ['delta_mean', (e) => e.deltaMean],
    ['ci_low', (e) => e.ciLow],
    ['ci_high', (e) => e.ciHigh],
    ['p_closer', (e) => e.pCloser],
    ['verdict', (e) => e.verdict],
    ['delta_depth_time_mean', (e) => e.deltaDepthTimeMean],
    ['delta_rhetoric', (e) => e.deltaRhetoric],
    ['rhetoric_not_depth', (e) => flag(e.rhetoricNotDepth)],
    DOMAINS.map((d, k): Column<LeverEffect> => [`delta_${d}`, (e) => e.deltaDomains[k]]),
    ['senders', (e) => e.senders],
    ['delta_sender_cost', (e) => e.deltaSenderCost],
    ['focus', (e) => flag(e.focus)],
    ['delta_sender_welfare', (e) => e.deltaSenderWelfare],
    ['prob_closer', (e) => e.probCloser],
    ['prob_apart', (e) => e.probApart],
    ['prob_negligible', (e) => e.probNegligible],
    Array.from({ length: levers }, (_, k): Column<LeverEffect> => [`p_rank_${k + 1}`, (e) => e.rank[k]]),
    outcomeColumns(outcomes),
    ['outcome_verdict', (e) => e.outcomeVerdict],
  ]);
}

/** levers.csv in `dir`, with the outcomes the scenario declared. */
export async function writeLevers(
  dir: string,
  levers: number,
  outcomes: readonly LeverOutcomeName[],
  effects: readonly LeverEffect[],
): Promise<void> {
  const file = leversTable(levers, outcomes).open(join(dir, 'levers.csv'));
  for (const e of effects) file.write(e);
  await file.close();
}

/** What each paired difference measures, after the columns that say whose it is. */
const MEASURES: readonly Column<DeltaRow>[] = [
  ['delta_depth_final', (r) => r.deltaDepthFinal],
  ['delta_depth_mean', (r) => r.deltaDepthMean],
  ['delta_rhetoric', (r) => r.deltaRhetoric],
  ['delta_sender_cost', (r) => r.deltaSenderCost],
  ['delta_sender_welfare', (r) => r.deltaSenderWelfare],
];

/** deltas.csv: one row per lever, replication and pair. */
export const DELTAS = new Table<DeltaRow>([
  ['lever', (r) => r.lever],
  ['replication', (r) => r.replication],
  ['seed', (r) => r.seed],
  ['a', (r) => r.a],
  ['b', (r) => r.b],
  MEASURES,
]);

/** compare --posterior's particles.csv: one row per lever, particle and pair, its mean over the particle's replications. */
export function particlesTable(weights: ArrayLike<number>): Table<DeltaRow> {
  return new Table<DeltaRow>([
    ['lever', (r) => r.lever],
    ['particle', (r) => r.replication],
    ['weight', (r) => weights[r.replication]],
    ['a', (r) => r.a],
    ['b', (r) => r.b],
    MEASURES,
  ]);
}
