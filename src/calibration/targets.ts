/**
 * Calibration targets: an observed figure, the ticks it covers, and the
 * statistic of a simulated observable to set against it (docs/model.md §10).
 *   mean    the observable's mean over the period's ticks, against the observed
 *           value for that period (units must match the observable's);
 *   growth  a year's mean over the previous year's, minus 1, against the same
 *           ratio of observed values. A previous year before the scenario starts
 *           is read from the initial state, which is a rest point: the level the
 *           model would hold without the scenario's shocks.
 *   rise    a pattern, not a figure: how far the largest rise over the period's
 *           months, x_t / x_0 − 1 on the initial value x_0, passes `bound`
 *           (0 while it holds), against 0. No observed row is read.
 *   change  the same for a move either way, |x_t / x_0 − 1|.
 * A pattern enters the loss and the ABC distance like a figure, so the source's
 * facts constrain the fit (Grimm et al. 2005); docs/model.md §10 says which.
 */

import { parse } from 'csv-parse/sync';
import { EntenteError } from '../errors.js';
import type { Observable } from '../experiments/observables.js';
import type { TargetSpec } from '../experiments/sweepSchema.js';
import { readRegularText } from '../io/readFile.js';
import type { Source } from '../scenario/source.js';

export interface ObservedRow {
  readonly indicator: string;
  readonly period: string;
  readonly value: string;
  readonly unit: string;
  /** What the source adds in words (e.g. a second figure); '' where there is none. */
  readonly note: string;
}

export interface Target {
  readonly spec: TargetSpec;
  readonly label: string;
  /** Index of the observable in the scenario's list. */
  readonly observable: number;
  /** Ticks [from, to) of the period. */
  readonly from: number;
  readonly to: number;
  /** For growth: the previous year's ticks, or null to read it from the initial state. */
  readonly base: { readonly from: number; readonly to: number } | null;
  readonly observed: number;
  readonly weight: number;
  /** √(scale² + discrepancy²): the observation error and the model's own error on this statistic, together. */
  readonly errorScale: number;
}

