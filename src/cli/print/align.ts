/** A terminal table: each column as wide as its widest cell, text columns to the left, numbers to the right. */
export function aligned(rows: readonly (readonly string[])[], leftColumns: ReadonlySet<number>): string {
  const widths = (rows[0] ?? []).map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return rows
    .map((r) =>
      r
        .map((cell, c) => (leftColumns.has(c) ? cell.padEnd(widths[c]) : cell.padStart(widths[c])))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** A signed number to 4 decimals: +0.0123, −0.0456 as -0.0456. */
export const signed = (x: number): string => (x >= 0 ? '+' : '') + x.toFixed(4);

/** A share as a whole percentage. */
export const percent = (x: number): string => `${(100 * x).toFixed(0)}%`;
