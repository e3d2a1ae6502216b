/**
 * Charts of a posterior (`entente calibrate --method abc`): the tolerance schedule, each
 * parameter's weighted marginal against its prior range, the particles of the most constrained
 * parameters pair by pair, and every observable's posterior predictive band with the observed
 * figures.
 */
import { weightedMean } from '../../compare/stats.js';
import { type Labels, observableTitle } from '../labels.js';
import type { Row } from '../outputs.js';
import { fixed, parameterWords, percent } from '../words.js';
import { byParameter, type Chart, CONFIG, type Datum, indicatorChart, SCHEMA, scaleAnchors, WIDTH } from './chart.js';
import type { ObservedPoint } from './observables.js';

/** A parameter of the posterior: its particles' values and its prior's range. */
export interface Marginal {
  readonly path: string;
  readonly values: Float64Array;
  readonly min: number;
  readonly max: number;
}

const BINS = 20;

/** A parameter path as a Vega-Lite field name: its dots are part of the name, not nested access. */
const literal = (path: string) => path.replace(/\./g, '\\.');

export function toleranceChart(generations: readonly Row[]): Chart {
  const values: Datum[] = generations
    .filter((g) => Number.isFinite(Number(g.tolerance)))
    .flatMap((g) => [
      { generation: Number(g.generation), measure: 'tolerance (distance)', value: Number(g.tolerance) },
      { generation: Number(g.generation), measure: 'acceptance rate', value: Number(g.acceptance_rate) },
      { generation: Number(g.generation), measure: 'effective sample size', value: Number(g.ess) },
    ]);
  const last = [...generations].filter((g) => Number.isFinite(Number(g.tolerance))).at(-1);
  return {
    name: 'tolerance',
    headline: last
      ? `After ${last.generation} generations the tolerance is ${fixed(Number(last.tolerance), 2)}, with ${percent(Number(last.acceptance_rate))} of proposals accepted and an effective sample size of ${Math.round(Number(last.ess))}.`
      : 'No generation beyond the prior.',
    title: 'How the posterior was reached: tolerance, acceptance and effective sample size by generation',
    caption:
      'ABC-SMC: each generation keeps particles whose distance to the observed figures (√loss, in units of each target’s scale) is within the tolerance; the tolerance falls to the median distance of the last generation. Generation 0 (the prior, tolerance ∞) is not shown.',
    spec: {
      $schema: SCHEMA,
      config: CONFIG,
      data: { values },
      facet: {
        row: { field: 'measure', type: 'nominal', title: null, header: { labelAngle: 0, labelOrient: 'top', labelAnchor: 'start' } },
      },
      resolve: { scale: { y: 'independent' } },
      spec: {
        width: WIDTH,
        height: 90,
        mark: { type: 'line', point: true, color: '#2471a3' },
        encoding: {
          x: { field: 'generation', type: 'quantitative', title: 'generation', axis: { tickMinStep: 1 } },
          y: { field: 'value', type: 'quantitative', title: null, scale: { zero: false } },
        },
      },
    },
  };
}

/** Weighted histograms of each parameter over its prior range (20 bins): where the data moved it. */
/** Posterior sd of a parameter over its prior's (uniform: range / √12), for weights that sum to 1: below 1, the record narrows it. */
export function narrowing(m: Marginal, weights: Float64Array): number {
  const mean = weightedMean(m.values, weights);
  const sd = Math.sqrt(
    weightedMean(
      Float64Array.from(m.values, (v) => (v - mean) ** 2),
      weights,
    ),
  );
  return sd / ((m.max - m.min) / Math.sqrt(12));
}

export function marginalsChart(marginals: readonly Marginal[], weights: Float64Array, labels: Labels): Chart {
  const values: Datum[] = marginals.flatMap((m) => {
    const width = (m.max - m.min) / BINS;
    const mass = new Float64Array(BINS);
    m.values.forEach((v, i) => {
      const b = Math.min(BINS - 1, Math.max(0, Math.floor((v - m.min) / width)));
      mass[b] += weights[i];
    });
    return Array.from(mass, (p, b) => ({
      parameter: parameterWords(m.path, labels),
      from: m.min + b * width,
      to: m.min + (b + 1) * width,
      mass: p,
    }));
  });
  const ranked = marginals.map((m) => ({ m, r: narrowing(m, weights) })).sort((p, q) => p.r - q.r);
  const most = ranked[0];
  const least = ranked.at(-1);
  return {
    name: 'marginals',
    headline:
      most && least
        ? `The record pins down ${parameterWords(most.m.path, labels)} most (posterior spread ${percent(most.r)} of the prior’s) and says least about ${parameterWords(least.m.path, labels)} (${percent(least.r)}).`
        : 'No parameters.',
    title: 'What the record says about each parameter: posterior against the prior range',
    caption: `Each parameter’s posterior (weighted share of particles in ${BINS} equal bins over its prior range). A flat posterior over the whole range: the observed figures say little about it; a narrow one: they pin it down.`,
    spec: byParameter(values, {
      width: 140,
      height: 70,
      mark: { type: 'rect', color: '#2471a3' },
      encoding: {
        x: { field: 'from', type: 'quantitative', title: null, scale: { zero: false } },
        x2: { field: 'to' },
        y: { field: 'mass', type: 'quantitative', title: null, axis: { format: '.0%' } },
      },
    }),
  };
}

