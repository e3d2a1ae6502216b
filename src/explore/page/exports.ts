/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * What the explore page's buttons save: a chart as a standalone SVG file, and any text as a
 * download. The SVG is put together from nodes and written by XMLSerializer, so the scenario's
 * words in it stay text and the file is well-formed XML whatever they hold (docs/explore.md).
 */
import { el } from './svg.js';

const size = (c: SVGSVGElement) => (c.getAttribute('viewBox') ?? '0 0 0 0').split(' ').map(Number).slice(2) as [number, number];

/** A section's charts as one SVG file: several (the indicators) stacked one above the other. */
export function chartSvg(section: HTMLElement): string {
  const charts = [...section.querySelectorAll('svg')];
  const xml = new XMLSerializer();
  if (charts.length === 1) return xml.serializeToString(charts[0] as SVGSVGElement);
  const whole = el('svg', {});
  let y = 0;
  for (const c of charts) {
    const [w, h] = size(c);
    const part = el('svg', { x: 0, y, width: w, height: h, viewBox: `0 0 ${w} ${h}` });
    part.append(...[...c.childNodes].map((n) => n.cloneNode(true)));
    whole.append(part);
    y += h;
  }
  whole.setAttribute('viewBox', `0 0 ${Math.max(...charts.map((c) => size(c)[0]))} ${y}`);
  return xml.serializeToString(whole);
}

/** A scenario's name as the stem of a file name: letters, digits, `.`, `_` and `-`, at most 60 characters. */
export function fileStem(name: string): string {
  return (
    name
      .replace(/[^\p{L}\p{N}_.-]+/gu, '-')
      .replace(/^[.-]+|-+$/g, '')
      .slice(0, 60) || 'scenario'
  );
}

export function download(name: string, type: string, text: string): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([text], { type }));
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}
