/**
 * What a calibration's report shows: the optimiser's best point against each target, or an ABC
 * posterior (its tolerance schedule, marginals, constrained pairs, predictive bands, and how far
 * the record narrowed each parameter).
 */
import { weightedQuantile } from '../calibration/abc/smc.js';
import { weightedMean } from '../compare/stats.js';
import { observedPoints } from './observed.js';
import { labelsFor } from './outputLabels.js';
import type { OutputDir, Row } from './outputs.js';
import type { Content } from './pageContent.js';
import { lossChart, targetsChart } from './specs/calibration.js';
import { marginalsChart, narrowing, pairsChart, predictiveChart, toleranceChart } from './specs/posterior.js';
import { parameterWords } from './words.js';

export function calibrationContent(out: OutputDir): Content {
  const targets = out.rows('targets.csv');
  const best = (out.manifest.best ?? {}) as { loss?: number; set?: string[] };
  // calibration.csv has a row per point and target: its first row of each point carries the point's values and loss.
  const rows = out.has('calibration.csv') ? out.rows('calibration.csv') : [];
  const points = rows.filter((r, i) => i === 0 || r.point !== rows[i - 1]?.point);
  const labels = labelsFor(out);
  const parameters = Object.keys(points[0] ?? {}).filter((c) => c.includes('.'));
  return {
    charts: [targetsChart(targets, labels), ...(points.length > 0 ? [lossChart(points, parameters, 'loss', labels)] : [])],
    tables: [
      {
        title: 'Targets at the best point',
        columns: ['indicator', 'period', 'statistic', 'observed', 'simulated', 'scale', 'loss term'],
        rows: targets.map((r: Row) => [
          labels.observables[r.indicator as string]?.description
            ? `${labels.observables[r.indicator as string]?.description} (${r.indicator})`
            : (r.indicator as string),
          r.period as string,
          r.statistic as string,
          Number(r.observed),
          Number(r.simulated),
          Number(r.scale),
          Number(r.loss),
        ]),
        note: `Loss ${best.loss ?? '?'}; fitted values: ${(best.set ?? []).join(', ')}`,
      },
    ],
    notes: [],
  };
}

/** The prior range of each parameter, from the posterior's manifest (priors of free parameters). */
function priorRanges(out: OutputDir): Map<string, [number, number]> {
  const priors = (out.manifest.priors ?? []) as { path: string; prior: { min?: number; max?: number } }[];
  return new Map(
    priors
      .filter((p) => p.prior.min !== undefined && p.prior.max !== undefined)
      .map((p) => [p.path, [Number(p.prior.min), Number(p.prior.max)]]),
  );
}

export function posteriorContent(out: OutputDir): Content {
  const notes: string[] = [];
  const rows = out.rows('posterior.csv');
  const weights = Float64Array.from(rows, (r) => Number(r.weight));
  const total = weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < weights.length; i++) weights[i] = weights[i] / total;
  const ranges = priorRanges(out);
  // Free parameters only (a fixed one has no prior range), with how much the data narrowed each.
  const marginals = [...ranges].map(([path, [min, max]]) => ({ path, min, max, values: Float64Array.from(rows, (r) => Number(r[path])) }));
  const summary = marginals.map((m) => {
    const mean = weightedMean(m.values, weights);
    const sd = Math.sqrt(
      weightedMean(
        Float64Array.from(m.values, (v) => (v - mean) ** 2),
        weights,
      ),
    );
    const q = (p: number) => weightedQuantile(m.values, weights, p);
    // sd / prior sd (narrowing): 1 when the data say nothing.
    return { m, mean, sd, low: q(0.05), high: q(0.95), ratio: narrowing(m, weights) };
  });
  const constrained = [...summary]
    .sort((a, b) => a.ratio - b.ratio)
    .slice(0, 3)
    .map((s) => s.m);
  const labels = labelsFor(out);
  const charts = [
    toleranceChart(out.rows('generations.csv')),
    marginalsChart(marginals, weights, labels),
    lossChart(rows, [...ranges.keys()], 'distance', labels),
  ];
  if (constrained.length >= 2) charts.push(pairsChart(constrained, weights, labels));
  if (out.has('predictive.csv')) charts.push(predictiveChart(out.rows('predictive.csv'), observedPoints(out, notes), labels));
  const ess = 1 / weights.reduce((a, w) => a + w * w, 0);
  return {
    charts,
    tables: [
      {
        title: 'The posterior, parameter by parameter (most narrowed first)',
        columns: ['parameter', 'posterior mean', 'sd', '5%', '95%', 'prior range', 'sd / prior sd'],
        rows: [...summary]
          .sort((a, b) => a.ratio - b.ratio)
          .map((s) => [
            `${parameterWords(s.m.path, labels)} (${s.m.path})`,
            s.mean,
            s.sd,
            s.low,
            s.high,
            `[${s.m.min}, ${s.m.max}]`,
            s.ratio,
          ]),
        note: `${rows.length} particles, effective sample size ${ess.toFixed(0)}; ${String(out.manifest.generations ?? '?')} generations, stopped: ${String(out.manifest.stopped ?? '?')}. sd / prior sd is 1 for a parameter the observed figures say nothing about (against a uniform prior over the range).`,
      },
    ],
    notes,
  };
}
