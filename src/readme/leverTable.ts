/**
 * The README's lever table, generated, never typed: `npm run readme` runs
 * `entente compare` on the default scenario over its shipped posterior and writes
 * its ranked focus-pair rows between the README's markers. A test checks the
 * README still holds exactly what this produces.
 */
import { parse } from 'csv-parse/sync';

export const BEGIN = '<!-- lever-table:begin (npm run readme; do not edit by hand) -->';
export const END = '<!-- lever-table:end -->';
/** The comparison the README reports: every lever over the scenario's posterior (its `posterior:`), the scenario's seed. */
export const README_COMPARE = ['compare', 'scenarios/china-russia-2022.yaml', '--quiet'] as const;

const percent = (x: string | undefined) => `${(100 * Number(x)).toFixed(0)}%`;
const signed = (x: number, digits: number) => (x >= 0 ? '+' : '−') + Math.abs(x).toFixed(digits);

/** Markdown table of the focus pair's levers, most closer-pushing first, from compare's levers.csv. */
export function leverTable(leversCsv: string): string {
  const rows = (parse(leversCsv, { columns: true }) as Record<string, string>[]).filter((r) => r.focus === 'true');
  rows.sort((x, y) => Number(y.delta_mean) - Number(x.delta_mean));
  const lines = [
    '| lever | pair | Δ final depth | 90% credible | P(closer) | P(apart) | P(negligible) | P(most dividing) | verdict | Δ rhetoric | Δ sender welfare (senders) |',
    '|---|---|---:|---|---:|---:|---:|---:|---|---:|---|',
    ...rows.map((r) =>
      [
        `\`${r.lever}\``,
        `${r.a}–${r.b}`,
        signed(Number(r.delta_mean), 4),
        `[${signed(Number(r.ci_low), 4)}, ${signed(Number(r.ci_high), 4)}]`,
        percent(r.prob_closer),
        percent(r.prob_apart),
        percent(r.prob_negligible),
        percent(r.p_rank_1),
        `**${r.verdict}**`,
        signed(Number(r.delta_rhetoric), 3),
        `${signed(Number(r.delta_sender_welfare), 4)} (${r.senders})`,
      ].join(' | '),
    ),
  ];
  return lines.map((l, i) => (i < 2 ? l : `| ${l} |`)).join('\n');
}

/** The README with the block between the markers replaced. */
export function withLeverTable(readme: string, table: string): string {
  return withBlock(readme, BEGIN, END, table);
}

/** The README with the text between `begin` and `end` replaced by `content`. */
export function withBlock(readme: string, begin: string, end: string, content: string): string {
  const from = readme.indexOf(begin);
  const to = readme.indexOf(end);
  if (from < 0 || to < from) throw new Error(`README.md has no ${begin} … ${end} block`);
  return `${readme.slice(0, from + begin.length)}\n${content}\n${readme.slice(to)}`;
}

/** The text between `begin` and `end`, trimmed. */
export function blockOf(readme: string, begin: string, end: string): string {
  return readme.slice(readme.indexOf(begin) + begin.length, readme.indexOf(end)).trim();
}

export const RUN_BEGIN = '<!-- run-output:begin (npm run readme; do not edit by hand) -->';
export const RUN_END = '<!-- run-output:end -->';
/** What the README shows `entente run` printing: the default scenario into out/china-russia-2022. */
export const README_RUN_OUTPUT = ['run', 'scenarios/china-russia-2022.yaml'] as const;

/**
 * The README's sample of `entente run`'s output: its first lines (title, header, the focus
 * pair's row), then the next-step lines, with the output folder as a user's default.
 */
export function runOutputSample(stdout: string, out: string): string {
  const lines = stdout.replaceAll(out, 'out/china-russia-2022').trimEnd().split('\n');
  const next = lines.findIndex((l) => l.startsWith('next:'));
  const table = lines.slice(0, next < 0 ? lines.length : next);
  return ['```', ...table.slice(0, 3), '...', ...(next < 0 ? [] : lines.slice(next)), '```'].join('\n');
}
