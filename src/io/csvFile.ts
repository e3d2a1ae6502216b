/**
 * A CSV file streamed to disk. Rows are encoded as they come (io/csvEncoder.ts: csv-stringify
 * encodes the header and every text, numbers are written as formatNumber writes them) and
 * handed to the file in chunks of 256 KiB; `drain()` lets a producer respect back-pressure so
 * memory stays flat.
 */

import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { CsvEncoder } from './csvEncoder.js';
import { recordText } from './csvText.js';
import { fromSystemError } from './systemError.js';

export type Cell = string | number;

export { formatNumber } from './formatNumber.js';

/** Bytes encoded before they are handed to the file: large writes, few calls. */
const CHUNK = 1 << 18;

export class CsvFile {
  private readonly encoder = new CsvEncoder(CHUNK + 4096);
  private readonly file: WriteStream;
  private readonly finished: Promise<void>;
  rows = 0;

  constructor(
    readonly path: string,
    columns: readonly string[],
  ) {
    this.file = createWriteStream(path);
    this.finished = new Promise((resolve, reject) => {
      this.file.on('finish', () => resolve());
      this.file.on('error', (err) => reject(fromSystemError(err, path)));
    });
    // Errors surface through close(); a file abandoned after another failure must not crash the process.
    this.finished.catch(() => {});
    this.file.write(`${recordText(columns)}\n`);
  }

  write(row: readonly Cell[]): void {
    this.encoder.row(row);
    this.rows++;
    if (this.encoder.length >= CHUNK) this.file.write(this.encoder.take());
  }

  /**
   * Resolves once buffered rows have been handed to the file; rejects if the
   * file failed (a full disk, say), since then no 'drain' ever comes.
   */
  drain(): Promise<void> | undefined {
    if (!this.file.writableNeedDrain) return undefined; // no promise to wait on: the common case costs nothing
    return Promise.race([once(this.file, 'drain').then(() => {}), this.finished]);
  }

  async close(): Promise<void> {
    if (this.encoder.length > 0) this.file.write(this.encoder.take());
    this.file.end();
    await this.finished;
  }
}
