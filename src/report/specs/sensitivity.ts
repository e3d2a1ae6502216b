/** Charts of `entente sensitivity`: Sobol indices with intervals, or Morris mu_star against sigma. */
import { readNumber } from '../../io/formatNumber.js';
import { type Labels, pairKeyName } from '../labels.js';
import type { Row } from '../outputs.js';
import { fixed, parameterWords, sentence } from '../words.js';
import { type Chart, CONFIG, type Datum, SCHEMA, WIDTH } from './chart.js';
import { outcomeWords } from './sweep.js';

export function sobolChart(indices: readonly Row[], outcome: string, pair: string, labels: Labels): Chart {
  const values: Datum[] = indices
    .filter((r) => r.outcome === outcome && `${r.a}-${r.b}` === pair && (r.index === 'S1' || r.index === 'ST'))
    .map((r) => ({
      parameter: parameterWords(r.parameter as string, labels),
      index: r.index === 'S1' ? 'first order (S1)' : 'total (ST)',
      value: readNumber(r.value),
      low: r.ci_low === '' ? null : Number(r.ci_low),
      high: r.ci_high === '' ? null : Number(r.ci_high),
    }))
    .filter((v) => !Number.isNaN(v.value)); // an outcome that does not vary has no share of variance to show
  const y = { field: 'parameter', type: 'nominal' as const, title: null };
  const yOffset = { field: 'index', type: 'nominal' as const };
  const total = values.filter((v) => v.index === 'total (ST)').sort((p, q) => Number(q.value) - Number(p.value));
  const first = (param: string) => values.find((v) => v.parameter === param && v.index === 'first order (S1)');
  const lead = total[0];
  const [what, pairName] = [outcomeWords(outcome), pairKeyName(labels, pair)];
  return {
    name: 'sobol',
    title: `What drives ${what} of ${pairName}: Sobol indices`,
    headline: lead
      ? sentence(
          `${lead.parameter} accounts for the largest share of the variance of ${what}: ${fixed(Number(first(lead.parameter as string)?.value ?? Number.NaN), 2)} alone, ` +
            `${fixed(Number(lead.value), 2)} with its interactions` +
            (total[1] ? `; next is ${total[1].parameter} (total ${fixed(Number(total[1].value), 2)}).` : '.'),
        )
      : 'No indices to show.',
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

export function morrisChart(indices: readonly Row[], outcome: string, pair: string, labels: Labels): Chart {
  const mine = indices.filter((r) => r.outcome === outcome && `${r.a}-${r.b}` === pair);
  const byParameter = new Map<string, Datum>();
  for (const r of mine) {
    const d = byParameter.get(r.parameter as string) ?? { parameter: parameterWords(r.parameter as string, labels) };
    d[r.index as string] = readNumber(r.value);
    if (r.index === 'mu_star' && r.ci_low !== '' && r.ci_low !== undefined) {
      d.mu_star_low = Number(r.ci_low);
      d.mu_star_high = Number(r.ci_high);
    }
    byParameter.set(r.parameter as string, d);
  }
  const ranked = [...byParameter.values()].sort((p, q) => Number(q.mu_star) - Number(p.mu_star));
  // Does the leader's interval clear the runner-up's? If not, the order of the two is not settled.
  const settled =
    ranked[1] === undefined || Number(ranked[0]?.mu_star_low ?? ranked[0]?.mu_star) > Number(ranked[1].mu_star_high ?? ranked[1].mu_star);
  const [what, pairName] = [outcomeWords(outcome), pairKeyName(labels, pair)];
  return {
    name: 'morris',
    title: `What drives ${what} of ${pairName}: Morris screening`,
    headline: ranked[0]
      ? sentence(
          `${ranked[0].parameter} matters most to ${what} (mu_star ${fixed(Number(ranked[0].mu_star), 3)}, sigma ${fixed(Number(ranked[0].sigma), 3)})` +
            (ranked[1]
              ? `; next is ${ranked[1].parameter} (mu_star ${fixed(Number(ranked[1].mu_star), 3)})${settled ? '.' : ', within the uncertainty of the first.'}`
              : '.'),
        )
      : 'No indices to show.',
    caption:
      'Each parameter’s mean absolute elementary effect (mu_star: how much it matters), with its 95% bootstrap interval over the trajectories (bar), against the spread of its effects (sigma: how much it interacts or acts non-linearly).',
    spec: {
      $schema: SCHEMA,
      config: CONFIG,
      data: { values: [...byParameter.values()] },
      width: 420,
      height: 320,
      layer: [
        {
          transform: [{ filter: 'isValid(datum.mu_star_low)' }],
          mark: { type: 'rule', color: '#7f8c8d', strokeWidth: 2 },
          encoding: {
            x: { field: 'mu_star_low', type: 'quantitative' },
            x2: { field: 'mu_star_high' },
            y: { field: 'sigma', type: 'quantitative' },
          },
        },
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
