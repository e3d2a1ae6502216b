/**
 * CSV rows encoded straight into bytes, for the files that have millions of rows (per-tick
 * files, written at millions of rows a second). csv-stringify encodes every text
 * field and every header, once per distinct value (cached: ids, domain names and dates repeat
 * on every row); numbers, which never need quoting, are written digit by digit into the buffer
 * with formatNumber's exact text (io/csvFile.ts), not through a string. The bytes are those
 * csv-stringify writes for the same rows with `cast: { number: formatNumber }`: the tests
 * compare them on every kind of value.
 */

import { recordText } from './csvText.js';
import { formatNumber } from './formatNumber.js';

type Field = string | number;

/** 10^e for e in [−10, 19]: exact for e ≥ 0. */
const POW10 = Array.from({ length: 30 }, (_, i) => 10 ** (i - 10));
const pow10 = (e: number) => POW10[e + 10];

/** Distinct texts kept encoded; past this the cache starts again (memory stays bounded). */
const CACHE_LIMIT = 100_000;

/** `text` (ASCII: formatNumber's output is) at `pos`; the position after it. */
function ascii(buf: Uint8Array, pos: number, text: string): number {
  for (let k = 0; k < text.length; k++) buf[pos + k] = text.charCodeAt(k);
  return pos + text.length;
}

/** The digits of a non-negative integer below 2^53, at `pos`; the position after them. */
function digits(buf: Uint8Array, pos: number, n: number): number {
  if (n < 2147483648) return smallDigits(buf, pos, n);
  let len = 10;
  while (len < 16 && n >= pow10(len)) len++;
  for (let k = pos + len - 1; k >= pos; k--) {
    const q = Math.floor(n / 10);
    buf[k] = 48 + (n - q * 10);
    n = q;
  }
  return pos + len;
}

/** The digits of an integer in [0, 2^31), in int32 arithmetic. */
function smallDigits(buf: Uint8Array, pos: number, n: number): number {
  let len = 1;
  for (let bound = 10; len < 10 && n >= bound; bound *= 10) len++;
  for (let k = pos + len - 1; k > pos; k--) {
    const q = (n / 10) | 0;
    buf[k] = 48 + n - q * 10;
    n = q;
  }
  buf[pos] = 48 + n;
  return pos + len;
}

/** "00" to "99" as byte pairs: two digits per division. */
const PAIRS = Uint8Array.from({ length: 200 }, (_, i) => 48 + (i % 2 === 0 ? Math.floor(i / 20) : (i >> 1) % 10));

/** The 7 digits of an int32 in [10^6, 10^7) at `pos`; the position after them. */
function sevenDigits(buf: Uint8Array, pos: number, r: number): number {
  const q1 = (r / 100) | 0;
  const q2 = (q1 / 100) | 0;
  const q3 = (q2 / 100) | 0;
  let p = (r - q1 * 100) << 1;
  buf[pos + 5] = PAIRS[p];
  buf[pos + 6] = PAIRS[p + 1];
  p = (q1 - q2 * 100) << 1;
  buf[pos + 3] = PAIRS[p];
  buf[pos + 4] = PAIRS[p + 1];
  p = (q2 - q3 * 100) << 1;
  buf[pos + 1] = PAIRS[p];
  buf[pos + 2] = PAIRS[p + 1];
  buf[pos] = 48 + q3;
  return pos + 7;
}

/**
 * formatNumber(v) written at `pos` (room for 32 bytes needed); the position after it. Values of
 * 7 significant digits in fixed notation (|v| in [1e-6, 1e7)) are rounded in integer arithmetic:
 * m = |v| · 10^(6−e) is exact but for one rounding of the product, so unless m lies within 1e-7 of
 * a half (then, and for everything else, formatNumber itself is used) Math.round(m) is the
 * correctly rounded mantissa toPrecision(7) gives. Trailing zeros are dropped, as formatNumber does.
 */
