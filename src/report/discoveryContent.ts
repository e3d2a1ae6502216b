/** What a discover folder's report shows: PRIM's peeling trajectory and the box, with its restrictions' quasi-p-values. */
import { join } from 'node:path';
import { labelsFor } from './outputLabels.js';
import type { OutputDir } from './outputs.js';
import type { Content } from './pageContent.js';
import { boxChart, trajectoryChart } from './specs/discovery.js';
import { parameterWords } from './words.js';

const num = (v: string | undefined): number | string => (v === undefined || v === '' ? '' : Number(v));

/** A discover folder: the peeling trajectory and the box, with the box's restrictions and their quasi-p-values. */
export function discoveryContent(out: OutputDir): Content {
  const labels = labelsFor(out);
  const box = out.rows('discovery.csv');
  const trajectory = out.has('trajectory.csv') ? out.rows('trajectory.csv') : [];
  // Each parameter's swept range, from the baseline sweep's points.
  const points = out.has(join('arms', 'baseline', 'points.csv')) ? out.rows(join('arms', 'baseline', 'points.csv')) : [];
  const ranges = new Map(
    box.map((r) => {
      const vs = points.map((p) => Number(p[r.parameter as string])).filter(Number.isFinite);
      return [
        r.parameter as string,
        (vs.length ? [Math.min(...vs), Math.max(...vs)] : [Number(r.low), Number(r.high)]) as [number, number],
      ];
    }),
  );
  const notes =
    trajectory.length === 0
      ? ['This discovery was written before trajectory.csv existed: run entente discover again for its trajectory.']
      : [];
  return {
    charts: [...(trajectory.length > 0 ? [trajectoryChart(trajectory, box)] : []), boxChart(box, labels, ranges)],
    tables: [
      {
        title: 'The box',
        columns: ['parameter', 'low', 'high', 'restricted', 'quasi-p'],
        rows: box.map((r) => [
          `${parameterWords(r.parameter as string, labels)} (${r.parameter})`,
          Number(r.low),
          Number(r.high),
          r.restricted as string,
          num(r.quasi_p),
        ]),
        note: `Coverage ${box[0]?.coverage}, density ${box[0]?.density}: ${box[0]?.in_box} points in the box, ${box[0]?.cases} of ${box[0]?.points} points meet ${box[0]?.condition} (discovery.csv).`,
      },
    ],
    notes,
  };
}
