/**
 * report.html: one self-contained page (inline SVG and CSS, no script, no
 * external resource), readable offline and printable.
 */
export interface Section {
  readonly name: string;
  readonly title: string;
  readonly headline: string;
  readonly caption: string;
  readonly svg: string;
}

export interface Table {
  readonly title: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly (string | number)[])[];
  readonly note?: string;
}

export interface Page {
  readonly title: string;
  readonly subtitle: string;
  readonly facts: readonly (readonly [string, string])[];
  readonly charts: readonly Section[];
  readonly tables: readonly Table[];
  readonly notes: readonly string[];
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

const cell = (v: string | number) => escapeHtml(typeof v === 'number' ? (Number.isInteger(v) ? String(v) : v.toPrecision(4)) : v);

function table(t: Table): string {
  return [
    `<section class="table"><h2>${escapeHtml(t.title)}</h2>`,
    '<table><thead><tr>',
    ...t.columns.map((c) => `<th>${escapeHtml(c)}</th>`),
    '</tr></thead><tbody>',
    ...t.rows.map((r) => `<tr>${r.map((v) => `<td>${cell(v)}</td>`).join('')}</tr>`),
    '</tbody></table>',
    t.note ? `<p class="note">${escapeHtml(t.note)}</p>` : '',
    '</section>',
  ].join('\n');
}

const STYLE = `
body { font: 15px/1.45 Helvetica, Arial, sans-serif; color: #222; max-width: 980px; margin: 2em auto; padding: 0 1em; }
h1 { font-size: 1.6em; margin-bottom: 0.1em; } h2 { font-size: 1.15em; margin: 1.6em 0 0.4em; }
.subtitle { color: #555; margin-top: 0; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.2em 1em; font-size: 0.9em; background: #f7f9fa; padding: 0.8em 1em; border-radius: 4px; }
dl.facts dt { color: #555; } dl.facts dd { margin: 0; font-family: Menlo, Consolas, monospace; word-break: break-all; }
figure { margin: 1em 0 2em; } p.headline { font-weight: 600; margin: 0.2em 0 0.6em; max-width: 46em; } figure svg { max-width: 100%; height: auto; } figcaption { color: #444; font-size: 0.9em; max-width: 46em; }
table { border-collapse: collapse; font-size: 0.88em; } th, td { padding: 0.25em 0.7em; border-bottom: 1px solid #e5e8ea; text-align: right; }
th:first-child, td:first-child { text-align: left; } th { background: #f2f4f5; }
.note, .notes { color: #555; font-size: 0.88em; }
`;

export function page(p: Page): string {
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<title>${escapeHtml(p.title)}</title>`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<style>${STYLE}</style>`,
    '</head><body>',
    `<h1>${escapeHtml(p.title)}</h1>`,
    `<p class="subtitle">${escapeHtml(p.subtitle)}</p>`,
    '<dl class="facts">',
    ...p.facts.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`),
    '</dl>',
    ...p.charts.map(
      (c) =>
        `<figure class="chart" data-chart="${escapeHtml(c.name)}"><h2>${escapeHtml(c.title)}</h2>\n<p class="headline">${escapeHtml(c.headline)}</p>\n${c.svg}\n<figcaption>${escapeHtml(c.caption)}</figcaption></figure>`,
    ),
    ...p.tables.map(table),
    ...(p.notes.length
      ? ['<section class="notes"><h2>Notes</h2><ul>', ...p.notes.map((n) => `<li>${escapeHtml(n)}</li>`), '</ul></section>']
      : []),
    '</body></html>',
    '',
  ].join('\n');
}
