/**
 * A Parquet file written as rows come, for big runs (`--format parquet`): rows are held by
 * column and written as row groups of 128 Ki rows through hyparquet-writer (pure JavaScript,
 * one small dependency, deterministic bytes: no timestamps in the file), so memory stays flat.
 * The same interface as CsvFile. Numbers are kept at full precision (CSV rounds to 7
 * significant digits). Standard Parquet (data pages v2, Snappy), for pandas, Polars, R's arrow
 * and DuckDB; read back here with hyparquet, the only reader these machines have.
 */
import { fileWriter, ParquetWriter, schemaFromColumnData } from 'hyparquet-writer';
import type { Cell } from './csvFile.js';
import { fromSystemError } from './systemError.js';

/** How a column is stored: 32-bit integers, 64-bit integers (seeds), doubles (nullable), UTF-8 text. */
export type ColumnKind = 'int' | 'int64' | 'double' | 'text';

const ROW_GROUP = 1 << 17;

type Writer = ReturnType<typeof fileWriter>;

/** One column's pending values: typed where the kind allows. */
type Pending = Int32Array | Float64Array | Cell[];

export class ParquetFile {
  private readonly pending: Pending[];
  private count = 0;
  private writer: ParquetWriter | undefined;
  private sink: Writer | undefined;
  rows = 0;

  constructor(
    readonly path: string,
    private readonly columns: readonly string[],
    private readonly kinds: readonly ColumnKind[],
  ) {
    this.pending = kinds.map((kind) =>
      kind === 'int' ? new Int32Array(ROW_GROUP) : kind === 'double' ? new Float64Array(ROW_GROUP) : new Array<Cell>(ROW_GROUP),
    );
    this.guard(() => {
      this.sink = fileWriter(path);
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

  write(row: readonly Cell[]): void {
    const at = this.count;
    for (let c = 0; c < this.pending.length; c++) {
      const cell = row[c] as Cell;
      const column = this.pending[c] as Pending;
      if (column instanceof Float64Array) {
        if (typeof cell === 'number') column[at] = cell;
        else {
          // '' where a value does not apply (actors.csv's welfare): null in Parquet.
          column[at] = Number.NaN;
          const nulls = this.nulls[c] ?? new Set<number>();
          nulls.add(at);
          this.nulls[c] = nulls;
        }
      } else column[at] = cell as never;
    }
    this.count++;
    this.rows++;
    if (this.count === ROW_GROUP) this.flush();
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
        for (let i = 0; i < n; i++) data[i] = BigInt(values[i] as number);
        return { name, type: 'INT64' as const, nullable: false, encoding: 'DELTA_BINARY_PACKED' as const, data };
      }
      if (kind === 'text') return { name, type: 'STRING' as const, nullable: false, data: (values as Cell[]).slice(0, n).map(String) };
      const doubles = (values as Float64Array).slice(0, n);
      const nulls = this.nulls[c];
      // PLAIN: no dictionary attempt for values that rarely repeat (the writer's slowest step).
      const encoding = 'PLAIN' as const;
      if (!nulls) return { name, type: 'DOUBLE' as const, nullable: true, encoding, data: doubles };
      return { name, type: 'DOUBLE' as const, nullable: true, encoding, data: Array.from(doubles, (v, i) => (nulls.has(i) ? null : v)) };
    });
  }

  private flush(): void {
    if (this.count === 0 && this.writer) return;
    const columnData = this.columnData();
    this.guard(() => {
      this.writer ??= new ParquetWriter({
        writer: this.sink as Writer,
        schema: schemaFromColumnData({ columnData }),
        statistics: false, // min/max statistics cost a third of the writing time; a sweep's readers scan whole files
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
