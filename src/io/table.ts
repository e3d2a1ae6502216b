/**
 * A CSV file's columns declared once, each as its name and the value it reports for a row (as
 * Mesa's DataCollector declares reporters), so a header can never drift from the cells under
 * it. A Table writes its rows as they come (open: io/csvFile.ts) or as one text for a file
 * written atomically in place (text); both write numbers as formatNumber does.
 */
import { stringify } from 'csv-stringify/sync';
import { type Cell, CsvFile } from './csvFile.js';
import { formatNumber } from './formatNumber.js';

/** One column: its name, and what it holds for a row. */
export type Column<T> = readonly [name: string, value: (row: T) => Cell];

/** A boolean column's text. */
export const flag = (b: boolean): string => (b ? 'true' : 'false');

export class Table<T> {
  readonly header: readonly string[];
  private readonly values: readonly ((row: T) => Cell)[];

  constructor(columns: readonly (Column<T> | readonly Column<T>[])[]) {
    const flat = columns.flatMap((c) => (typeof c[0] === 'string' ? [c as Column<T>] : (c as readonly Column<T>[])));
    const seen = new Set<string>();
    for (const [name] of flat) {
      if (seen.has(name)) throw new Error(`column ${name} declared twice`);
      seen.add(name);
    }
    this.header = flat.map(([name]) => name);
    this.values = flat.map(([, value]) => value);
  }

  cells(row: T): Cell[] {
    return this.values.map((value) => value(row));
  }

  /** A file at `path` taking rows one by one; close() it when done. */
  open(path: string): { write(row: T): void; close(): Promise<void> } {
    const file = new CsvFile(path, this.header);
    return { write: (row) => file.write(this.cells(row)), close: () => file.close() };
  }

  /** Every row as one CSV text, header first. */
  text(rows: Iterable<T>): string {
    return stringify([this.header as string[], ...Array.from(rows, (r) => this.cells(r))], { cast: { number: formatNumber } });
  }
}
