/** The report of `entente validate`: the judged figures' forecasts against observations, the PIT histogram, and the table with the three CRPS. */
import type { OutputDir, Row } from './outputs.js';
import type { Content } from './pageContent.js';
import { intervalsChart, pitChart } from './specs/validation.js';
import { significant as sig } from './words.js';

interface Beside {
  readonly figures: number;
  readonly model: number;
  readonly naive: number;
}

export function validationContent(out: OutputDir): Content {
  const rows = out.rows('validation.csv');
  const judged = rows.filter((r) => r.judged === 'true');
  const summary = out.manifest.summary as
    | { figures: number; covered90: number; covered50: number; crps: number; noChange?: Beside; trend?: Beside }
    | undefined;
  const beside = (name: string, b: Beside | undefined) =>
    b ? `${name}: ${sig(b.naive)} against the model’s ${sig(b.model)} over its ${b.figures} figure(s)` : `${name}: no figure has one`;
  const cell = (r: Row, column: string) => (r[column] === '' ? '—' : sig(Number(r[column]) / Number(r.tolerance)));
  return {
    charts: [intervalsChart(judged), pitChart(judged)],
    tables: [
      {
        title: 'Held-out figures',
        columns: [
          'figure',
          'condition',
          'observed',
          'unit',
          'median',
          '90% low',
          '90% high',
          'covered',
          'passed',
          'CRPS',
          'no change',
          'trend',
        ],
        rows: rows.map((r) => [
          r.figure as string,
          r.condition === '' ? '—' : `${r.condition}${r.judged === 'true' ? ' (judged)' : ''}`,
          sig(Number(r.observed)),
          r.unit as string,
          sig(Number(r.median)),
          sig(Number(r.low_90)),
          sig(Number(r.high_90)),
          r.covered_90 === 'true' ? 'yes' : 'missed',
          r.passed === 'true' ? 'pass' : 'fail',
          cell(r, 'crps'),
          cell(r, 'crps_no_change'),
          cell(r, 'crps_trend'),
        ]),
        note: summary
          ? `${summary.figures} judged figure(s): 90% intervals cover ${summary.covered90}, 50% intervals ${summary.covered50}. Mean CRPS in units of each figure’s tolerance (lower is better): model ${sig(summary.crps)}; ${beside('no change', summary.noChange)}; ${beside('trend', summary.trend)}. A naive forecast is a point, scored by its absolute error; a missed figure stays in the table as missed (validation.csv).`
          : 'validation.csv',
      },
    ],
    notes: [],
  };
}
