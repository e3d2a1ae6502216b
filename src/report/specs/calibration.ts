/** Chart of `entente calibrate`: each target's simulated value against the observed one, in units of its scale. */
import { type Labels, shortLabel } from '../labels.js';
import type { Row } from '../outputs.js';
import { parameterWords, percent, signed, words } from '../words.js';
import { byParameter, type Chart, CONFIG, type Datum, SCHEMA, WIDTH, ZERO_RULE } from './chart.js';

export function targetsChart(targets: readonly Row[], labels: Labels): Chart {
  const name = (id: string) => shortLabel(labels.observables[id]?.description, words(id), 44);
  const errors = targets.map((r) => ({ r, e: (Number(r.simulated) - Number(r.observed)) / Number(r.scale) }));
  const within = errors.filter((x) => Math.abs(x.e) <= 1).length;
  const worst = [...errors].sort((p, q) => Math.abs(q.e) - Math.abs(p.e))[0];
  const values: Datum[] = targets.map((r) => ({
    target: `${name(r.indicator as string)}, ${r.period} (${r.statistic})`,
    error: (Number(r.simulated) - Number(r.observed)) / Number(r.scale),
    observed: Number(r.observed),
    simulated: Number(r.simulated),
  }));
  const y = { field: 'target', type: 'nominal' as const, title: null, axis: { labelLimit: 360 } };
  return {
    name: 'targets',
    title: 'Calibration: the best point against each observed figure',
    headline: worst
      ? `${within} of ${targets.length} targets are met within one scale; the furthest off is ${name(worst.r.indicator as string)} in ${worst.r.period} ` +
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

/**
 * The loss (optimiser) or ABC distance (posterior) of every evaluated point against each
 * parameter, the best point marked: where the fit is good along each axis, and which axes the
 * record pins down (the best points bunch) or leaves free (they spread over the range).
 */
export function lossChart(rows: readonly Row[], parameters: readonly string[], measure: 'loss' | 'distance', labels: Labels): Chart {
  const scored = rows.map((r) => ({ r, v: Number(r[measure]) })).filter((x) => Number.isFinite(x.v) && x.v > 0);
  const sorted = [...scored].sort((p, q) => p.v - q.v);
  const best = sorted[0];
  const top = sorted.slice(0, Math.max(1, Math.ceil(sorted.length / 10)));
  // How much of its evaluated range each parameter's best tenth of points spans: small = pinned down.
  const spans = parameters.map((p) => {
    const all = scored.map((x) => Number(x.r[p]));
    const good = top.map((x) => Number(x.r[p]));
    const width = Math.max(...all) - Math.min(...all);
    return { p, share: width > 0 ? (Math.max(...good) - Math.min(...good)) / width : 1 };
  });
  spans.sort((a, b) => a.share - b.share);
  const values: Datum[] = scored.flatMap((x) =>
    parameters.map((p) => ({
      parameter: parameterWords(p, labels),
      value: Number(x.r[p]),
      [measure]: x.v,
      best: x === best ? 'best' : 'other',
    })),
  );
  const what = measure === 'loss' ? 'loss' : 'ABC distance';
  const pinned = spans[0];
  const free = spans.at(-1);
  return {
    name: measure === 'loss' ? 'loss' : 'distance',
    title: `The ${what} against each parameter`,
    headline:
      best && pinned && free
        ? `The best of ${scored.length} ${measure === 'loss' ? 'points' : 'particles'} has ${what} ${Number(best.v.toPrecision(3))}; the best tenth spans ` +
          `${percent(pinned.share)} of the range of ${parameterWords(pinned.p, labels)}, the most pinned down, and ${percent(free.share)} of ${parameterWords(free.p, labels)}, the least.`
        : 'No points to show.',
    caption:
      measure === 'loss'
        ? 'Every point the optimiser evaluated (all rounds of zoom): its loss, Σ weight × ((simulated − observed)/scale)², on a log scale, against each parameter’s value; red: the best point. Where the low points bunch, the record pins the parameter down; where they spread, it does not (the zoom rounds sample near the best point, so their bunching overstates it somewhat).'
        : 'Every particle of the final generation: its distance to the observed figures (√loss), against each parameter’s value; red: the closest. Where close particles bunch, the record pins the parameter down.',
    spec: byParameter(values, {
      width: 150,
      height: 110,
      mark: { type: 'point', filled: true },
      encoding: {
        x: { field: 'value', type: 'quantitative', title: null, scale: { zero: false } },
        y: { field: measure, type: 'quantitative', title: what, scale: { type: 'log' } },
        color: { condition: { test: "datum.best === 'best'", value: '#c0392b' }, value: '#7fa7c9' },
        size: { condition: { test: "datum.best === 'best'", value: 80 }, value: 10 },
        order: { field: 'best', sort: 'descending' },
      },
    }),
  };
}
