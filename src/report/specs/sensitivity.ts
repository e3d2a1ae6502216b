/** Charts of `entente sensitivity`: Sobol indices with intervals, or Morris mu_star against sigma. */
import type { Row } from '../outputs.js';
import { type Chart, CONFIG, type Datum, SCHEMA, WIDTH } from './chart.js';

export function sobolChart(indices: readonly Row[], outcome: string, pair: string): Chart {
  const values: Datum[] = indices
    .filter((r) => r.outcome === outcome && `${r.a}-${r.b}` === pair && (r.index === 'S1' || r.index === 'ST'))
    .map((r) => ({
      parameter: r.parameter as string,
      index: r.index === 'S1' ? 'first order (S1)' : 'total (ST)',
      value: Number(r.value),
      low: r.ci_low === '' ? null : Number(r.ci_low),
      high: r.ci_high === '' ? null : Number(r.ci_high),
    }));
  const y = { field: 'parameter', type: 'nominal' as const, title: null };
  const yOffset = { field: 'index', type: 'nominal' as const };
  return {
    name: 'sobol',
    title: `Sobol indices of ${outcome} (${pair})`,
    caption:
      'Share of the outcome’s variance due to each parameter alone (S1) and with its interactions (ST), Saltelli sampling with Jansen estimators; bars are 95% bootstrap intervals.',
    spec: {
      $schema: SCHEMA,
      config: CONFIG,
      data: { values },
      width: WIDTH - 160,
      height: { step: 18 },
      layer: [
        {
          mark: 'bar',
          encoding: {
            y,
            yOffset,
            x: { field: 'value', type: 'quantitative', title: 'index' },
            color: { field: 'index', type: 'nominal', title: null },
          },
        },
        {
          mark: { type: 'rule', color: 'black' },
          encoding: { y, yOffset, x: { field: 'low', type: 'quantitative' }, x2: { field: 'high' } },
        },
      ],
    },
  };
}

export function morrisChart(indices: readonly Row[], outcome: string, pair: string): Chart {
  const mine = indices.filter((r) => r.outcome === outcome && `${r.a}-${r.b}` === pair);
  const byParameter = new Map<string, Datum>();
  for (const r of mine) {
    const d = byParameter.get(r.parameter as string) ?? { parameter: r.parameter as string };
    d[r.index as string] = Number(r.value);
    byParameter.set(r.parameter as string, d);
  }
  return {
    name: 'morris',
    title: `Morris screening of ${outcome} (${pair})`,
    caption:
      'Each parameter’s mean absolute elementary effect (mu_star: how much it matters) against the spread of its effects (sigma: how much it interacts or acts non-linearly).',
    spec: {
      $schema: SCHEMA,
      config: CONFIG,
      data: { values: [...byParameter.values()] },
      width: 420,
      height: 320,
      layer: [
        {
          mark: { type: 'point', filled: true, size: 70 },
          encoding: {
            x: { field: 'mu_star', type: 'quantitative', title: 'mu_star' },
            y: { field: 'sigma', type: 'quantitative', title: 'sigma' },
          },
        },
        {
          mark: { type: 'text', align: 'left', dx: 6, fontSize: 10 },
          encoding: {
            x: { field: 'mu_star', type: 'quantitative' },
            y: { field: 'sigma', type: 'quantitative' },
            text: { field: 'parameter' },
          },
        },
      ],
    },
  };
}
