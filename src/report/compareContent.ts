/** The report of `entente compare`: the forest plot, per-domain effects, the ranked levers and each lever's verdict under every declared outcome. */
import { verdictWithOdds } from '../compare/leverOutcomes.js';
import { DOMAINS } from '../model/domains.js';
import type { Table } from './html.js';
import { type Labels, leverWithId, pairKeyName } from './labels.js';
import { labelsFor } from './outputLabels.js';
import type { OutputDir, Row } from './outputs.js';
import type { Content } from './pageContent.js';
import { domainChart, focusRows, forestChart, type SignTurns, turnKey } from './specs/compare.js';

/** The comparison's report; `turns` (a robustness study's, per lever) adds where each sign turns to the headline and the ranked table. */
export function compareContent(out: OutputDir, turns?: SignTurns): Content {
  const labels = labelsFor(out);
  const levers = out.rows('levers.csv');
  const rows = [...focusRows(levers)].sort((x, y) => Number(y.delta_mean) - Number(x.delta_mean));
  const posterior = out.manifest.posterior as { particles?: number; ess?: number; parameters?: number } | undefined;
  const basis = posterior
    ? {
        particles: Number(posterior.particles),
        confidence: Number(out.manifest.confidence),
        ...(typeof posterior.parameters === 'number' ? { parameters: posterior.parameters } : {}),
      }
    : undefined;
  const interval = basis ? '90% credible' : '95% CI';
  const probability = (r: Row, column: string) => Number(r[column] ?? Number.NaN);
  return {
    charts: [forestChart(levers, basis, labels, turns), domainChart(levers, DOMAINS, labels)],
    tables: [
      {
        title: 'Levers, ranked',
        columns: [
          'lever',
          'pair',
          'Δ final depth',
          `${interval} low`,
          `${interval} high`,
          ...(basis ? ['P(closer)', 'P(apart)', 'P(negligible)', 'P(most dividing)'] : ['p_closer']),
          'verdict',
          'Δ rhetoric',
          'Δ sender welfare',
          'senders',
          ...(turns ? ['where its sign turns (prior, final depth)'] : []),
        ],
        rows: rows.map((r) => [
          leverWithId(labels, r.lever as string),
          pairKeyName(labels, `${r.a}-${r.b}`),
          Number(r.delta_mean),
          Number(r.ci_low),
          Number(r.ci_high),
          ...(basis
            ? [probability(r, 'prob_closer'), probability(r, 'prob_apart'), probability(r, 'prob_negligible'), probability(r, 'p_rank_1')]
            : [Number(r.p_closer)]),
          r.verdict as string,
          Number(r.delta_rhetoric),
          Number(r.delta_sender_welfare ?? Number.NaN),
          r.senders as string,
          ...(turns ? [turns.get(turnKey(r)) ?? '—'] : []),
        ]),
        note: basis
          ? `Posterior mean paired differences against the baseline over ${basis.particles} particles (effective sample size ${Number(posterior?.ess).toFixed(0)}); 90% credible intervals; verdicts at probability ${basis.confidence} (levers.csv, particles.csv).`
          : 'Paired differences against the baseline on common random numbers; 95% seeded bootstrap intervals, which cover the model’s noise only (levers.csv).',
      },
      ...outcomeTable(out, rows, labels),
    ],
    notes: [],
  };
}

/** Each lever's verdict under every outcome the scenario declared (levers.csv's verdict_<outcome> columns), and the one they share. */
function outcomeTable(out: OutputDir, rows: readonly Row[], labels: Labels): Table[] {
  const names = (out.manifest.outcomes as string[] | undefined) ?? [];
  if (names.length === 0) return [];
  const words = (out.manifest.outcomeWords as string[] | undefined) ?? names;
  const cell = (r: Row, o: string) =>
    verdictWithOdds({
      verdict: r[`verdict_${o}`] as string,
      probCloser: Number(r[`prob_closer_${o}`]),
      probApart: Number(r[`prob_apart_${o}`]),
      probNegligible: Number(r[`prob_negligible_${o}`]),
    });
  return [
    {
      title: 'Verdict under each declared outcome',
      columns: ['lever', 'pair', ...words, 'verdict'],
      rows: rows.map((r) => [
        leverWithId(labels, r.lever as string),
        pairKeyName(labels, `${r.a}-${r.b}`),
        ...names.map((o) => cell(r, o)),
        r.outcome_verdict as string,
      ]),
      note: 'The outcomes are the scenario’s (its outcomes:, declared before the comparison; the first is primary). A lever whose verdicts differ between them is labelled “depends on outcome”: which one an analyst reads is then a choice the numbers do not make.',
    },
  ];
}
