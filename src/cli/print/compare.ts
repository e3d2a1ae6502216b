/** What compare prints: the focus pair's levers, most closer-pushing first; over a posterior, probabilities and drivers. */
import type { LeverEffect, OutcomeEffect } from '../../compare/compare.js';
import { type LeverOutcomeName, OUTCOME_SHORT, verdictWithOdds } from '../../compare/leverOutcomes.js';
import type { Drivers } from '../../compare/posterior/drivers.js';
import { LEVEL, type PosteriorResult } from '../../compare/posterior/study.js';
import type { SweepCompareResult } from '../../compare/sweepStudy.js';
import { aligned, percent, signed } from './align.js';

/** The focus pairs' rows when the scenario names any, else every row; most positive Δ first. */
function shown(effects: readonly LeverEffect[]): LeverEffect[] {
  const focus = effects.some((e) => e.focus) ? effects.filter((e) => e.focus) : effects;
  return [...focus].sort((x, y) => y.deltaMean - x.deltaMean);
}

/** The outcomes the effects were judged on, the primary first. */
const outcomesOf = (effects: readonly LeverEffect[]): LeverOutcomeName[] => (effects[0]?.byOutcome ?? []).map((o) => o.outcome);

/** One column per declared outcome with its verdict, then the verdict they share or "depends on outcome". */
function outcomeVerdictColumns(outcomes: readonly LeverOutcomeName[], cell: (o: OutcomeEffect) => string): LeverColumn[] {
  return [
    ...outcomes.map(
      (name, k): LeverColumn => ({ header: `${OUTCOME_SHORT[name]}`, cell: (e) => cell(e.byOutcome[k] as OutcomeEffect), text: true }),
    ),
    { header: 'verdict', cell: (e) => e.outcomeVerdict, text: true },
  ];
}

export function leverTable(effects: readonly LeverEffect[]): string {
  const columns: LeverColumn[] = [
    { header: 'lever', cell: (e) => e.lever, text: true },
    { header: 'pair', cell: (e) => `${e.a}-${e.b}`, text: true },
    { header: 'Δ depth (end)', cell: (e) => signed(e.deltaMean) },
    { header: '95% CI', cell: (e) => `[${signed(e.ciLow)}, ${signed(e.ciHigh)}]` },
    { header: 'p_closer', cell: (e) => e.pCloser.toFixed(2) },
    ...outcomeVerdictColumns(outcomesOf(effects), (o) => o.verdict),
    { header: 'Δ rhetoric', cell: (e) => signed(e.deltaRhetoric) },
    { header: 'Δ sender welfare', cell: (e) => `${signed(e.deltaSenderWelfare)}${e.senders ? ` (${e.senders})` : ''}` },
    { header: '', cell: (e) => (e.rhetoricNotDepth ? 'rhetoric without depth' : ''), text: true },
  ];
  const left = new Set(columns.flatMap((c, i) => (c.text ? [i] : [])));
  return aligned(leverCells(effects, columns), left);
}

/** A column of a lever table: its header, its cell, and whether it is text (left-aligned) or a number. */
export interface LeverColumn {
  readonly header: string;
  readonly cell: (e: LeverEffect) => string;
  readonly text?: boolean;
}

/**
 * The posterior table's columns for effects judged on `outcomes`, declared once: the terminal prints
 * them, the README's table (readme/) adds DETAIL_COLUMNS. The numbers are depth at the end's; then
 * each declared outcome's verdict with its probability, and the verdict they share.
 */
export function posteriorColumns(outcomes: readonly LeverOutcomeName[]): LeverColumn[] {
  return [
    { header: 'lever', cell: (e) => e.lever, text: true },
    { header: 'pair', cell: (e) => `${e.a}-${e.b}`, text: true },
    { header: 'Δ depth (end)', cell: (e) => signed(e.deltaMean) },
    { header: `${LEVEL * 100}% credible`, cell: (e) => `[${signed(e.ciLow)}, ${signed(e.ciHigh)}]` },
    { header: 'P(closer)', cell: (e) => percent(e.probCloser) },
    { header: 'P(apart)', cell: (e) => percent(e.probApart) },
    { header: 'P(negl.)', cell: (e) => percent(e.probNegligible) },
    { header: 'P(most dividing)', cell: (e) => percent(e.rank[0] ?? Number.NaN) },
    ...outcomeVerdictColumns(outcomes, verdictWithOdds),
  ];
}

