/**
 * The pattern table of docs/model.md §10.2: for each pattern, the share of each structure's
 * posterior weight where it holds, marked where it is reproduced (≥ 90%); then how many each
 * structure reproduces, all and held out only (no figure it reads is a calibration target).
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
  const cell = (share: number) => `${Math.floor(100 * share)}%${share >= REPRODUCED ? ' ✓' : ''}`;
  const lines = [
    `| pattern (§11 fact) | figures | ${judged.map((j) => j.name).join(' | ')} |`,
    `|---|---|${judged.map(() => '---:').join('|')}|`,
    ...patterns.map(
      (p, i) =>
        `| ${p.text} (${p.fact}) | ${p.figures.length === 0 ? '—' : inSample[i] ? 'calibrated' : 'held out'} | ${judged.map((j) => cell(j.shares[i] as number)).join(' | ')} |`,
    ),
  ];
  const count = (j: Judged, only: (i: number) => boolean) => j.shares.filter((s, i) => only(i) && s >= REPRODUCED).length;
  const outOfSample = (i: number) => !inSample[i];
  const total = patterns.length;
  const held = patterns.filter((_, i) => outOfSample(i)).length;
  lines.push(`| **reproduced (≥ 90% of the weight)** | | ${judged.map((j) => `**${count(j, () => true)} of ${total}**`).join(' | ')} |`);
  lines.push(`| reproduced, not calibrated on | | ${judged.map((j) => `${count(j, outOfSample)} of ${held}`).join(' | ')} |`);
  lines.push(`| ABC tolerance (distance to the figures) | | ${judged.map((j) => j.tolerance.toFixed(2)).join(' | ')} |`);
  return lines.join('\n');
}
