/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * The explore page: sliders and lever switches that re-run the model (the command's own code,
 * bundled) and redraw the charts at every change; the view lives in the URL fragment, so a link
 * reproduces it. window.entente exposes the current numbers for tests and for the curious.
 */
import { stringify as toYaml } from 'yaml';
import { shellQuote } from '../../shellQuote.js';
import { leverEffects } from '../levers.js';
import { type Embedded, pairsCsv, posteriorView, resolve, runPage, type Settings, setFlags } from '../model.js';
import { drawDepth, drawDomains, drawForest, drawIndicators } from './charts.js';
import { buildControls, defaults, fromHash, show, toHash } from './controls.js';
import { chartSvg, download, fileStem } from './exports.js';
import { $, type View } from './view.js';

declare global {
  interface Window {
    entente?: { view: View; page: Embedded; pairsCsv: () => string; command: () => string; yaml: () => string };
  }
}

/** A file name in a YAML comment: on one line, whatever it holds (a newline would end the comment and start YAML). */
const oneLine = (text: string) => text.replace(/[\r\n\u2028\u2029]+/g, ' ');

/** The scenario with the sliders' values written in; the lever stays a lever (run it with --lever, as the command line says). */
function scenarioYaml(page: Embedded, s: Settings): string {
  const lever = s.lever ? `# run with --lever ${s.lever}\n` : '';
  return `# ${oneLine(page.file)} as explored: ${setFlags(page, s).join(', ') || 'no values changed'}\n${lever}${toYaml(resolve(page, { ...s, lever: undefined }).spec)}`;
}

function command(page: Embedded, s: Settings): string {
  return [
    'entente run',
    shellQuote(page.file),
    ...(s.lever ? ['--lever', s.lever] : []),
    ...(s.replications !== page.replications ? ['-r', String(s.replications)] : []),
    ...(s.seed !== page.seed ? ['--seed', String(s.seed)] : []),
    ...[...(page.fixed ?? []), ...setFlags(page, s)].flatMap((f) => ['--set', shellQuote(f)]),
  ].join(' ');
}

function compute(page: Embedded, settings: Settings): View {
  const started = performance.now();
  const focus = page.focus[0];
  const run = runPage(resolve(page, settings), focus);
  const baseline = settings.lever ? runPage(resolve(page, { ...settings, lever: undefined }), focus) : undefined;
  const posterior = posteriorView(page, settings);
  const known = settings.lever
    ? { baseline: baseline?.outcomes, lever: { name: settings.lever, outcomes: run.outcomes } }
    : { baseline: run.outcomes };
  const effects = posterior ? posterior.effects : page.levers.length > 0 ? leverEffects(page, settings, known) : [];
  return { settings, run, baseline, effects, posterior, ms: performance.now() - started };
}

export function start(): void {
  const page = JSON.parse($('entente-data').textContent ?? '{}') as Embedded;
  let settings = fromHash(page);
  let pending = false;
  let view: View;
  const render = () => {
    pending = false;
    try {
      view = compute(page, settings);
    } catch (err) {
      $('status').textContent = `These settings cannot run: ${(err as Error).message}`;
      console.error(err); // the stack, for a report
      return;
    }
    const fixed = new Set(settings.posterior ? (page.posterior?.paths ?? []) : []);
    for (const input of document.querySelectorAll<HTMLInputElement>('#controls input[type=range]')) {
      input.disabled = fixed.has(input.dataset.path ?? '');
      input.title = input.disabled ? 'set by each particle of the posterior' : '';
    }
    drawDepth(page, view);
    drawDomains(page, view);
    drawIndicators(page, view);
    drawForest(page, view);
    $('command').textContent = command(page, settings);
    history.replaceState(null, '', toHash(page, settings));
    const particles = view.posterior ? ` and ${page.posterior?.particles.length} particles × ${page.levers.length + 2} runs` : '';
    $('status').textContent =
      `${settings.replications} replication${settings.replications === 1 ? '' : 's'} × ${page.levers.length + 1} arm${page.levers.length === 0 ? '' : 's'}${particles} run in ${view.ms.toFixed(0)} ms`;
    window.entente = {
      view,
      page,
      pairsCsv: () => pairsCsv(view.run.rows),
      command: () => command(page, settings),
      yaml: () => scenarioYaml(page, settings),
    };
    document.body.dataset.renders = String(Number(document.body.dataset.renders ?? 0) + 1);
  };
  const change = (s: Settings) => {
    settings = s;
    if (!pending) {
      pending = true;
      requestAnimationFrame(render);
    }
  };
  buildControls(page, () => settings, change);
  show(settings);
  $('reset').addEventListener('click', () => {
    settings = defaults(page);
    show(settings);
    change(settings);
  });
  $('export-csv').addEventListener('click', () => download('pairs.csv', 'text/csv', pairsCsv(view.run.rows)));
  $('export-yaml').addEventListener('click', () =>
    download(`${fileStem(page.data.name)}-explored.yaml`, 'text/yaml', scenarioYaml(page, settings)),
  );
  for (const id of ['depth', 'domains', 'indicators', 'forest'])
    $(`export-${id}`).addEventListener('click', () => download(`${id}.svg`, 'image/svg+xml', chartSvg($(id))));
  render();
}
