/** What `compare --robustness` writes (discovery/signs.ts): signs.csv, a row per lever, pair and outcome; boxes.csv, each box's parameters. */
import { flag, Table } from '../io/table.js';
import type { LeverOutcomeName } from '../scenario/outcomes.js';
import type { PrimResult } from './prim.js';

export interface SignRow {
  readonly lever: string;
  readonly a: string;
  readonly b: string;
  readonly outcome: LeverOutcomeName;
  /** The sign the lever takes more often over the prior (closer on a tie). */
  readonly direction: 'closer' | 'apart';
  readonly priorCloser: number;
  readonly priorApart: number;
  readonly priorNegligible: number;
  readonly points: number;
  readonly posteriorCloser?: number;
  readonly posteriorApart?: number;
  readonly posteriorNegligible?: number;
  /** The share of the prior's points where the lever moves the pair against its direction (beyond the minimum effect). */
  readonly turned: number;
  readonly signFixed: boolean;
  /** Where the sign turns, in words (PRIM's significant restrictions); empty where it never does or no region stands out. */
  readonly box: string;
  readonly boxCoverage?: number;
  readonly boxDensity?: number;
  readonly boxPoints?: number;
}

export interface SignBoxRow {
  readonly sign: SignRow;
  readonly parameter: string;
  readonly low: number;
  readonly high: number;
  readonly restricted: boolean;
  readonly quasiP: number;
}

const blank = (x: number | undefined) => (x === undefined ? '' : x);

export const SIGNS = new Table<SignRow>([
  ['lever', (r) => r.lever],
  ['a', (r) => r.a],
  ['b', (r) => r.b],
  ['outcome', (r) => r.outcome],
  ['direction', (r) => r.direction],
  ['prior_closer', (r) => r.priorCloser],
  ['prior_apart', (r) => r.priorApart],
  ['prior_negligible', (r) => r.priorNegligible],
  ['prior_points', (r) => r.points],
  ['posterior_closer', (r) => blank(r.posteriorCloser)],
  ['posterior_apart', (r) => blank(r.posteriorApart)],
  ['posterior_negligible', (r) => blank(r.posteriorNegligible)],
  ['flip_share', (r) => r.turned],
  ['sign_fixed', (r) => flag(r.signFixed)],
  ['box', (r) => r.box],
  ['box_coverage', (r) => blank(r.boxCoverage)],
  ['box_density', (r) => blank(r.boxDensity)],
  ['box_points', (r) => blank(r.boxPoints)],
]);

export const BOXES = new Table<SignBoxRow>([
  ['lever', (r) => r.sign.lever],
  ['a', (r) => r.sign.a],
  ['b', (r) => r.sign.b],
  ['outcome', (r) => r.sign.outcome],
  ['parameter', (r) => r.parameter],
  ['low', (r) => r.low],
  ['high', (r) => r.high],
  ['restricted', (r) => flag(r.restricted)],
  ['quasi_p', (r) => (r.restricted ? r.quasiP : '')],
]);

/** Three significant digits, as a reader wants a bound. */
const short = (x: number) => Number(x.toPrecision(3)).toString();

/** A restriction enters the words only with a quasi-p-value below this (boxes.csv keeps every one). */
export const SIGNIFICANT = 0.05;

/**
 * PRIM's box in words: each restriction whose quasi-p-value is below SIGNIFICANT, as "path ≤ high",
 * "path ≥ low" or "low ≤ path ≤ high", an edge PRIM did not move (still at the sample's smallest or
 * largest value, `ranges`) left out; joined by "and". In many dimensions PRIM also peels noise, and a
 * restriction that adds nothing the others do not (Bryant & Lempert 2010) would read as a finding.
 * Empty when no restriction is significant: the turns are scattered over the prior.
 */
export function describeBox(found: PrimResult, paths: readonly string[], ranges: readonly { min: number; max: number }[]): string {
  const parts = paths.flatMap((path, k) => {
    if (found.restricted[k] !== true || !((found.quasiP[k] as number) < SIGNIFICANT)) return [];
    const low = found.box.low[k] as number;
    const high = found.box.high[k] as number;
    const range = ranges[k] as { min: number; max: number };
    if (low <= range.min) return [`${path} ≤ ${short(high)}`];
    if (high >= range.max) return [`${path} ≥ ${short(low)}`];
    return [`${short(low)} ≤ ${path} ≤ ${short(high)}`];
  });
  return parts.join(' and ');
}

/** What turnWords reads of a sign: signs.csv's columns, as the study holds them or a report reads them. */
export interface SignFacts {
  readonly direction: string;
  readonly signFixed: boolean;
  readonly points: number;
  readonly priorNegligible: number;
  readonly turned: number;
  readonly box: string;
  readonly boxCoverage?: number;
  readonly boxDensity?: number;
}

/** Where a lever's sign turns, in words, for the terminal and the report. */
export function turnWords(r: SignFacts): string {
  const other = r.direction === 'closer' ? 'apart' : 'closer';
  const pct = (x: number) => `${Math.round(100 * x)}%`;
  if (r.signFixed)
    return r.priorNegligible === 1
      ? `never beyond the minimum effect in ${r.points} prior points: sign fixed by structure`
      : `never ${other} in ${r.points} prior points: sign fixed by structure`;
  if (r.box === '')
    return `${other} in ${pct(r.turned)} of the prior, scattered: no restriction PRIM finds has quasi-p below ${SIGNIFICANT}`;
  return `${other} in ${pct(r.turned)} of the prior, mostly where ${r.box} (the box holds ${pct(r.boxCoverage ?? 0)} of those points at density ${pct(r.boxDensity ?? 0)})`;
}
