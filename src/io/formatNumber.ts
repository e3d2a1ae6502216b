/** How every CSV file writes a number (io/csvFile.ts, io/csvEncoder.ts). */

/**
 * Numbers are written with 7 significant digits (integers exactly): ample for
 * analysis, a third of the size of full doubles, and the same bytes on every machine.
 * NaN (a value that cannot be computed, e.g. a Sobol index of an outcome that does not vary)
 * is an empty field, which every analysts' tool reads as missing; readers use readNumber.
 */
export function formatNumber(v: number): string {
  if (Number.isInteger(v)) return String(v);
  if (Number.isNaN(v)) return '';
  const fixed = v.toPrecision(7);
  // Fast path, same text: a ≤ 7-digit decimal in fixed notation round-trips through a double
  // unchanged (≤ 15 digits always do), so its shortest form is itself without trailing zeros.
  // String() writes exponents below 1e-6, toPrecision from 1e7: those take the slow path.
  if (Math.abs(v) >= 1e-6 && !fixed.includes('e')) return fixed.includes('.') ? withoutTrailingZeros(fixed) : fixed;
  return String(Number(fixed));
}

/** "0.2500000" → "0.25", "12.00000" → "12": what replacing /\.?0+$/ gives, without a regular expression (faster). */
function withoutTrailingZeros(fixed: string): string {
  let end = fixed.length;
  while (fixed.charCodeAt(end - 1) === 48) end--; // '0'
  if (fixed.charCodeAt(end - 1) === 46) end--; // '.'
  return fixed.slice(0, end);
}

/** A number field as formatNumber wrote it: '' (missing) is NaN, where Number('') would be 0. */
export function readNumber(field: string | undefined): number {
  return field === undefined || field === '' ? Number.NaN : Number(field);
}
