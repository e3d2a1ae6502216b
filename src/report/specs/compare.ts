/** Charts of `entente compare`: the forest plot of lever effects, per-domain effects, robustness across a sweep. */
import { type Labels, leverLabel, pairKeyName } from '../labels.js';
import type { Row } from '../outputs.js';
import { interval, percent, signed } from '../words.js';
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
  /** How many parameters the posterior varies (what its probabilities are over). */
  readonly parameters?: number;
}

/** A lever’s effect in one sentence, what its probability covers said in it: "China and Russia move closer in 100% of the worlds the posterior holds plausible, a probability over its 16 calibrated parameters and not over …". */
function effectSentence(r: Row, labels: Labels, posterior: IntervalBasis | undefined): string {
  const [a, b] = (pairKeyName(labels, `${r.a}-${r.b}`) as string).split('–');
  const delta = Number(r.delta_mean);
  const closer = delta > 0;
  const verb = `${a} and ${b} move ${closer ? 'closer' : 'apart'}`;
  const spread = interval(Number(r.ci_low), Number(r.ci_high));
  if (posterior) {
    const p = Number(closer ? r.prob_closer : r.prob_apart);
    // What the probability covers, in the sentence that states it: the calibrated parameters, not the structure.
    const over = posterior.parameters ? `its ${posterior.parameters} calibrated parameters` : 'its calibrated parameters';
    return `${verb} in ${percent(p)} of the worlds the posterior holds plausible, a probability over ${over} and not over the model’s structure or the settings it holds fixed (Δ depth ${signed(delta)}, 90% credible ${spread})`;
  }
  return `${verb} (Δ depth ${signed(delta)}, 95% interval over the model’s noise ${spread})`;
}

/**
 * Where each lever's sign turns over the prior, in words (signs.csv's, for final depth on the focus
 * pair), keyed by turnKey: a robustness study's report says it in the sentence that states the verdict.
 */
export type SignTurns = ReadonlyMap<string, string>;

/** A lever on a pair, as SignTurns keys it. */
export const turnKey = (r: Row): string => `${r.lever}|${r.a}-${r.b}`;

/** The forest plot's headline: the strongest lever each way with a decisive verdict, else the largest effect and why it is not decisive. */
export function forestHeadline(rows: readonly Row[], labels: Labels, posterior: IntervalBasis | undefined, turns?: SignTurns): string {
  // Decisive on every declared outcome (outcome_verdict), where the comparison declared several.
  const decisive = (verdict: string) =>
    rows
      .filter((r) => r.verdict === verdict && (r.outcome_verdict === undefined || r.outcome_verdict === verdict))
      .sort((p, q) => Math.abs(Number(q.delta_mean)) - Math.abs(Number(p.delta_mean)))[0];
  const closer = decisive('closer');
  const apart = decisive('apart');
  const lead = (r: Row) => leverLabel(labels, r.lever as string);
  const turn = (r: Row) => {
    const words = turns?.get(turnKey(r));
    return words ? `; ${words}` : '';
  };
  const parts = [closer, apart]
    .filter((r): r is Row => r !== undefined)
    .map((r) => `under ${lead(r)}, ${effectSentence(r, labels, posterior)}${turn(r)}`);
  const depends = rows.filter((r) => r.outcome_verdict === 'depends on outcome').map((r) => `${lead(r)} (${r.lever})`);
  const caveat = depends.length ? ` The verdict of ${depends.join(', ')} depends on the outcome chosen (table below).` : '';
  if (parts.length > 0) {
    const text = parts.join('; ');
    return `${text[0]?.toUpperCase()}${text.slice(1)}.${caveat}`;
  }
  const largest = [...rows].sort((p, q) => Math.abs(Number(q.delta_mean)) - Math.abs(Number(p.delta_mean)))[0];
  return largest
    ? `No lever moves the pair decisively: under the largest, ${lead(largest)}, ${effectSentence(largest, labels, posterior)}${turn(largest)}; its verdict is ${largest.verdict}.${caveat}`
    : 'No levers to compare.';
}

