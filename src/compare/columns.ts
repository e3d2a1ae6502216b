/** Columns of compare's files (DESIGN §4 names first, extensions after). */
import { join } from 'node:path';
import { type Cell, CsvFile } from '../io/csvFile.js';
import { DOMAINS } from '../model/domains.js';
import type { DeltaRow, LeverEffect } from './compare.js';

export const LEVERS_COLUMNS = [
  'lever',
  'a',
  'b',
  'delta_mean',
  'ci_low',
  'ci_high',
  'p_closer',
  'verdict',
  'delta_depth_time_mean',
  'delta_rhetoric',
  'rhetoric_not_depth',
  ...DOMAINS.map((d) => `delta_${d}`),
  'senders',
  'delta_sender_cost',
  'focus',
  'delta_sender_welfare',
  'prob_closer',
  'prob_apart',
  'prob_negligible',
] as const;

/** levers.csv's header for L levers: the fixed columns, then p_rank_1 … p_rank_L. */
export function leversHeader(levers: number): string[] {
  return [...LEVERS_COLUMNS, ...Array.from({ length: levers }, (_, k) => `p_rank_${k + 1}`)];
}

/** One row of levers.csv, in leversHeader's order. */
export function leverCells(e: LeverEffect): Cell[] {
  return [
    e.lever,
    e.a,
    e.b,
    e.deltaMean,
    e.ciLow,
    e.ciHigh,
    e.pCloser,
    e.verdict,
    e.deltaDepthTimeMean,
    e.deltaRhetoric,
    e.rhetoricNotDepth ? 'true' : 'false',
    ...e.deltaDomains,
    e.senders,
    e.deltaSenderCost,
    e.focus ? 'true' : 'false',
    e.deltaSenderWelfare,
    e.probCloser,
    e.probApart,
    e.probNegligible,
    ...e.rank,
  ];
}

/** levers.csv in `dir`: one row per lever and pair. */
export async function writeLevers(dir: string, levers: number, effects: readonly LeverEffect[]): Promise<void> {
  const file = new CsvFile(join(dir, 'levers.csv'), leversHeader(levers));
  for (const e of effects) file.write(leverCells(e));
  await file.close();
}

/** What each paired difference measures, after the columns that say whose it is. */
const DELTA_MEASURES = ['delta_depth_final', 'delta_depth_mean', 'delta_rhetoric', 'delta_sender_cost', 'delta_sender_welfare'] as const;

export const DELTAS_COLUMNS = ['lever', 'replication', 'seed', 'a', 'b', ...DELTA_MEASURES] as const;

/** compare --posterior: one row per lever, particle and pair, its mean over the particle's replications. */
export const PARTICLE_COLUMNS = ['lever', 'particle', 'weight', 'a', 'b', ...DELTA_MEASURES] as const;

/** The measures of a paired difference, in DELTA_MEASURES' order. */
export function deltaCells(row: DeltaRow): Cell[] {
  return [row.deltaDepthFinal, row.deltaDepthMean, row.deltaRhetoric, row.deltaSenderCost, row.deltaSenderWelfare];
}
