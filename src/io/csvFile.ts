/**
 * A CSV file streamed through csv-stringify. Rows are written as they come;
 * `drain()` lets a producer respect back-pressure so memory stays flat.
 */

import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { type Stringifier, stringify } from 'csv-stringify';
import { fromSystemError } from './systemError.js';

export type Cell = string | number;

/**
 * Numbers are written with 7 significant digits (integers exactly): ample for
 * analysis, a third of the size of full doubles, and the same bytes on every machine.
 */
export function formatNumber(v: number): string {
  if (Number.isInteger(v)) return String(v);
  const fixed = v.toPrecision(7);
  // Fast path, same text: a ≤ 7-digit decimal in fixed notation round-trips through a double
  // unchanged (≤ 15 digits always do), so its shortest form is itself without trailing zeros.
  // String() writes exponents below 1e-6, toPrecision from 1e7: those take the slow path.
  if (Math.abs(v) >= 1e-6 && !fixed.includes('e')) return fixed.includes('.') ? withoutTrailingZeros(fixed) : fixed;
  return String(Number(fixed));
}

/** "0.2500000" → "0.25", "12.00000" → "12": what replacing /\.?0+$/ gives, without a regular expression (a third of the time). */
function withoutTrailingZeros(fixed: string): string {
  let end = fixed.length;
  while (fixed.charCodeAt(end - 1) === 48) end--; // '0'
  if (fixed.charCodeAt(end - 1) === 46) end--; // '.'
  return fixed.slice(0, end);
}

export class CsvFile {
  private readonly stringifier: Stringifier;
  private readonly file: WriteStream;
  private readonly finished: Promise<void>;
  rows = 0;

  constructor(
    readonly path: string,
    columns: readonly string[],
  ) {
    this.stringifier = stringify({ header: true, columns: [...columns], cast: { number: formatNumber } });
    this.file = createWriteStream(path);
    this.stringifier.pipe(this.file);
    this.finished = new Promise((resolve, reject) => {
      this.file.on('finish', () => resolve());
      this.file.on('error', (err) => reject(fromSystemError(err, path)));
      this.stringifier.on('error', (err) => reject(fromSystemError(err, path)));
    });
    // Errors surface through close(); a file abandoned after another failure must not crash the process.
    this.finished.catch(() => {});
  }

  write(row: readonly Cell[]): void {
    this.stringifier.write(row);
    this.rows++;
  }

  /**
   * Resolves once buffered rows have been handed to the file; rejects if the
   * file failed (a full disk, say), since then no 'drain' ever comes.
   */
  drain(): Promise<void> | undefined {
    if (!this.stringifier.writableNeedDrain) return undefined; // no promise to wait on: the common case costs nothing
    return Promise.race([once(this.stringifier, 'drain').then(() => {}), this.finished]);
  }

  async close(): Promise<void> {
    this.stringifier.end();
    await this.finished;
  }
}
