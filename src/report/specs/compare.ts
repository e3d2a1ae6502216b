/** Charts of `entente compare`: the forest plot of lever effects, per-domain effects, robustness across a sweep. */
import type { Row } from '../outputs.js';
import { type Chart, CONFIG, type Datum, SCHEMA, VERDICT_SCALE, WIDTH, ZERO_RULE } from './chart.js';

/** The focus pairs' rows, or every row when the scenario named no focus. */
export function focusRows(levers: readonly Row[]): Row[] {
  const focus = levers.filter((r) => r.focus === 'true');
  return focus.length ? focus : [...levers];
}

/** What a comparison's intervals cover: replications (a bootstrap), or a posterior's particles. */
export interface IntervalBasis {
  readonly particles: number;
  readonly confidence: number;
}

export function forestChart(levers: readonly Row[], posterior?: IntervalBasis): Chart {
  const values: Datum[] = focusRows(levers).map((r) => ({
    lever: r.lever as string,
    pair: `${r.a}-${r.b}`,
    delta: Number(r.delta_mean),
    low: Number(r.ci_low),
    high: Number(r.ci_high),
    verdict: r.verdict as string,
    p_closer: Number(r.p_closer),
    ...(posterior ? { p_apart: Number(r.prob_apart), p_most_dividing: Number(r.p_rank_1) } : {}),
  }));
  const pairs = new Set(values.map((v) => v.pair)).size;
  const y = { field: 'lever', type: 'nominal' as const, sort: { field: 'delta', order: 'descending' as const }, title: null };
  return {
    name: 'forest',
    title: 'Which levers push the partners closer, and how sure we are',
    caption: posterior
      ? `Each lever’s posterior mean change in final depth against the baseline (point), with its 90% credible interval over the ${posterior.particles} particles of a calibrated posterior (bar); coloured by verdict: closer or apart where that probability is at least ${posterior.confidence}, negligible where a change below the minimum effect is, uncertain otherwise. The interval covers the parameters the record leaves uncertain (and the little model noise left), not the model’s structural error. Right of zero: closer; left: apart.`
      : 'Each lever’s mean paired change in final depth against the baseline on the same seeds (point), with its 95% bootstrap interval (bar): it covers the model’s own noise only, not uncertainty about the parameters; coloured by verdict against the minimum effect. Right of zero: closer; left: apart.',
    spec: {
      $schema: SCHEMA,
      config: CONFIG,
      data: { values },
      ...(pairs > 1
        ? { facet: { row: { field: 'pair', type: 'nominal' as const, title: null } }, spec: forestLayers(y, posterior !== undefined) }
        : forestLayers(y, posterior !== undefined)),
    } as Chart['spec'],
  };
}

function forestLayers(y: object, posterior: boolean) {
  return {
    width: WIDTH - 120,
    height: { step: 28 },
    layer: [
      ZERO_RULE,
      {
        mark: { type: 'rule', strokeWidth: 3 },
        encoding: {
          y,
          x: { field: 'low', type: 'quantitative', title: 'Δ final depth (lever − baseline)' },
          x2: { field: 'high' },
          color: { field: 'verdict', type: 'nominal', scale: VERDICT_SCALE },
        },
      },
      {
        mark: { type: 'point', filled: true, size: 80 },
        encoding: {
          y,
          x: { field: 'delta', type: 'quantitative' },
          color: { field: 'verdict', type: 'nominal', scale: VERDICT_SCALE, title: 'verdict' },
          tooltip: [
            { field: 'lever' },
            { field: 'delta', format: '+.4f' },
            { field: 'low', format: '+.4f' },
            { field: 'high', format: '+.4f' },
            { field: 'p_closer' },
            ...(posterior ? [{ field: 'p_apart' }, { field: 'p_most_dividing' }] : []),
          ],
        },
      },
    ],
  };
}

export function domainChart(levers: readonly Row[], domains: readonly string[]): Chart {
  const values: Datum[] = focusRows(levers).flatMap((r) =>
    domains.map((d) => ({ lever: r.lever as string, pair: `${r.a}-${r.b}`, domain: d, delta: Number(r[`delta_${d}`]) })),
  );
  return {
    name: 'domains',
    title: 'Where each lever moves the partnership, domain by domain',
    caption: 'Mean paired change in the mutual commitment min(c_ab, c_ba) of each domain at the end of the run. Red: closer; blue: apart.',
    spec: {
      $schema: SCHEMA,
      config: CONFIG,
      data: { values },
      width: { step: 70 },
      height: { step: 28 },
      layer: [
        {
          mark: 'rect',
          encoding: {
            x: { field: 'domain', type: 'nominal', sort: [...domains], title: null, axis: { orient: 'top', labelAngle: 0, grid: false } },
            y: { field: 'lever', type: 'nominal', title: null, axis: { grid: false } },
            color: { field: 'delta', type: 'quantitative', scale: { scheme: 'redblue', reverse: true, domainMid: 0 }, title: 'Δ mutual' },
          },
        },
        {
          mark: { type: 'text', fontSize: 10 },
          encoding: {
            x: { field: 'domain', type: 'nominal', sort: [...domains] },
            y: { field: 'lever', type: 'nominal' },
            text: { field: 'delta', type: 'quantitative', format: '+.3f' },
          },
        },
      ],
    },
  };
}

/** compare across a sweep: each lever's mean effect, with its best and worst case over the points. */
export function robustnessChart(rows: readonly Row[]): Chart {
  const focus = rows.filter((r) => r.a === rows[0]?.a && r.b === rows[0]?.b);
  const values: Datum[] = focus.map((r) => ({
    lever: r.lever as string,
    mean: Number(r.mean_effect),
    worst: Number(r.worst_case),
    best: Number(r.best_case),
    share_closer: Number(r.share_closer),
    regret: Number(r.mean_regret),
  }));
  const y = { field: 'lever', type: 'nominal' as const, sort: { field: 'mean', order: 'ascending' as const }, title: null };
  return {
    name: 'robustness',
    title: `Levers across the sweep's points (${rows[0]?.a}-${rows[0]?.b})`,
    caption:
      'Per lever: mean change in final depth over the points (point), from its best case (most apart) to its worst case (most closer) (bar); colour: share of points where it pushes the pair closer.',
    spec: {
      $schema: SCHEMA,
      config: CONFIG,
      data: { values },
      width: WIDTH - 120,
      height: { step: 28 },
      layer: [
        ZERO_RULE,
        {
          mark: { type: 'rule', strokeWidth: 3, color: '#aab7b8' },
          encoding: { y, x: { field: 'best', type: 'quantitative', title: 'Δ final depth' }, x2: { field: 'worst' } },
        },
        {
          mark: { type: 'point', filled: true, size: 80 },
          encoding: {
            y,
            x: { field: 'mean', type: 'quantitative' },
            color: { field: 'share_closer', type: 'quantitative', scale: { scheme: 'reds', domain: [0, 1] }, title: 'share closer' },
          },
        },
      ],
    },
  };
}