/** What a lever does besides depth: rhetoric, and the senders' welfare. */
export const DETAIL_COLUMNS: readonly LeverColumn[] = [
  { header: 'Δ rhetoric', cell: (e) => signed(e.deltaRhetoric) },
  { header: 'Δ sender welfare', cell: (e) => `${signed(e.deltaSenderWelfare)}${e.senders ? ` (${e.senders})` : ''}` },
];

/** The header and each shown lever's cells under `columns`. */
export function leverCells(effects: readonly LeverEffect[], columns: readonly LeverColumn[]): string[][] {
  return [columns.map((c) => c.header), ...shown(effects).map((e) => columns.map((c) => c.cell(e)))];
}

export function posteriorTable(effects: readonly LeverEffect[]): string {
  const columns = posteriorColumns(outcomesOf(effects));
  const left = new Set(columns.flatMap((c, i) => (c.text ? [i] : [])));
  return aligned(leverCells(effects, columns), left);
}

/** The two parameters with the largest |SRC|, and the regression's R². */
function topDrivers(found: Drivers, paths: readonly string[]): string {
  const order = Array.from(found.src.keys()).sort((a, b) => Math.abs(found.src[b]) - Math.abs(found.src[a]));
  const top = order
    .slice(0, 2)
    .filter((j) => found.src[j] !== 0)
    .map((j) => `${paths[j]} (${found.src[j] >= 0 ? '+' : ''}${found.src[j].toFixed(2)})`);
  return `${top.join(', ') || 'nothing linear'}; R² ${found.r2.toFixed(2)}`;
}

export function posteriorLines(result: PosteriorResult, minEffect: number, confidence: number, out: string): string[] {
  const lines = [
    `${result.name}: ${result.levers.length} lever(s) vs baseline over ${result.particles} particles (ESS ${result.ess.toFixed(0)}), ${result.replications} paired replication(s) each (min effect ${minEffect}, verdicts at ${confidence}) → ${out}`,
    `verdicts on ${result.outcomes.join(' and ')}; Δ and P are depth at the end's; "depends on outcome" where the verdicts differ`,
    posteriorTable(result.effects),
  ];
  if (result.drivers.size > 0) {
    lines.push('what each effect depends on most across the posterior (standardised regression coefficients, drivers.csv):');
    for (const [lever, found] of result.drivers) lines.push(`  ${lever}: ${topDrivers(found, result.paths)}`);
  }
  return lines;
}

/** Each lever across the sweep on the focus pair, most dividing first, and which is best on average and in the worst case. */
export function robustnessLines(result: SweepCompareResult, robustnessFile: string): { lines: string[]; discover?: string } {
  const { rows } = result;
  const focus = result.focus ?? `${rows[0]?.a}-${rows[0]?.b}`;
  const mine = rows.filter((r) => `${r.a}-${r.b}` === focus).sort((x, y) => x.meanEffect - y.meanEffect);
  const lines = [
    `${result.name}: ${result.levers.length} lever(s) across ${rows[0]?.points ?? 0} points; Δ final depth of ${focus} (lower = further apart) → ${robustnessFile}`,
    aligned(
      [
        ['lever', 'mean Δ', 'worst Δ', 'closer at', 'max regret'],
        ...mine.map((r) => [r.lever, signed(r.meanEffect), signed(r.worstCase), percent(r.shareCloser), signed(r.maxRegret)]),
      ],
      new Set([0]),
    ),
  ];
  const bestAverage = mine[0];
  const bestWorst = [...mine].sort((x, y) => x.worstCase - y.worstCase)[0];
  if (bestAverage && bestWorst) lines.push(`best on average: ${bestAverage.lever}; best in the worst case: ${bestWorst.lever}`);
  const discover = discoverHint(mine);
  return { lines, ...(discover ? { discover } : {}) };
}

/**
 * The discovery worth running next, as `--lever L [--threshold x]   # what it finds`: a lever whose
 * sign turns across the sweep, where it fails to divide (the default threshold 0, above); else the
 * most dividing lever where it divides less than on average (above its mean): either finds points,
 * where the lever that divides everywhere, at the default threshold, would find none.
 */
function discoverHint(rows: readonly SweepCompareResult['rows'][number][]): string | undefined {
  const turning = rows.find((r) => r.shareCloser > 0 && r.shareCloser < 1);
  if (turning) return `--lever ${turning.lever}   # where in the sweep it pushes the pair closer`;
  const most = rows[0];
  if (!most || most.worstCase === most.meanEffect) return undefined; // the same effect everywhere: nothing to find
  return `--lever ${most.lever} --threshold ${Number(most.meanEffect.toPrecision(3))}   # where it divides less than on average`;
}
