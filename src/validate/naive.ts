/**
 * The naive forecasts a held-out figure is scored against (issue: "scores, not only coverage"),
 * from the observed data alone, as the validation file states their basis (docs/validation.md):
 *   no change  a mean holds its last observed value; a growth is 0 (the level held);
 *   trend      a mean moves on along the line through its two last observations (by months
 *              between the periods' middles); a growth repeats the last observed year's growth
 *              (none where the record lacks the year before it).
 * A figure whose record has no earlier observation has no naive forecast, and says so.
 */

import { months, type ObservedRow, observedNumber } from '../calibration/targets.js';
import { EntenteError } from '../errors.js';
import type { Source } from '../scenario/source.js';
import type { Naive } from './figureScore.js';
import type { FigureSpec } from './schema.js';

/** The middle of a period, in months since the scenario's start. */
function middle(period: string, start: string): number {
  const { first, count } = months(period, start);
  return first + count / 2;
}

export function naiveForecasts(source: Source, figure: FigureSpec, i: number, observed: readonly ObservedRow[], start: string): Naive {
  const basis = figure.naive;
  if (!basis) return {};
  const fail = (field: string, message: string, expected: string): never => {
    const at = ['figures', i, 'naive', field];
    const line = source.locate(at) ?? source.locate(['figures', i]);
    throw new EntenteError('validation.naive', `figure ${figure.indicator} ${figure.period}: ${message}`, {
      where: { file: source.file, ...(line ? { line } : {}), path: `figures[${i}].naive.${field}` },
      expected,
    });
  };
  const raw = (indicator: string, period: string, field: string): number => {
    const row = observed.find((r) => r.indicator === indicator && r.period === period);
    const v = row ? observedNumber(row.value) : Number.NaN;
    if (!Number.isFinite(v)) fail(field, `no observed ${indicator} for ${period}`, 'a period with a number in the observed data');
    return v;
  };
  const value = (period: string, field: string): number => {
    const v = raw(figure.indicator, period, field);
    return figure.per ? (v / raw(figure.per.indicator, period, field)) * figure.per.factor : v;
  };
  const ends = (period: string) => {
    const { first, count } = months(period, start);
    return first + count;
  };
  if (ends(basis.last) > months(figure.period, start).first)
    fail('last', `${basis.last} does not end before the figure's period begins`, `a period that ends by the start of ${figure.period}`);
  if (figure.statistic === 'growth') {
    if (!/^\d{4}$/.test(basis.last)) fail('last', 'growth is year on year', 'a year, YYYY');
    if (basis.before !== undefined) fail('before', 'the trend of a growth is the last year’s growth', 'no before: for growth');
    const previous = String(Number(basis.last) - 1);
    // The trend needs the year before `last` too; where the record has none there is no trend.
    const level = value(basis.last, 'last'); // refused if the record lacks `last` itself
    // A blank or non-numeric row (or a conversion the record lacks for that year) is no observation either.
    const numeric = (indicator: string) =>
      Number.isFinite(observedNumber(observed.find((r) => r.indicator === indicator && r.period === previous)?.value ?? ''));
    const known = numeric(figure.indicator) && (!figure.per || numeric(figure.per.indicator));
    return known ? { noChange: 0, trend: level / value(previous, 'last') - 1 } : { noChange: 0 };
  }
  const last = value(basis.last, 'last');
  if (basis.before === undefined) return { noChange: last };
  const [from, to, at] = [middle(basis.before, start), middle(basis.last, start), middle(figure.period, start)];
  if (from >= to) fail('before', `${basis.before} is not before ${basis.last}`, `a period before ${basis.last}`);
  const before = value(basis.before, 'before');
  return { noChange: last, trend: last + ((last - before) * (at - to)) / (to - from) };
}
