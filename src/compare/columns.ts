/** Columns of compare's files (the names of docs/reference.md first, extensions after), each declared with what it reports. */
import { join } from 'node:path';
import { type Column, flag, Table } from '../io/table.js';
import { DOMAINS } from '../model/domains.js';
import type { DeltaRow, LeverEffect } from './compare.js';

/** levers.csv for L levers: one row per lever and pair, then p_rank_1 … p_rank_L. */
export function leversTable(levers: number): Table<LeverEffect> {
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
  ]);
}

/** levers.csv in `dir`. */
export async function writeLevers(dir: string, levers: number, effects: readonly LeverEffect[]): Promise<void> {
  const file = leversTable(levers).open(join(dir, 'levers.csv'));
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
