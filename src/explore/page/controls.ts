/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/** The explore page's controls and its URL fragment: settings in, settings shown. */
import { type Embedded, type Settings, setFlags } from '../model.js';
import { $ } from './view.js';

export function defaults(page: Embedded): Settings {
  return {
    set: Object.fromEntries(page.controls.map((c) => [c.path, c.value])),
    lever: undefined,
    seed: page.seed,
    replications: page.replications,
  };
}

/** The settings the URL fragment names (#r=30&seed=1&lever=x&actors.CHN.costAversion=0.5), over the defaults. */
export function fromHash(page: Embedded): Settings {
  const base = defaults(page);
  const params = new URLSearchParams(location.hash.slice(1));
  const set = { ...base.set };
  for (const c of page.controls) {
    const v = Number(params.get(c.path));
    if (params.has(c.path) && Number.isFinite(v)) set[c.path] = Math.min(c.max, Math.max(c.min, v));
  }
  const lever = params.get('lever') ?? undefined;
  const int = (k: string, d: number, max: number) => {
    const v = Number(params.get(k));
    return params.has(k) && Number.isInteger(v) && v >= 1 && v <= max ? v : d;
  };
  return {
    set,
    posterior: page.posterior !== undefined && params.get('posterior') === '1',
    lever: page.levers.some((l) => l.name === lever) ? lever : undefined,
    seed: int('seed', base.seed, Number.MAX_SAFE_INTEGER),
    replications: int('r', base.replications, 1000),
  };
}

export function toHash(page: Embedded, s: Settings): string {
  const params = new URLSearchParams();
  params.set('r', String(s.replications));
  params.set('seed', String(s.seed));
  if (s.lever) params.set('lever', s.lever);
  if (s.posterior) params.set('posterior', '1');
  for (const flag of setFlags(page, s)) {
    const [path = '', value = ''] = flag.split('=');
    params.set(path, value);
  }
  return `#${params.toString()}`;
}

export function buildControls(page: Embedded, current: () => Settings, change: (s: Settings) => void): void {
  const box = $('controls');
  const groups = new Map<string, HTMLElement>();
  for (const c of page.controls) {
    let group = groups.get(c.group);
    if (!group) {
      group = document.createElement('fieldset');
      group.append(Object.assign(document.createElement('legend'), { textContent: c.group }));
      groups.set(c.group, group);
      box.append(group);
    }
    const row = document.createElement('label');
    row.className = 'slider';
    const input = Object.assign(document.createElement('input'), {
      type: 'range',
      min: String(c.min),
      max: String(c.max),
      step: String(c.step),
    });
    input.dataset.path = c.path;
    const out = document.createElement('output');
    row.append(Object.assign(document.createElement('span'), { textContent: c.label }), input, out);
    input.addEventListener('input', () => {
      out.textContent = Number(input.value).toFixed(3);
      change({ ...current(), set: { ...current().set, [c.path]: Number(input.value) } });
    });
    group.append(row);
  }
  const levers = $('levers');
  for (const l of [{ name: '', description: 'baseline (no lever)' }, ...page.levers]) {
    const row = document.createElement('label');
    const input = Object.assign(document.createElement('input'), { type: 'radio', name: 'lever', value: l.name });
    input.addEventListener('change', () => change({ ...current(), lever: l.name || undefined }));
    row.append(input, ` ${l.description}`);
    levers.append(row);
  }
  const post = page.posterior;
  if (post) {
    const box = $('posterior-box');
    box.hidden = false;
    const input = $<HTMLInputElement>('posterior');
    $('posterior-label').textContent =
      ` over the calibrated posterior: ${post.particles.length} of its ${post.count} particles (ESS ${post.ess.toFixed(0)}), drawn by weight`;
    input.addEventListener('change', () => change({ ...current(), posterior: input.checked }));
  }
  const number = (id: string, key: 'seed' | 'replications') =>
    $<HTMLInputElement>(id).addEventListener('change', (e) => {
      const v = Number((e.target as HTMLInputElement).value);
      if (Number.isInteger(v) && v >= 1) change({ ...current(), [key]: v });
    });
  number('replications', 'replications');
  number('seed', 'seed');
}

/** Put the settings into the controls (after a reset, or from the URL). */
export function show(s: Settings): void {
  for (const input of document.querySelectorAll<HTMLInputElement>('#controls input[type=range]')) {
    const v = s.set[input.dataset.path ?? ''] ?? 0;
    input.value = String(v);
    (input.nextElementSibling as HTMLOutputElement).textContent = v.toFixed(3);
  }
  for (const input of document.querySelectorAll<HTMLInputElement>('#levers input')) input.checked = input.value === (s.lever ?? '');
  $<HTMLInputElement>('replications').value = String(s.replications);
  $<HTMLInputElement>('posterior').checked = s.posterior === true;
  $<HTMLInputElement>('seed').value = String(s.seed);
}
