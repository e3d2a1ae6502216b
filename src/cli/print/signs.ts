/** What compare --robustness prints: per lever and outcome on the focus pair, where its sign stands over the posterior and the prior, and where it turns. */
import type { SignsResult } from '../../discovery/signs.js';
import { type SignRow, turnWords } from '../../discovery/signsTables.js';
import { aligned, percent } from './align.js';

const triple = (closer?: number, apart?: number, negligible?: number) =>
  closer === undefined ? '—' : `${percent(closer)} / ${percent(apart ?? 0)} / ${percent(negligible ?? 0)}`;

/** The signs table's header and cells, declared once: the terminal prints them, the README (readme/) shows them. */
export function signsCells(rows: readonly SignRow[]): string[][] {
  return [
    ['lever', 'pair', 'outcome', 'posterior', 'prior', 'where its sign turns'],
    ...rows.map((r) => [
      r.lever,
      `${r.a}-${r.b}`,
      r.outcome,
      triple(r.posteriorCloser, r.posteriorApart, r.posteriorNegligible),
      triple(r.priorCloser, r.priorApart, r.priorNegligible),
      turnWords(r),
    ]),
  ];
}

/** The columns of signsCells that hold text (left-aligned). */
export const SIGNS_TEXT = new Set([0, 1, 2, 5]);

export function signsLines(result: SignsResult): string[] {
  return [
    `${result.name}: ${result.levers.length} lever(s) over ${result.points} prior points${result.posterior ? ` and ${result.posterior.particles} posterior particles` : ''} → ${result.out}`,
    'closer / apart / negligible: the share of the posterior and of the prior where the lever moves the pair so (signs.csv, boxes.csv)',
    aligned(signsCells(result.rows), SIGNS_TEXT),
  ];
}
