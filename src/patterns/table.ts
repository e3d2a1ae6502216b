/**
 * The pattern table of docs/model.md §10.2: for each pattern, the share of each structure's
 * posterior weight where it holds, marked where it is reproduced (≥ 90%); then how many each
 * structure reproduces: all, those that read only held-out figures, and those that read none.
 */
import { REPRODUCED } from './judge.js';
import type { Pattern } from './patterns.js';

export const TABLE_BEGIN = '<!-- pattern-table:begin (npm run patterns; do not edit by hand) -->';
export const TABLE_END = '<!-- pattern-table:end -->';

export interface Judged {
  readonly name: string;
  /** Each pattern's share of the weight, in the patterns' order. */
  readonly shares: readonly number[];
  /** The ABC's last tolerance (its distance to the data). */
  readonly tolerance: number;
}

/** A pattern is in-sample where one of its figures is a calibration target ("indicator period"). */
export function patternTable(patterns: readonly Pattern[], judged: readonly Judged[], targets: ReadonlySet<string>): string {
  const inSample = patterns.map((p) => p.figures.some(([indicator, period]) => targets.has(`${indicator} ${period}`)));
  // Floored, so that a share shown as 90% is one that reaches it (a sum of weights that is 1 can be 1 − 1e-15: the epsilon).
  const cell = (share: number) => `${Math.floor(100 * share + 1e-9)}%${share >= REPRODUCED - 1e-12 ? ' ✓' : ''}`;
  const lines = [
    `| pattern (§11 fact) | figures | ${judged.map((j) => j.name).join(' | ')} |`,
    `|---|---|${judged.map(() => '---:').join('|')}|`,
    ...patterns.map(
      (p, i) =>
        `| ${p.text} (${p.fact}) | ${p.figures.length === 0 ? '—' : inSample[i] ? 'calibrated' : 'held out'} | ${judged.map((j) => cell(j.shares[i] as number)).join(' | ')} |`,
    ),
  ];
  const count = (j: Judged, only: (i: number) => boolean) => j.shares.filter((s, i) => only(i) && s >= REPRODUCED - 1e-12).length;
  const heldOut = (i: number) => !inSample[i] && (patterns[i] as Pattern).figures.length > 0;
  const noFigure = (i: number) => (patterns[i] as Pattern).figures.length === 0;
  const row = (label: string, only: (i: number) => boolean, bold = false) => {
    const of = patterns.filter((_, i) => only(i)).length;
    const b = bold ? '**' : '';
    return `| ${b}${label}${b} | | ${judged.map((j) => `${b}${count(j, only)} of ${of}${b}`).join(' | ')} |`;
  };
  lines.push(row('reproduced (≥ 90% of the weight)', () => true, true));
  lines.push(row('of them held out (read only figures no target reads)', heldOut));
  lines.push(row('of them reading no figure', noFigure));
  lines.push(`| ABC tolerance (distance to the figures) | | ${judged.map((j) => j.tolerance.toFixed(2)).join(' | ')} |`);
  return lines.join('\n');
}