export function forestChart(levers: readonly Row[], posterior: IntervalBasis | undefined, labels: Labels, turns?: SignTurns): Chart {
  const rows = focusRows(levers);
  const values: Datum[] = rows.map((r) => ({
    lever: leverLabel(labels, r.lever as string),
    description: labels.levers[r.lever as string] ?? (r.lever as string),
    pair: pairKeyName(labels, `${r.a}-${r.b}`),
    delta: Number(r.delta_mean),
    low: Number(r.ci_low),
    high: Number(r.ci_high),
    verdict: r.verdict as string,
    p_closer: Number(r.p_closer),
    ...(posterior ? { p_apart: Number(r.prob_apart), p_most_dividing: Number(r.p_rank_1) } : {}),
  }));
  const pairs = new Set(values.map((v) => v.pair)).size;
  const y = {
    field: 'lever',
    type: 'nominal' as const,
    sort: { field: 'delta', order: 'descending' as const },
    title: null,
    axis: { labelLimit: 320 },
  };
  return {
    name: 'forest',
    title: 'Which levers push the partners closer, and how sure we are',
    headline: forestHeadline(rows, labels, posterior, turns),
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
        mark: { type: 'rule', strokeWidth: 5, strokeCap: 'round' },
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
            { field: 'description', title: 'lever' },
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

export function domainChart(levers: readonly Row[], domains: readonly string[], labels: Labels): Chart {
  const rows = focusRows(levers);
  // The forest plot's order (largest Δ depth first), so a lever sits on the same row in both.
  const order = [...rows].sort((p, q) => Number(q.delta_mean) - Number(p.delta_mean)).map((r) => leverLabel(labels, r.lever as string));
  const values: Datum[] = rows.flatMap((r) =>
    domains.map((d) => ({
      lever: leverLabel(labels, r.lever as string),
      pair: pairKeyName(labels, `${r.a}-${r.b}`),
      domain: d,
      delta: Number(r[`delta_${d}`]),
    })),
  );
  const largest = [...values].sort((p, q) => Math.abs(Number(q.delta)) - Math.abs(Number(p.delta)))[0];
  const extent = Math.max(1e-12, ...values.map((v) => Math.abs(Number(v.delta))));
  const pairsShown = [...new Set(values.map((v) => v.pair))].join(', ');
  const y = { field: 'lever', type: 'nominal' as const, sort: order, title: null, axis: { labelLimit: 320, grid: false } };
  return {
    name: 'domains',
    title: `Where each lever moves ${pairsShown}, domain by domain`,
    headline: largest
      ? `The largest change in a single domain: ${largest.lever} moves mutual ${largest.domain} commitment by ${signed(Number(largest.delta))}.`
      : 'No domain changes to show.',
    caption: `Mean paired change, lever against baseline, in the mutual commitment min(c_ab, c_ba) of ${pairsShown} in each domain at the end of the run. Red: closer; blue: apart.`,
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
            y,
            color: { field: 'delta', type: 'quantitative', scale: { scheme: 'redblue', reverse: true, domainMid: 0 }, title: 'Δ mutual' },
          },
        },
        {
          mark: { type: 'text', fontSize: 10 },
          encoding: {
            x: { field: 'domain', type: 'nominal', sort: [...domains] },
            y,
            text: { field: 'delta', type: 'quantitative', format: '+.3f' },
            // White on the darker cells, dark on the light ones.
            color: { condition: { test: `abs(datum.delta) > ${0.55 * extent}`, value: 'white' }, value: '#222222' },
          },
        },
      ],
    },
  };
}

/** compare across a sweep: each lever's mean effect, with its best and worst case over the points. */
export function robustnessChart(rows: readonly Row[], labels: Labels): Chart {
  const focus = rows.filter((r) => r.a === rows[0]?.a && r.b === rows[0]?.b);
  const values: Datum[] = focus.map((r) => ({
    lever: leverLabel(labels, r.lever as string),
    mean: Number(r.mean_effect),
    worst: Number(r.worst_case),
    best: Number(r.best_case),
    share_closer: Number(r.share_closer),
    regret: Number(r.mean_regret),
  }));
  const y = {
    field: 'lever',
    type: 'nominal' as const,
    sort: { field: 'mean', order: 'ascending' as const },
    title: null,
    axis: { labelLimit: 320 },
  };
  const pair = pairKeyName(labels, `${rows[0]?.a}-${rows[0]?.b}`);
  const worst = [...values].sort((p, q) => Number(q.share_closer) - Number(p.share_closer))[0];
  const safest = [...values].sort((p, q) => Number(p.worst) - Number(q.worst))[0];
  return {
    name: 'robustness',
    title: `Levers across the sweep’s points: ${pair}`,
    headline:
      worst && safest
        ? `Under ${worst.lever}, ${pair} moves closer at ${percent(Number(worst.share_closer))} of the points; ` +
          `under ${safest.lever}, the worst case is mildest (Δ depth ${signed(Number(safest.worst))} at most).`
        : 'No levers to show.',
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
          mark: { type: 'rule', strokeWidth: 4, strokeCap: 'round', color: '#c8cdd0' },
          encoding: { y, x: { field: 'best', type: 'quantitative', title: 'Δ final depth' }, x2: { field: 'worst' } },
        },
        {
          mark: { type: 'point', filled: true, size: 80 },
          encoding: {
            y,
            x: { field: 'mean', type: 'quantitative' },
            // From blue (never closer) through grey to red (always closer): no pale point on the grey bar.
            color: {
              field: 'share_closer',
              type: 'quantitative',
              scale: { domain: [0, 0.5, 1], range: ['#2471a3', '#7f8c8d', '#c0392b'] },
              title: 'share closer',
            },
            stroke: { value: '#333333' },
            strokeWidth: { value: 0.6 },
          },
        },
      ],
    },
  };
}