export function readObserved(file: string): ObservedRow[] {
  let rows: Record<string, string>[];
  try {
    rows = parse(readRegularText(file), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  } catch (err) {
    throw new EntenteError('calibration.observed', `cannot read observed data: ${(err as Error).message}`, {
      where: { file },
      expected: 'a CSV with columns indicator, period, value, unit',
    });
  }
  return rows.map((r) => ({
    indicator: r.indicator ?? '',
    period: r.period ?? '',
    value: r.value ?? '',
    unit: r.unit ?? '',
    note: r.note ?? '',
  }));
}

/** Months since the scenario's start (YYYY-MM) of the first month of a period, and its length in months. */
export function months(period: string, start: string): { first: number; count: number } {
  const year = Number(period.slice(0, 4));
  if (period[4] === '/') {
    const first = months(period.slice(0, 4), start).first;
    return { first, count: (Number(period.slice(5)) - year + 1) * 12 };
  }
  const offset = (year - Number(start.slice(0, 4))) * 12 - (Number(start.slice(5, 7)) - 1);
  if (period.length === 4) return { first: offset, count: 12 };
  if (period[5] === 'Q') return { first: offset + (Number(period[6]) - 1) * 3, count: 3 };
  return { first: offset + Number(period.slice(5, 7)) - 1, count: 1 };
}

/** A range as the record writes one ("45-50"): its midpoint, the figure set against a forecast. */
export function observedNumber(text: string): number {
  const range = /^\s*(\d+(?:\.\d+)?)\s*-\s*(\d+(?:\.\d+)?)\s*$/.exec(text);
  return range ? (Number(range[1]) + Number(range[2])) / 2 : text.trim() === '' ? Number.NaN : Number(text);
}

/** Where a list of targets sits in its file, for errors: a calibration's targets, or a validation file's figures. */
export interface TargetList {
  readonly at: readonly string[];
  /** What one is called in a message ("target", "figure"). */
  readonly noun: string;
  /** Whether an observed range ("45-50") is read as its midpoint (a held-out figure) or refused (a calibration target). */
  readonly ranges: boolean;
}

const CALIBRATION_TARGETS: TargetList = { at: ['calibration', 'targets'], noun: 'target', ranges: false };

export function resolveTargets(
  source: Source,
  specs: readonly TargetSpec[],
  observables: readonly Observable[],
  observed: readonly ObservedRow[],
  scenario: { readonly start: string | undefined; readonly ticks: number },
  list: TargetList = CALIBRATION_TARGETS,
): Target[] {
  return specs.map((spec, i) => {
    const at = [...list.at, i];
    const fail = (field: string, message: string, expected: string, found?: string): never => {
      const line = source.locate([...at, field]) ?? source.locate(at);
      throw new EntenteError('calibration.target', `${list.noun} ${spec.indicator} ${spec.period}: ${message}`, {
        where: { file: source.file, ...(line ? { line } : {}), path: `${list.at.join('.')}[${i}].${field}` },
        expected,
        ...(found !== undefined ? { found } : {}),
      });
    };
    const observable = observables.findIndex((o) => o.indicator === spec.indicator);
    if (observable < 0)
      fail('indicator', 'the scenario has no such observable', `one of: ${observables.map((o) => o.indicator).join(', ') || '(none)'}`);
    const unit = (observables[observable] as Observable).unit;
    if (!scenario.start) fail('period', 'the scenario has no start date', 'a scenario with `start: YYYY-MM`');
    const pattern = spec.statistic === 'rise' || spec.statistic === 'change';
    if (pattern && spec.bound === undefined)
      fail('bound', `${spec.statistic} needs the move it allows`, 'bound: a number ≥ 0 (0.15 = 15% of the initial value)');
    if (pattern && spec.per !== undefined) fail('per', `a pattern reads no observed value to convert`, 'no per: on rise or change');
    if (!pattern && spec.bound !== undefined)
      fail('bound', `a bound is for rise and change, not ${spec.statistic}`, 'no bound, or statistic rise or change');
    if (!pattern && spec.period.includes('/'))
      fail('period', `a span of years is for rise and change, not ${spec.statistic}`, 'YYYY, YYYY-MM or YYYY-Qn', spec.period);
    const { first, count } = months(spec.period, scenario.start as string);
    if (count <= 0) fail('period', 'the span of years runs backwards', 'YYYY/YYYY with the first year first', spec.period);
    if (first < 0 || first + count > scenario.ticks)
      fail(
        'period',
        'the period is not simulated',
        `a period within the scenario's ${scenario.ticks} months from ${scenario.start}`,
        spec.period,
      );
    const read = (indicator: string, period: string): { v: number; unit: string } => {
      const row = observed.find((r) => r.indicator === indicator && r.period === period);
      if (!row)
        return fail(
          indicator === spec.indicator ? 'period' : 'per',
          indicator === spec.indicator ? `no observed value for ${period}` : `no observed ${indicator} for ${period}`,
          'a row of the observed data for this indicator and period',
        );
      const v = list.ranges ? observedNumber(row.value) : Number(row.value);
      if (row.value.trim() === '' || !Number.isFinite(v))
        fail('period', `the observed ${indicator} for ${period} is not a number`, 'a number', JSON.stringify(row.value));
      return { v, unit: row.unit };
    };
    const value = (period: string): number => {
      const { v, unit: observedUnit } = read(spec.indicator, period);
      // Converted (per): the observed value over another indicator's for the same period, in the unit the target names.
      const per = spec.per;
      const converted = per ? (v / read(per.indicator, period).v) * per.factor : v;
      const convertedUnit = per ? per.unit : observedUnit;
      if (spec.statistic === 'mean' && convertedUnit !== unit)
        fail(
          per ? 'per' : 'indicator',
          `observed in ${convertedUnit}, simulated in ${unit}`,
          `the observable's unit (${unit})`,
          convertedUnit,
        );
      return converted;
    };
    let observedValue: number;
    let base: Target['base'] = null;
    if (pattern) {
      observedValue = 0; // a pattern holds at 0 excess: nothing observed is read
    } else if (spec.statistic === 'growth') {
      if (spec.period.length !== 4) fail('period', 'growth is year on year', 'a year, YYYY', spec.period);
      const previous = String(Number(spec.period) - 1);
      observedValue = value(spec.period) / value(previous) - 1;
      const prev = months(previous, scenario.start as string);
      if (prev.first >= 0) base = { from: prev.first, to: prev.first + 12 };
      else if (prev.first + 12 > 0) fail('period', 'the previous year is only partly simulated', 'a scenario starting in January');
    } else {
      observedValue = value(spec.period);
    }
    return {
      spec,
      label: `${spec.indicator} ${spec.period} ${spec.statistic}`,
      observable,
      from: first,
      to: first + count,
      base,
      observed: observedValue,
      weight: spec.weight ?? 1,
      errorScale: Math.hypot(spec.scale, spec.discrepancy ?? 0),
    };
  });
}

function mean(series: Float64Array, from: number, to: number): number {
  let sum = 0;
  for (let t = from; t < to; t++) sum += series[t];
  return sum / (to - from);
}

/** How far the largest relative move over [from, to) on `initial` passes `bound` (one way, or either way): 0 while within. */
function excess(series: Float64Array, from: number, to: number, initial: number, bound: number, eitherWay: boolean): number {
  // A relative move needs a positive start: from 0 or below it has no meaning, and scoring reports it as not finite.
  if (!(initial > 0)) return Number.NaN;
  let largest = Number.NEGATIVE_INFINITY;
  for (let t = from; t < to; t++) {
    const move = series[t] / initial - 1;
    const size = eitherWay ? Math.abs(move) : move;
    if (Number.isNaN(size)) return size;
    if (size > largest) largest = size;
  }
  return Math.max(0, largest - bound);
}

/** The target's statistic from one run: the observable's series and its initial value. */
export function simulated(target: Target, series: Float64Array, initial: number): number {
  const { statistic, bound } = target.spec;
  if (statistic === 'rise' || statistic === 'change')
    return excess(series, target.from, target.to, initial, bound ?? 0, statistic === 'change');
  const level = mean(series, target.from, target.to);
  if (target.spec.statistic === 'mean') return level;
  const before = target.base ? mean(series, target.base.from, target.base.to) : initial;
  return level / before - 1;
}
