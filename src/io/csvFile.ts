/**
 * A CSV file written as rows come. Rows are encoded (io/csvEncoder.ts: csv-stringify encodes
 * the header and every text, numbers are written as formatNumber writes them) and handed to
 * the file in chunks of 256 KiB, so memory stays flat whatever the number of rows.
 */

import { closeSync, openSync } from 'node:fs';
import { expectSize, writeAll } from './atomicFile.js';
import { CsvEncoder } from './csvEncoder.js';
import type { Cell } from './csvText.js';
import { type FileProof, Proving } from './fileRecord.js';
import { fromSystemError } from './systemError.js';

export type { Cell } from './csvText.js';
export { formatNumber } from './formatNumber.js';

/** Bytes encoded before they are handed to the file: large writes, few calls. */
const CHUNK = 1 << 18;

export class CsvFile {
  private readonly encoder = new CsvEncoder(CHUNK + 4096);
  private fd: number | undefined;
  private bytes = 0;
  private readonly proving = new Proving();
  /** The file's proof (io/fileRecord.ts), once it is closed. */
  proof: FileProof | undefined;
  rows = 0;

  constructor(
    readonly path: string,
    columns: readonly string[],
  ) {
    try {
      this.fd = openSync(path, 'w');
    } catch (err) {
      throw fromSystemError(err, path);
    }
    this.encoder.row(columns);
  }

  write(row: readonly Cell[]): void {
    this.encoder.row(row);
    this.rows++;
    if (this.encoder.length >= CHUNK) this.flush();
  }

  /**
   * Hand what is encoded to the file, synchronously: a 256 KiB write into the page cache takes
   * tens of microseconds, where a stream's queue and its drain waits cost a 200-actor run a
   * fifth of its time. A failure (a full disk, say) is thrown here, naming the file.
   */
  private flush(): void {
    const bytes = this.encoder.take();
    if (this.fd === undefined) throw new Error(`${this.path}: written after close`);
    try {
      this.bytes += writeAll(this.fd, bytes, this.path);
      this.proving.update(bytes);
    } catch (err) {
      this.abandon();
      throw fromSystemError(err, this.path);
    }
  }

  private abandon(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }

  async close(): Promise<void> {
    if (this.fd === undefined) return;
    if (this.encoder.length > 0) this.flush();
    try {
      expectSize(this.fd, this.bytes, this.path);
      this.proof = this.proving.finish();
    } catch (err) {
      throw fromSystemError(err, this.path);
    } finally {
      this.abandon();
    }
  }
}
