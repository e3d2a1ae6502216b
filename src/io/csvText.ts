/**
 * CSV records assembled from parts, every field still encoded by csv-stringify.
 * csv-stringify encodes (and, where needed, quotes) field by field and joins
 * the fields with commas, so a record's text is its parts' texts joined by
 * commas, provided each part stands for one field or more. A sweep uses this
 * to encode what a point shares (parameter values, pair ids) once, not on
 * every row: csv-stringify costs about 0.4 µs a field and 3 µs a call, and a
 * run writes one row per pair.
 */
import { stringify } from 'csv-stringify/sync';
import { formatNumber } from './formatNumber.js';

/** A CSV field: text, or a number written as formatNumber writes it. */
export type Cell = string | number;

const OPTIONS = { cast: { number: formatNumber }, eof: false };

/** One record's text, without a line end. */
export function recordText(fields: readonly Cell[]): string {
  return stringify([fields], OPTIONS);
}

/**
 * The texts of several records from one csv-stringify call. Only for records
 * of numbers and digit strings: their text holds no line end, so cutting the
 * joint text at line ends gives each record's text.
 */
export function plainRecordTexts(records: readonly (readonly (number | string)[])[]): string[] {
  if (records.length === 0) return [];
  const texts = stringify(records as (number | string)[][], OPTIONS).split('\n');
  if (texts.length !== records.length) throw new Error(`plainRecordTexts: a field holds a line end (${records.length} records)`);
  return texts;
}
