/**
 * validation.csv: one row per held-out figure (and per value of its condition's grid), the
 * forecast against the observation, and the summary the terminal, the report and the README print
 * (coverage of the judged rows, and mean CRPS in units of each figure's tolerance beside the naive
 * forecasts' on the same figures). docs/validation.md gives every column.
 */
import type { Target } from '../calibration/targets.js';
import { flag, Table } from '../io/table.js';
import type { FigureScore } from './figureScore.js';

export interface ValidationRow {
  readonly figure: Target;
  readonly unit: string;
  /** The condition's value for this forecast; undefined for an unconditional figure. */
  readonly condition?: number;
  /** Whether this row is judged: every unconditional row, and a conditional one at the evidence's reading. */
  readonly judged: boolean;
  readonly tolerance: number;
  readonly maxWidth?: number;
  readonly score: FigureScore;
}

const width = (r: ValidationRow) => r.score.i90.high - r.score.i90.low;
const within = (r: ValidationRow) => Math.abs(r.score.median - r.figure.observed) <= r.tolerance;
/** Covered at 90% and, where the file caps it, no wider than the cap. */
export const passed = (r: ValidationRow): boolean => r.score.i90.covered && (r.maxWidth === undefined || width(r) <= r.maxWidth);
const optional = (x: number | undefined) => (x === undefined ? '' : x);

export const VALIDATION = new Table<ValidationRow>([
  ['figure', (r) => `${r.figure.spec.indicator} ${r.figure.spec.period}`],
  ['indicator', (r) => r.figure.spec.indicator],
  ['period', (r) => r.figure.spec.period],
  ['statistic', (r) => r.figure.spec.statistic],
  ['unit', (r) => r.unit],
  ['condition', (r) => optional(r.condition)],
  ['judged', (r) => flag(r.judged)],
  ['observed', (r) => r.figure.observed],
  ['median', (r) => r.score.median],
  ['low_50', (r) => r.score.i50.low],
  ['high_50', (r) => r.score.i50.high],
  ['low_90', (r) => r.score.i90.low],
  ['high_90', (r) => r.score.i90.high],
  ['covered_50', (r) => flag(r.score.i50.covered)],
  ['covered_90', (r) => flag(r.score.i90.covered)],
  ['width_90', width],
  ['max_width', (r) => optional(r.maxWidth)],
  ['passed', (r) => flag(passed(r))],
  ['tolerance', (r) => r.tolerance],
  ['within_tolerance', (r) => flag(within(r))],
  ['crps', (r) => r.score.crps],
  ['no_change', (r) => optional(r.score.noChange)],
  ['crps_no_change', (r) => optional(r.score.crpsNoChange)],
  ['trend', (r) => optional(r.score.trend)],
  ['crps_trend', (r) => optional(r.score.crpsTrend)],
  ['pit', (r) => r.score.pit],
]);

/** A mean CRPS of the model beside a naive forecast's, over the judged figures that forecast exists for. */
export interface Beside {
  readonly figures: number;
  readonly model: number;
  readonly naive: number;
}

export interface ValidationSummary {
  readonly figures: number;
  readonly covered90: number;
  readonly covered50: number;
  readonly passed: number;
  /** Mean CRPS ÷ tolerance over every judged figure. */
  readonly crps: number;
  readonly noChange?: Beside;
  readonly trend?: Beside;
}

function beside(rows: readonly ValidationRow[], naive: (s: FigureScore) => number | undefined): Beside | undefined {
  const mine = rows.filter((r) => naive(r.score) !== undefined);
  if (mine.length === 0) return undefined;
  const mean = (x: (r: ValidationRow) => number) => mine.reduce((sum, r) => sum + x(r) / r.tolerance, 0) / mine.length;
  return { figures: mine.length, model: mean((r) => r.score.crps), naive: mean((r) => naive(r.score) as number) };
}

export function summarise(rows: readonly ValidationRow[]): ValidationSummary {
  const judged = rows.filter((r) => r.judged);
  const count = (pick: (r: ValidationRow) => boolean) => judged.filter(pick).length;
  const noChange = beside(judged, (s) => s.crpsNoChange);
  const trend = beside(judged, (s) => s.crpsTrend);
  return {
    figures: judged.length,
    covered90: count((r) => r.score.i90.covered),
    covered50: count((r) => r.score.i50.covered),
    passed: count(passed),
    crps: judged.reduce((sum, r) => sum + r.score.crps / r.tolerance, 0) / Math.max(1, judged.length),
    ...(noChange ? { noChange } : {}),
    ...(trend ? { trend } : {}),
  };
}
