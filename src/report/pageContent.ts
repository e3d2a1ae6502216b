/** What a report page holds, whatever its kind: charts, tables and notes (content.ts builds it). */
import type { Table } from './html.js';
import type { Chart } from './specs/chart.js';

export interface Content {
  readonly charts: Chart[];
  readonly tables: Table[];
  readonly notes: string[];
}
