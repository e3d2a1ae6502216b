/** Chart of `entente calibrate`: each target's simulated value against the observed one, in units of its scale. */
import type { Row } from '../outputs.js';
import { signed, words } from '../words.js';
import { type Chart, CONFIG, type Datum, SCHEMA, WIDTH, ZERO_RULE } from './chart.js';

export function targetsChart(targets: readonly Row[]): Chart {
  const errors = targets.map((r) => ({ r, e: (Number(r.simulated) - Number(r.observed)) / Number(r.scale) }));
  const within = errors.filter((x) => Math.abs(x.e) <= 1).length;
  const worst = [...errors].sort((p, q) => Math.abs(q.e) - Math.abs(p.e))[0];
  const values: Datum[] = targets.map((r) => ({
    target: `${words(r.indicator as string)} ${r.period} (${r.statistic})`,
    error: (Number(r.simulated) - Number(r.observed)) / Number(r.scale),
    observed: Number(r.observed),
    simulated: Number(r.simulated),
  }));
  const y = { field: 'target', type: 'nominal' as const, title: null };
  return {
    name: 'targets',
    title: 'Calibration: the best point against each observed figure',
    headline: worst
      ? `${within} of ${targets.length} targets are met within one scale; the furthest off is ${words(worst.r.indicator as string)} ${worst.r.period} ` +
        `(simulated ${Number(Number(worst.r.simulated).toPrecision(3))}, observed ${Number(Number(worst.r.observed).toPrecision(3))}: ${signed(worst.e, 1)} scales).`
      : 'No targets.',
    caption:
      '(simulated − observed) / scale for each target at the best point: 0 is a perfect fit; the band marks ±1 scale, the error that counts as 1 in the loss.',
    spec: {
      $schema: SCHEMA,
      config: CONFIG,
      width: WIDTH - 200,
      height: { step: 30 },
      layer: [
        {
          data: { values: [{ lo: -1, hi: 1 }] },
          mark: { type: 'rect', color: '#eaf2f8' },
          encoding: { x: { field: 'lo', type: 'quantitative' }, x2: { field: 'hi' } },
        },
        ZERO_RULE,
        {
          data: { values },
          mark: { type: 'point', filled: true, size: 90, color: '#c0392b' },
          encoding: {
            y,
            x: { field: 'error', type: 'quantitative', title: '(simulated − observed) / scale' },
            tooltip: [{ field: 'target' }, { field: 'observed' }, { field: 'simulated' }],
          },
        },
      ],
    },
  };
}
