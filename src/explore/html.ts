/**
 * explore.html: one self-contained page (no network, no server; it opens from file://) holding
 * the engine bundle (dist/explore/page.js), the scenario and its controls as JSON, and the
 * skeleton the script fills in.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { escapeHtml } from '../report/html.js';
import { asParsed, pagePolicy } from './csp.js';
import type { Embedded } from './model.js';

/** Where `npm run build` writes the page's script (build/explorePage.ts); from TypeScript source (tests), the built one. */
export const PAGE_SCRIPT = import.meta.url.endsWith('.ts')
  ? join(import.meta.dirname, '..', '..', 'dist', 'explore', 'page.js')
  : join(import.meta.dirname, 'page.js');

/** The mark of a page this command wrote: only such a file is ever replaced (out.ts). */
export const GENERATOR = 'entente explore';

/**
 * Script text inside a <script> element: a `</script` (or `<!--`) in it would end or break the
 * element. (The JSON is written with every < as \u003c, which JSON reads back as <.)
 */
function scriptText(text: string): string {
  return text.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}

const STYLE = `
body { font-family: system-ui, sans-serif; margin: 0; color: #222; }
header { padding: 12px 20px; background: #f4f6f8; border-bottom: 1px solid #dde; }
header h1 { font-size: 20px; margin: 0 0 4px; }
header p { margin: 0; color: #555; max-width: 70em; }
main { display: grid; grid-template-columns: 340px 1fr; gap: 16px; padding: 16px 20px; }
#panel { font-size: 13px; max-height: calc(100vh - 120px); overflow-y: auto; }
fieldset { border: 1px solid #ddd; margin: 0 0 8px; padding: 4px 8px; }
legend { font-weight: 600; }
label.slider { display: grid; grid-template-columns: 1fr 110px 44px; gap: 6px; align-items: center; }
label.slider span { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
#levers label { display: block; }
section.chart { margin-bottom: 16px; }
section.chart svg { width: 100%; max-width: 760px; height: auto; display: block; }
p.headline { font-weight: 600; margin: 4px 0; }
p.subtitle { margin: 8px 0 0; font-size: 13px; }
#indicators-charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(380px, 1fr)); gap: 8px; max-width: 1000px; }
#panel { position: sticky; top: 8px; align-self: start; }
code { background: #f4f4f4; padding: 4px 6px; display: block; white-space: pre-wrap; word-break: break-all; }
button { margin: 2px 4px 2px 0; }
#status { color: #555; font-size: 12px; }
`;

/**
 * The page. Text from the scenario is written escaped here and set as text by the script
 * (page/*.ts use textContent and DOM calls, never markup); the policy names the script and the
 * style by hash (csp.ts).
 */
export function explorePage(page: Embedded): string {
  const name = escapeHtml(page.data.name);
  const description = escapeHtml(page.data.description ?? '');
  const script = asParsed(scriptText(readFileSync(PAGE_SCRIPT, 'utf8')));
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="generator" content="${GENERATOR}">
<meta http-equiv="Content-Security-Policy" content="${pagePolicy(script, STYLE)}">
<title>${name}: explore</title>
<style>${STYLE}</style>
</head>
<body>
<header><h1>${name}: explore the partnership</h1><p>${description}</p></header>
<main>
<div id="panel">
  <p><button id="reset" type="button">Reset to scenario</button></p>
  <fieldset><legend>Lever (one at a time)</legend><div id="levers"></div></fieldset>
  <fieldset id="posterior-box" hidden><legend>Uncertainty</legend><label><input id="posterior" type="checkbox"><span id="posterior-label"></span></label></fieldset>
  <fieldset><legend>Runs</legend>
    <label>replications <input id="replications" type="number" min="1" max="1000" step="1"></label>
    <label>seed <input id="seed" type="number" min="1" step="1"></label>
  </fieldset>
  <div id="controls"></div>
</div>
<div>
  <section class="chart" id="depth"><p class="headline" id="depth-headline"></p><svg role="img" aria-label="depth over time"></svg>
    <p class="note" id="depth-note"></p></section>
  <section class="chart" id="domains"><p class="headline" id="domains-headline"></p><svg role="img" aria-label="commitments by domain"></svg>
    <p class="note" id="domains-legend"></p></section>
  <section class="chart" id="indicators"><p class="headline">The indicators against the record</p><div id="indicators-charts"></div>
    <p class="note">Mean over replications (line); observed figures from the scenario's data file (dots), where their units match.</p></section>
  <section class="chart" id="forest"><p class="headline" id="forest-headline"></p><svg role="img" aria-label="lever effects"></svg>
    <p class="note" id="forest-note"></p></section>
  <section><h2>Reproduce</h2><code id="command"></code>
    <p><button id="export-csv" type="button">pairs.csv</button><button id="export-yaml" type="button">scenario YAML</button>
    <button id="export-depth" type="button">depth chart (SVG)</button><button id="export-domains" type="button">domains chart (SVG)</button>
    <button id="export-indicators" type="button">indicators (SVG)</button><button id="export-forest" type="button">lever chart (SVG)</button></p>
    <p id="status"></p>
    <p class="note">entente ${escapeHtml(page.version)}, scenario ${escapeHtml(page.file)} (SHA-256 ${escapeHtml(page.hash.slice(0, 12))}…). The model runs in this page: nothing is sent anywhere.</p>
  </section>
</div>
</main>
<script type="application/json" id="entente-data">${JSON.stringify(page).replace(/</g, '\\u003c')}</script>
<script>${script}</script>
</body>
</html>
`;
}
