/**
 * CsvEncoder (src/io/csvEncoder.ts) must write the bytes csv-stringify writes with
 * cast: { number: formatNumber }, for every number and every text: writeNumber against
 * formatNumber on any double and on the cases its arithmetic is closest to getting wrong
 * (halves of the 7th digit, powers of ten, both notations' edges), and whole rows against
 * csv-stringify itself.
 */
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvEncoder, writeNumber } from '../../src/io/csvEncoder.js';
import { formatNumber } from '../../src/io/csvFile.js';

const buf = Buffer.alloc(64);
const written = (v: number) => buf.toString('latin1', 0, writeNumber(buf, 0, v));

describe('writeNumber', () => {
  it('writes formatNumber’s text for any double', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: false }), (v) => written(v) === formatNumber(v)),
      { numRuns: 200_000 },
    );
  });

  it('for values of every magnitude the model writes, with few and many digits', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -8, max: 8 }),
        fc.integer({ min: 1, max: 9_999_999 }),
        fc.integer({ min: 0, max: 6 }),
        fc.boolean(),
        (e, mantissa, cut, negative) => {
          const v = ((negative ? -1 : 1) * Math.round(mantissa / 10 ** cut) * 10 ** cut) / 10 ** (7 - e);
          return written(v) === formatNumber(v);
        },
      ),
      { numRuns: 200_000 },
    );
  });

  it('at halves of the 7th significant digit, powers of ten and the edges of fixed notation', () => {
    const cases: number[] = [
      0,
      -0,
      1e-6,
      9.99999949e-7,
      9.9999996e-7,
      1e7 - 0.5,
      9999999.4,
      9999999.6,
      1e15 - 1,
      1e15,
      -1e15,
      2 ** 53,
      1e21,
      1e300,
    ];
    cases.push(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.MIN_VALUE, 0.1 + 0.2, 2 / 3, -1 / 3);
    for (let e = -7; e <= 7; e++) {
      for (const m of [1, 9.9999995, 9.99999949, 9.99999951, 1.0000005, 1.00000049, 1.2345675, 5.0000005]) {
        cases.push(m * 10 ** e, -m * 10 ** e, (m * 10 ** 7 + 0.5) / 10 ** (7 - e));
      }
    }
    for (let k = 0; k < 200_000; k++) cases.push((1_000_000 + k * 37 + 0.5) / 10 ** (k % 14));
    for (const v of cases) expect(written(v), String(v)).toBe(formatNumber(v));
  });
});

describe('CsvEncoder', () => {
  const stringified = (rows: (string | number)[][]) => stringify(rows, { cast: { number: formatNumber } });
  const encoded = (rows: (string | number)[][], size?: number) => {
    const encoder = new CsvEncoder(size);
    for (const row of rows) encoder.row(row);
    return encoder.takeText();
  };

  it('writes csv-stringify’s bytes for rows of texts that need quoting, unicode, empty fields and numbers', () => {
    const rows: (string | number)[][] = [
      [0, 1234567890, 3, 'CHN', 'RUS', 0.25, 1e-7, -0, Number.NaN],
      ['a,b', 'say "no"', '', ' spaced ', 'line\nend', 'été', 'Κίνα', 'x\r\ny', 12.5],
      ['2022-01', 'baseline', 'trade', 1 / 3, -2 / 3, 123456.789, 1e21],
      ['x'.repeat(100), 'a,'.repeat(40), 1, 'y'.repeat(33), 2, 'é'.repeat(50)],
    ];
    expect(encoded(rows)).toBe(stringified(rows));
    expect(encoded(rows, 4)).toBe(stringified(rows));
    // Taken as bytes (what CsvFile hands to the file), the same.
    const encoder = new CsvEncoder(16);
    const pieces: Buffer[] = [];
    for (const row of rows) {
      encoder.row(row);
      pieces.push(encoder.take());
    }
    expect(Buffer.concat(pieces).toString('utf8')).toBe(stringified(rows));
  });

  it('grows its buffer and gives the same text taken in pieces as at once', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.oneof(fc.double(), fc.string(), fc.integer()), { minLength: 1, maxLength: 8 }), {
          minLength: 1,
          maxLength: 40,
        }),
        (rows) => {
          const encoder = new CsvEncoder(8);
          let pieces = '';
          rows.forEach((row, i) => {
            encoder.row(row);
            if (i % 3 === 0) pieces += encoder.takeText();
          });
          pieces += encoder.takeText();
          return pieces === stringified(rows);
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it('repeats a column’s last value correctly after its bytes were taken (the buffer is reused)', () => {
    // The first column's width changes, so a reused buffer overwrites where the second's bytes were.
    const rows = Array.from({ length: 50 }, (_, i) => [i % 2 === 0 ? 1 : 123456, 2435528115658572, Math.floor(i / 10), 'RUS', i % 3]);
    const encoder = new CsvEncoder(16);
    let pieces = '';
    for (const row of rows) {
      encoder.row(row);
      pieces += encoder.takeText();
    }
    expect(pieces).toBe(stringified(rows));
  });
});