/** The particles of the most constrained parameters, pair by pair; point size is weight. */
export function pairsChart(marginals: readonly Marginal[], weights: Float64Array, labels: Labels): Chart {
  const values: Datum[] = Array.from(weights, (w, i) => {
    const d: Datum = { weight: w };
    for (const m of marginals) d[m.path] = m.values[i];
    return d;
  });
  const pairs = marginals.flatMap((a, i) => marginals.slice(i + 1).map((b) => [a, b] as const));
  const names = marginals.map((m) => parameterWords(m.path, labels));
  return {
    name: 'pairs',
    headline:
      names.length > 1
        ? `The parameters the record narrows most: ${names.join(', ')}.`
        : `The parameter the record narrows most: ${names[0] ?? 'none'}.`,
    title: 'The most constrained parameters, pair by pair',
    caption:
      'Each particle of the posterior (size: its weight) for the parameters the data narrow most (posterior sd smallest against the prior range). A diagonal cloud: the figures fix a combination of the two, not each alone.',
    spec: {
      $schema: SCHEMA,
      config: CONFIG,
      data: { values },
      hconcat: pairs.map(([a, b]) => ({
        width: 180,
        height: 180,
        mark: { type: 'circle', color: '#2471a3', opacity: 0.5 },
        encoding: {
          x: { field: literal(a.path), type: 'quantitative', title: parameterWords(a.path, labels), scale: { domain: [a.min, a.max] } },
          y: { field: literal(b.path), type: 'quantitative', title: parameterWords(b.path, labels), scale: { domain: [b.min, b.max] } },
          size: { field: 'weight', type: 'quantitative', legend: null, scale: { range: [4, 60] } },
        },
      })),
    } as Chart['spec'],
  };
}

/** Each observable's posterior predictive (median, 50% and 90% bands) with the observed figures. */
export function predictiveChart(predictive: readonly Row[], observed: readonly ObservedPoint[], labels: Labels): Chart {
  const at = new Map(predictive.map((r) => [`${r.indicator}|${(r.date as string).slice(0, 7)}`, r]));
  const judged = observed.flatMap((o) => {
    const r = at.get(`${o.indicator}|${o.date.slice(0, 7)}`);
    return r ? [Number(r.q05) <= o.value && o.value <= Number(r.q95)] : [];
  });
  const inside = judged.filter(Boolean).length;
  const values: Datum[] = predictive.map((r) => ({
    indicator: observableTitle(labels, r.indicator as string),
    date: r.date as string,
    q05: Number(r.q05),
    q25: Number(r.q25),
    q50: Number(r.q50),
    q75: Number(r.q75),
    q95: Number(r.q95),
  }));
  const points: Datum[] = observed.map((o) => ({
    indicator: observableTitle(labels, o.indicator),
    date: o.date,
    observed: o.value,
    period: o.label,
  }));
  return indicatorChart(
    {
      name: 'predictive',
      headline:
        judged.length > 0
          ? `${inside} of ${judged.length} observed figures lie inside the calibrated model’s 90% predictive band.`
          : 'No observed figure falls within the run’s months.',
      title: 'The calibrated model against the record: posterior predictive bands',
      caption:
        'Each observable over the posterior: median (line), 50% (dark) and 90% (light) bands of one run per particle, weighted; black points are the observed figures. The bands cover parameter uncertainty and model noise, not the model’s structural error.',
    },
    [
      ...values,
      ...points,
      ...scaleAnchors(
        [...new Set(predictive.map((r) => r.indicator as string))].map((id) => ({
          title: observableTitle(labels, id),
          unit: labels.observables[id]?.unit ?? '',
        })),
      ),
    ],
    [
      { low: 'q05', high: 'q95', opacity: 0.2 },
      { low: 'q25', high: 'q75', opacity: 0.35 },
    ],
    'q50',
  );
}
