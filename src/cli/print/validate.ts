/** What entente validate prints: each judged figure against its forecast, then coverage and the three mean CRPS side by side. */

import { significant as num } from '../../report/words.js';
import type { ValidationResult } from '../../validate/study.js';
import type { ValidationRow, ValidationSummary } from '../../validate/table.js';
import { passed } from '../../validate/table.js';
import { aligned } from './align.js';

function figureCells(r: ValidationRow): string[] {
  const s = r.score;
  return [
    `${r.figure.spec.indicator} ${r.figure.spec.period}${r.condition !== undefined ? ` @${r.condition}` : ''}`,
    num(r.figure.observed),
    num(s.median),
    `${num(s.i90.low)} to ${num(s.i90.high)}`,
    s.i90.covered ? 'yes' : 'MISSED',
    passed(r) ? 'pass' : 'fail',
    num(s.crps / r.tolerance),
    s.crpsNoChange === undefined ? '—' : num(s.crpsNoChange / r.tolerance),
    s.crpsTrend === undefined ? '—' : num(s.crpsTrend / r.tolerance),
  ];
}

/** The summary line: coverage, and the model's mean CRPS beside each naive forecast's on the figures it has. */
export function summaryWords(s: ValidationSummary): string {
  const pct = (k: number) => `${Math.round((100 * k) / Math.max(1, s.figures))}%`;
  const beside = (name: string, b: ValidationSummary['noChange']) =>
    b ? `${name} ${num(b.naive)} against the model's ${num(b.model)} over its ${b.figures} figure(s)` : `${name}: no figure has one`;
  return (
    `${s.figures} held-out figure(s): 90% intervals cover ${s.covered90} (${pct(s.covered90)}), 50% intervals ${s.covered50} (${pct(s.covered50)}); ` +
    `mean CRPS in tolerances: model ${num(s.crps)}; ${beside('no change', s.noChange)}; ${beside('trend', s.trend)}`
  );
}

/** The columns that are text (left-aligned in the terminal, in the README's Markdown). */
export const VALIDATION_TEXT: ReadonlySet<number> = new Set([0, 4, 5]);

/** The judged figures' table as the terminal and the README show it: a header, then a row per figure. */
export function validationCells(rows: readonly ValidationRow[]): string[][] {
  return [
    ['figure', 'observed', 'median', '90% interval', 'covered', 'passed', 'CRPS', 'no change', 'trend'],
    ...rows.filter((r) => r.judged).map(figureCells),
  ];
}

export function validationLines(result: ValidationResult): string[] {
  const judged = result.rows.filter((r) => r.judged);
  const table = aligned(validationCells(result.rows), VALIDATION_TEXT);
  return [
    `${result.name}: ${judged.length} held-out figure(s) over ${result.posterior.values.length} particles of ${result.posterior.dir} → ${result.out}`,
    table,
    '(CRPS in units of each figure’s tolerance; lower is better; the naive forecasts are points, scored by their absolute error)',
    summaryWords(result.summary),
  ];
}
