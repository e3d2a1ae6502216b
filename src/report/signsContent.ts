/**
 * The report of `entente compare SCENARIO --robustness`: the comparison over the posterior (its
 * posterior/ folder, compare's report) with where each lever's sign turns said in its headline and
 * table, then the signs over the prior and the posterior for every outcome (signs.csv).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { SIGNIFICANT, turnWords } from '../discovery/signsTables.js';
import { compareContent } from './compareContent.js';
import { leverWithId, pairKeyName } from './labels.js';
import { labelsFor } from './outputLabels.js';
import { type OutputDir, type Row, readOutputDir } from './outputs.js';
import type { Content } from './pageContent.js';
import { turnKey } from './specs/compare.js';
import { percent } from './words.js';

/** The outcome the forest plot and the ranked table are on. */
const PRIMARY = 'depth_final';

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

/** What the prior says of a lever, as the comparison's headline and table carry it: its usual direction there, then where it turns. */
const overPrior = (r: Row): string => (Number(r.prior_negligible) === 1 ? turns(r) : `mostly ${r.direction} over the prior, ${turns(r)}`);

export function signsContent(out: OutputDir): Content {
  const labels = labelsFor(out);
  const rows = out.rows('signs.csv');
  const prior = out.manifest.prior as { file?: string; points?: number } | undefined;
  // The comparison over the posterior, when the study ran one: its verdicts, with where each turns.
  const posteriorDir = join(out.dir, 'posterior');
  const compared = existsSync(join(posteriorDir, 'levers.csv'))
    ? compareContent(readOutputDir(posteriorDir), new Map(rows.filter((r) => r.outcome === PRIMARY).map((r) => [turnKey(r), overPrior(r)])))
    : { charts: [], tables: [], notes: [] };
  return {
    charts: compared.charts,
    tables: [
      ...compared.tables,
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
    notes: compared.notes,
  };
}
