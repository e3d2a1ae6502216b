/** The report of `entente compare SCENARIO --robustness`: where each lever's sign turns, over the prior and the posterior (signs.csv). */

import { SIGNIFICANT, turnWords } from '../discovery/signsTables.js';
import { leverWithId, pairKeyName } from './labels.js';
import { labelsFor } from './outputLabels.js';
import type { OutputDir, Row } from './outputs.js';
import type { Content } from './pageContent.js';
import { percent } from './words.js';

const triple = (r: Row, side: string) =>
  r[`${side}_closer`] === '' || r[`${side}_closer`] === undefined
    ? '—'
    : `${percent(Number(r[`${side}_closer`]))} / ${percent(Number(r[`${side}_apart`]))} / ${percent(Number(r[`${side}_negligible`]))}`;

/** A signs.csv row as turnWords reads it. */
const turns = (r: Row): string =>
  turnWords({
    direction: r.direction as string,
    signFixed: r.sign_fixed === 'true',
    points: Number(r.prior_points),
    priorNegligible: Number(r.prior_negligible),
    turned: Number(r.flip_share),
    box: r.box ?? '',
    boxCoverage: Number(r.box_coverage),
    boxDensity: Number(r.box_density),
  });

export function signsContent(out: OutputDir): Content {
  const labels = labelsFor(out);
  const rows = out.rows('signs.csv');
  const prior = out.manifest.prior as { file?: string; points?: number } | undefined;
  return {
    charts: [],
    tables: [
      {
        title: 'Where each lever’s sign turns',
        columns: [
          'lever',
          'pair',
          'outcome',
          'posterior: closer / apart / negligible',
          'prior: closer / apart / negligible',
          'where its sign turns',
        ],
        rows: rows.map((r) => [
          leverWithId(labels, r.lever as string),
          pairKeyName(labels, `${r.a}-${r.b}`),
          r.outcome as string,
          triple(r, 'posterior'),
          triple(r, 'prior'),
          turns(r),
        ]),
        note: `Each lever against the baseline at ${prior?.points ?? 'every'} points of the prior (${prior?.file ?? 'its calibration file'}, sampled by its design) and at every particle of the posterior (posterior/). A lever's sign turns where it moves the pair the way it does less often over the prior; the box is PRIM's (Friedman & Fisher 1999), in words only its restrictions with quasi-p below ${SIGNIFICANT} (boxes.csv has all). A sign fixed by structure turns at no point the prior allows: no datum could turn it, so its certainty is the model's, not the record's.`,
      },
    ],
    notes: [],
  };
}
