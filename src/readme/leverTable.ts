/**
 * The README's generated sections: its lever table, drawn from `entente compare` of the default
 * scenario over its shipped posterior with the terminal's own columns and cells
 * (cli/print/compare.ts) and two more, and its sample of `entente run`'s output. `npm run readme`
 * (readme/update.ts) writes them; a test checks the README still holds exactly what they are.
 */

import { DETAIL_COLUMNS, type LeverColumn, leverCells, posteriorColumns } from '../cli/print/compare.js';
import type { LeverEffect } from '../compare/compare.js';

export const BEGIN = '<!-- lever-table:begin (npm run readme; do not edit by hand) -->';
export const END = '<!-- lever-table:end -->';
/** The comparison the README reports: every lever over the scenario's posterior (its `posterior:`), the scenario's seed. */
export const README_COMPARE = ['compare', 'scenarios/china-russia-2022.yaml', '--quiet'] as const;

/** The README's columns: what the terminal prints for a comparison over a posterior, then rhetoric and welfare. */
export const readmeColumns = (effects: readonly LeverEffect[]): LeverColumn[] => [
  ...posteriorColumns((effects[0]?.byOutcome ?? []).map((o) => o.outcome)),
  ...DETAIL_COLUMNS,
];

/** Markdown table of the focus pair's levers, most closer-pushing first: the terminal's cells, numbers right-aligned. */
export function leverTable(effects: readonly LeverEffect[]): string {
  const columns = readmeColumns(effects);
  return markdownTable(leverCells(effects, columns), new Set(columns.flatMap((c, i) => (c.text ? [i] : []))));
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

export const SIGNS_BEGIN = '<!-- signs-table:begin (npm run readme; do not edit by hand) -->';
export const SIGNS_END = '<!-- signs-table:end -->';
/** Where the README's signs table comes from: every lever over the wide prior and its constrained posterior (docs/model.md §10.3). */
export const README_SIGNS = {
  prior: 'scenarios/calibration/china-russia-wide.yaml',
  posterior: 'scenarios/posteriors/wide',
} as const;

export const VALIDATION_BEGIN = '<!-- validation-table:begin (npm run readme; do not edit by hand) -->';
export const VALIDATION_END = '<!-- validation-table:end -->';
/** The validation file the README's table scores: the shipped posterior's held-out figures (docs/validation.md). */
export const README_VALIDATION = 'scenarios/validation/china-russia.yaml';

/** Markdown table of signsCells (cli/print/signs.ts): the terminal's cells. */
export function markdownTable(cells: readonly (readonly string[])[], text: ReadonlySet<number>): string {
  const [header = [], ...rows] = cells;
  const rule = header.map((_, i) => (text.has(i) ? '---' : '---:'));
  return [header, rule, ...rows].map((row) => `| ${row.join(' | ')} |`).join('\n');
}
