/**
 * The observed figures the patterns read, from data/china-russia-observed.csv by indicator and
 * period: nothing in patterns.ts writes a number the record gives.
 */

import type { ObservedRow } from '../calibration/targets.js';
import { EntenteError } from '../errors.js';

export interface Observed {
  /** The value of a row, as a number. */
  value(indicator: string, period: string): number;
  /** A range "45-50" as [45, 50] (a single number as [v, v]). */
  range(indicator: string, period: string): readonly [number, number];
  /** A row's note, where the record gives a second figure in words (India's share in China's row). */
  note(indicator: string, period: string): string;
}

export function observedFrom(rows: readonly ObservedRow[], file: string): Observed {
  const row = (indicator: string, period: string): ObservedRow => {
    const found = rows.find((r) => r.indicator === indicator && r.period === period);
    if (!found)
      throw new EntenteError('patterns.observed', `no observed ${indicator} for ${period}`, {
        where: { file },
        expected: `a row with indicator ${indicator} and period ${period}`,
      });
    return found;
  };
  const number = (text: string, indicator: string, period: string): number => {
    const v = Number(text);
    if (text.trim() === '' || !Number.isFinite(v))
      throw new EntenteError('patterns.observed', `the observed ${indicator} for ${period} is not a number`, {
        where: { file },
        expected: 'a number, or a range LOW-HIGH',
        found: JSON.stringify(text),
      });
    return v;
  };
  return {
    value: (indicator, period) => number(row(indicator, period).value, indicator, period),
    range: (indicator, period) => {
      const parts = row(indicator, period).value.split('-');
      const low = number(parts[0] ?? '', indicator, period);
      return [low, parts.length > 1 ? number(parts[1] ?? '', indicator, period) : low];
    },
    note: (indicator, period) => row(indicator, period).note,
  };
}
