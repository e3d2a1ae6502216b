/**
 * A Parquet file written as rows come, for big runs (`--format parquet`): rows are held by
 * column and written as row groups of 128 Ki rows through hyparquet-writer (pure JavaScript,
 * one small dependency, deterministic bytes: no timestamps in the file), so memory stays flat.
 * The same interface as CsvFile. Numbers are kept at full precision (CSV rounds to 7
 * significant digits). Standard Parquet (data pages v2; integers delta-encoded, text
 * dictionary-encoded and Snappy-compressed, doubles plain and uncompressed: Snappy saved little of their size
 * for more writing time), read back in the tests by hyparquet and by
 * DuckDB. parquet-wasm (with apache-arrow) was measured too: slower for the 200-actor ties file
 * alone than this writer for the whole run.
 */
import { ParquetWriter, schemaFromColumnData } from 'hyparquet-writer';
import type { Cell } from './csvFile.js';
import type { FileProof } from './fileRecord.js';
import { fileSink } from './parquetSink.js';
import { fromSystemError } from './systemError.js';

/**
 * How a column is stored: 32-bit integers, 64-bit integers (seeds), doubles (required, or
 * nullable where a value may not apply: '' in the row), UTF-8 text. A required column has no
 * definition levels to write or read.
 */
export type ColumnKind = 'int' | 'int64' | 'double' | 'nullableDouble' | 'text';

const ROW_GROUP = 1 << 17;

const CODEC = 'UNCOMPRESSED' as const;

type Writer = ReturnType<typeof fileSink>;

/** One column's pending values: typed where the kind allows. */
type Pending = Int32Array | Float64Array | Cell[];

export class ParquetFile {
  private readonly pending: Pending[];
  private count = 0;
  private writer: ParquetWriter | undefined;
  private sink: Writer | undefined;
  /** The file's proof (io/fileRecord.ts), once it is closed. */
  proof: FileProof | undefined;
  rows = 0;

  constructor(
    readonly path: string,
    private readonly columns: readonly string[],
    private readonly kinds: readonly ColumnKind[],
  ) {
    this.pending = kinds.map((kind) =>
      kind === 'int'
        ? new Int32Array(ROW_GROUP)
        : kind === 'double' || kind === 'nullableDouble'
          ? new Float64Array(ROW_GROUP)
          : new Array<Cell>(ROW_GROUP),
    );
    const indicesOf = (which: (kind: ColumnKind) => boolean) => kinds.flatMap((kind, c) => (which(kind) ? [c] : []));
    this.doubleAt = indicesOf((k) => k === 'double' || k === 'nullableDouble');
    this.intAt = indicesOf((k) => k === 'int');
    this.otherAt = indicesOf((k) => k === 'int64' || k === 'text');
    this.guard(() => {
      this.sink = fileSink(path, (proof) => {
        this.proof = proof;
      });
    });
  }

  /** `f`, with a file-system failure named by this file's path (a full disk, say). */
  private guard<T>(f: () => T): T {
    try {
      return f();
    } catch (err) {
      throw fromSystemError(err, this.path);
    }
  }

  /** Column indices by how they are held, so that each loop of `write` stores into one kind of array. */
  private readonly doubleAt: number[];
  private readonly intAt: number[];
  private readonly otherAt: number[];

  write(row: readonly Cell[]): void {
    const at = this.count;
    const { doubleAt, intAt, otherAt, pending } = this;
    for (let x = 0; x < doubleAt.length; x++) {
      const c = doubleAt[x];
      const cell = row[c];
      if (typeof cell === 'number') (pending[c] as Float64Array)[at] = cell;
      else this.missing(c, at);
    }
    for (let x = 0; x < intAt.length; x++) {
      const c = intAt[x];
      (pending[c] as Int32Array)[at] = row[c] as number;
    }
    for (let x = 0; x < otherAt.length; x++) {
      const c = otherAt[x];
      (pending[c] as Cell[])[at] = row[c] as Cell;
    }
    this.count++;
    this.rows++;
    if (this.count === ROW_GROUP) this.flush();
  }

  /** '' where a value does not apply (actors.csv's welfare): null in Parquet, where the column allows it. */
  private missing(c: number, at: number): void {
    if (this.kinds[c] !== 'nullableDouble') throw new Error(`${this.path}: column ${this.columns[c]} holds no value in a row`);
    (this.pending[c] as Float64Array)[at] = Number.NaN;
    const nulls = this.nulls[c] ?? new Set<number>();
    nulls.add(at);
    this.nulls[c] = nulls;
  }

  /** Rows of each double column that hold no number, in the pending group. */
  private readonly nulls: (Set<number> | undefined)[] = [];

  /** The pending rows as hyparquet-writer's column sources. */
  private columnData() {
    const n = this.count;
    return this.columns.map((name, c) => {
      const values = this.pending[c] as Pending;
      const kind = this.kinds[c] as ColumnKind;
      // Counters and seeds change little from row to row: delta-encoded.
      if (kind === 'int')
        return {
          name,
          type: 'INT32' as const,
          nullable: false,
          encoding: 'DELTA_BINARY_PACKED' as const,
          data: (values as Int32Array).slice(0, n),
        };
      if (kind === 'int64') {
        const data = new BigInt64Array(n);
        for (let i = 0; i < n; i++) data[i] = BigInt(values[i]);
        return { name, type: 'INT64' as const, nullable: false, encoding: 'DELTA_BINARY_PACKED' as const, data };
      }
      if (kind === 'text') return { name, type: 'STRING' as const, nullable: false, data: (values as Cell[]).slice(0, n).map(String) };
      const doubles = (values as Float64Array).slice(0, n);
      const nulls = this.nulls[c];
      // PLAIN: no dictionary attempt for values that rarely repeat (the writer's slowest step); uncompressed:
      // Snappy saved little of the 200-actor run's bytes for more writing time (docs/development.md).
      const double = { name, type: 'DOUBLE' as const, nullable: kind === 'nullableDouble', encoding: 'PLAIN' as const, codec: CODEC };
      if (!nulls) return { ...double, data: doubles };
      return { ...double, data: Array.from(doubles, (v, i) => (nulls.has(i) ? null : v)) };
    });
  }

  private flush(): void {
    if (this.count === 0 && this.writer) return;
    const columnData = this.columnData();
    this.guard(() => {
      this.writer ??= new ParquetWriter({
        writer: this.sink as Writer,
        schema: schemaFromColumnData({ columnData }),
        statistics: false, // min/max statistics cost much of the writing time; a sweep's readers scan whole files
        createdBy: 'entente',
      });
      if (this.count > 0) this.writer.write({ columnData, rowGroupSize: ROW_GROUP });
    });
    this.count = 0;
    this.nulls.length = 0;
  }

  async close(): Promise<void> {
    this.flush();
    this.guard(() => this.writer?.finish());
  }
}