export function writeNumber(buf: Uint8Array, pos: number, v: number): number {
  if (Number.isInteger(v) && v > -1e15 && v < 1e15) {
    if (v < 0) {
      buf[pos++] = 45; // '-'
      v = -v;
    }
    return digits(buf, pos, v);
  }
  const a = v < 0 ? -v : v;
  if (!(a >= 1e-6 && a < 1e7)) return ascii(buf, pos, formatNumber(v));
  let e = 0; // 10^e ≤ a < 10^(e+1), by comparison (no log10: most values are within a few powers of 1)
  if (a >= 1) while (a >= pow10(e + 1)) e++;
  else
    do e--;
    while (a < pow10(e));
  const m = a * pow10(6 - e); // 6 − e in [0, 12]: an exact power of ten
  const whole = Math.floor(m);
  const fraction = m - whole;
  if (fraction > 0.4999999 && fraction < 0.5000001) return ascii(buf, pos, formatNumber(v));
  const r = (fraction >= 0.5 ? whole + 1 : whole) | 0; // int32 from here: division by 10 becomes a multiply
  if (r >= 10_000_000) return ascii(buf, pos, formatNumber(v)); // rounded up to the next power of ten
  if (v < 0) buf[pos++] = 45; // '-'
  let end: number;
  if (e < 0) {
    // 0.000ddddddd: the 7 digits after −e − 1 zeros.
    buf[pos++] = 48; // '0'
    buf[pos++] = 46; // '.'
    for (let k = -1; k > e; k--) buf[pos++] = 48;
    end = sevenDigits(buf, pos, r);
  } else {
    // d…d.d…d: e + 1 digits, a point (none when e = 6), the rest: written after a byte left for
    // the point, the first e + 1 moved into it.
    if (e === 6) return sevenDigits(buf, pos, r);
    end = sevenDigits(buf, pos + 1, r);
    for (let k = 0; k <= e; k++) buf[pos + k] = buf[pos + k + 1];
    buf[pos + e + 1] = 46; // '.'
  }
  // Trailing zeros, and a point left last, are dropped (formatNumber's text).
  while (buf[end - 1] === 48) end--;
  if (buf[end - 1] === 46) end--;
  return end;
}

/** Rows of fields encoded into a growing buffer, taken in pieces as bytes or text. */
export class CsvEncoder {
  private buf: Buffer;
  private pos = 0;
  private readonly texts = new Map<string, Buffer>();

  constructor(size = 1 << 16) {
    this.buf = Buffer.allocUnsafe(size);
  }

  /** Bytes encoded and not yet taken. */
  get length(): number {
    return this.pos;
  }

  private room(bytes: number): void {
    if (this.pos + bytes <= this.buf.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.pos + bytes));
    this.buf.copy(bigger, 0, 0, this.pos);
    this.buf = bigger;
  }

  /** A text field as csv-stringify encodes it (quoted where it must be). */
  private text(value: string): Buffer {
    let bytes = this.texts.get(value);
    if (bytes === undefined) {
      if (this.texts.size >= CACHE_LIMIT) this.texts.clear();
      bytes = Buffer.from(recordText([value]), 'utf8');
      this.texts.set(value, bytes);
    }
    return bytes;
  }

  /** Each column's last text or integer, and its bytes: ids, seeds and ticks repeat down a column. */
  private readonly last: (Field | undefined)[] = [];
  private readonly lastBytes: Uint8Array[] = [];

  private copy(bytes: Uint8Array): void {
    const { buf } = this;
    let pos = this.pos;
    for (let k = 0; k < bytes.length; k++) buf[pos++] = bytes[k];
    this.pos = pos;
  }

  /** One record and its line end. */
  row(fields: readonly Field[]): void {
    const { last, lastBytes } = this;
    // Room for every field at its longest number (32 bytes) and a separator: one check a row,
    // besides one for each text longer than that.
    const budget = 33;
    this.room(budget * fields.length + 1);
    for (let f = 0; f < fields.length; f++) {
      const field = fields[f];
      if (field === last[f]) {
        const bytes = lastBytes[f] as Uint8Array;
        if (bytes.length >= budget) this.room(bytes.length + budget * (fields.length - f));
        this.copy(bytes);
      } else if (typeof field === 'number') {
        const start = this.pos;
        this.pos = writeNumber(this.buf, start, field);
        if (Number.isInteger(field)) {
          last[f] = field;
          lastBytes[f] = Uint8Array.prototype.slice.call(this.buf, start, this.pos); // a copy (Buffer.slice is a view)
        }
      } else {
        // A text; anything else a caller slipped past the types is encoded as csv-stringify would, uncached.
        const bytes = typeof field === 'string' ? this.text(field) : Buffer.from(recordText([field as unknown as string]), 'utf8');
        if (bytes.length >= budget) this.room(bytes.length + budget * (fields.length - f));
        this.copy(bytes);
        if (typeof field === 'string') {
          last[f] = field;
          lastBytes[f] = bytes;
        }
      }
      if (f < fields.length - 1) this.buf[this.pos++] = 44; // ','
    }
    this.buf[this.pos++] = 10; // line end
  }

  /** The bytes encoded since the last take: the buffer itself, handed over (the encoder starts a new one). */
  take(): Buffer {
    const out = this.buf.subarray(0, this.pos);
    this.buf = Buffer.allocUnsafe(this.buf.length);
    this.pos = 0;
    return out;
  }

  /** The text encoded since the last take. */
  takeText(): string {
    const out = this.buf.toString('utf8', 0, this.pos);
    this.pos = 0;
    return out;
  }
}
