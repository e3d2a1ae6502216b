/**
 * A sweep writes each row from parts encoded separately (io/csvText.ts): that is
 * only sound if csv-stringify's text of a whole record equals its parts' texts
 * joined by commas, whatever the fields hold (commas, quotes, line ends, nothing).
 */
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatNumber } from '../../src/io/csvFile.js';
import { plainRecordTexts, recordText } from '../../src/io/csvText.js';

const whole = (fields: (string | number)[]) => stringify([fields], { cast: { number: formatNumber }, eof: false });
const field = fc.oneof(
  fc.string(),
  fc.constantFrom('', ',', '"', 'a,b', 'say "hi"', 'two\nlines', '\r', ' lead', '=1+2', '-3'),
  fc.double(),
  fc.integer(),
);

describe('CSV records from parts', () => {
  it("a record's text is its parts' texts joined by commas", () => {
    fc.assert(
      fc.property(fc.array(field, { minLength: 1, maxLength: 6 }), fc.array(field, { minLength: 1, maxLength: 6 }), (a, b) => {
        return `${recordText(a)},${recordText(b)}` === whole([...a, ...b]);
      }),
      { numRuns: 20_000 },
    );
  });

  it('plainRecordTexts gives each record of numbers and digit strings its own text', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.oneof(fc.double(), fc.integer(), fc.bigInt().map(String)), { minLength: 1, maxLength: 5 }), { maxLength: 9 }),
        (records) => {
          const texts = plainRecordTexts(records);
          return texts.length === records.length && texts.every((t, i) => t === whole(records[i] as (string | number)[]));
        },
      ),
      { numRuns: 5_000 },
    );
  });

  it('refuses a field with a line end rather than misplace records', () => {
    expect(() => plainRecordTexts([[1, 'a\nb'], [2]])).toThrow(/line end/);
  });
});
