/** What compare --robustness prints: per lever and outcome on the focus pair, where its sign stands over the posterior and the prior, and where it turns. */
import type { SignsResult } from '../../discovery/signs.js';
import { turnWords } from '../../discovery/signsTables.js';
import { aligned, percent } from './align.js';

const triple = (closer?: number, apart?: number, negligible?: number) =>
  closer === undefined ? '—' : `${percent(closer)} / ${percent(apart ?? 0)} / ${percent(negligible ?? 0)}`;

export function signsLines(result: SignsResult): string[] {
  const rows = result.rows;
  return [
    `${result.name}: ${result.levers.length} lever(s) over ${result.points} prior points${result.posterior ? ` and ${result.posterior.particles} posterior particles` : ''} → ${result.out}`,
    'closer / apart / negligible: the share of the posterior and of the prior where the lever moves the pair so (signs.csv, boxes.csv)',
    aligned(
      [
        ['lever', 'pair', 'outcome', 'posterior', 'prior', 'where its sign turns'],
        ...rows.map((r) => [
          r.lever,
          `${r.a}-${r.b}`,
          r.outcome,
          triple(r.posteriorCloser, r.posteriorApart, r.posteriorNegligible),
          triple(r.priorCloser, r.priorApart, r.priorNegligible),
          turnWords(r),
        ]),
      ],
      new Set([0, 1, 2, 5]),
    ),
  ];
}
