/** Chart of `entente calibrate`: each target's simulated value against the observed one, in units of its scale. */
import type { Row } from '../outputs.js';
import { type Chart, CONFIG, type Datum, SCHEMA, WIDTH, ZERO_RULE } from './chart.js';

export function targetsChart(targets: readonly Row[]): Chart {
  const values: Datum[] = targets.map((r) => ({
    target: `${r.indicator} ${r.period} ${r.statistic}`,
    error: (Number(r.simulated) - Number(r.observed)) / Number(r.scale),
    observed: Number(r.observed),
    simulated: Number(r.simulated),
  }));
  const y = { field: 'target', type: 'nominal' as const, title: null };
  return {
    name: 'targets',
    title: 'Calibration: the best point against each observed figure',
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
