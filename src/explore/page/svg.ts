/// <reference lib="dom" />
/** Small SVG charts for the explore page: drawn by hand, so a redraw costs microseconds and the page stays small. */

const NS = 'http://www.w3.org/2000/svg';

export interface Frame {
  readonly width: number;
  readonly height: number;
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

export const FRAME: Frame = { width: 640, height: 300, left: 56, right: 16, top: 16, bottom: 40 };

export function el<K extends keyof SVGElementTagNameMap>(
  name: K,
  attrs: Record<string, string | number>,
  text?: string,
): SVGElementTagNameMap[K] {
  const e = document.createElementNS(NS, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

export function scale(d0: number, d1: number, r0: number, r1: number): (v: number) => number {
  const k = d1 === d0 ? 0 : (r1 - r0) / (d1 - d0);
  return (v) => r0 + (v - d0) * k;
}

/** About five round ticks over [lo, hi]. */
export function ticks(lo: number, hi: number): number[] {
  const span = hi - lo || 1;
  const step0 = 10 ** Math.floor(Math.log10(span / 5));
  const step = [1, 2, 5, 10].map((m) => m * step0).find((s) => span / s <= 6) ?? step0 * 10;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) out.push(Number(v.toPrecision(12)));
  return out;
}

/** An empty chart: its svg, with axes titled, and the scales from data to pixels. */
export function axes(
  svg: SVGSVGElement,
  f: Frame,
  x: { lo: number; hi: number; title: string; label?: (v: number) => string },
  y: { lo: number; hi: number; title: string; label?: (v: number) => string },
): { sx: (v: number) => number; sy: (v: number) => number } {
  svg.replaceChildren();
  svg.setAttribute('viewBox', `0 0 ${f.width} ${f.height}`);
  svg.setAttribute('xmlns', NS);
  const sx = scale(x.lo, x.hi, f.left, f.width - f.right);
  const sy = scale(y.lo, y.hi, f.height - f.bottom, f.top);
  const g = el('g', { 'font-family': 'system-ui, sans-serif', 'font-size': 11, fill: '#333' });
  for (const v of ticks(x.lo, x.hi)) {
    g.append(el('line', { x1: sx(v), x2: sx(v), y1: f.top, y2: f.height - f.bottom, stroke: '#eee' }));
    g.append(el('text', { x: sx(v), y: f.height - f.bottom + 14, 'text-anchor': 'middle' }, x.label ? x.label(v) : String(v)));
  }
  for (const v of y.hi > y.lo ? ticks(y.lo, y.hi) : []) {
    g.append(el('line', { x1: f.left, x2: f.width - f.right, y1: sy(v), y2: sy(v), stroke: '#eee' }));
    g.append(el('text', { x: f.left - 6, y: sy(v) + 4, 'text-anchor': 'end' }, y.label ? y.label(v) : String(v)));
  }
  g.append(el('text', { x: (f.left + f.width - f.right) / 2, y: f.height - 6, 'text-anchor': 'middle' }, x.title));
  g.append(
    el(
      'text',
      {
        x: 12,
        y: (f.top + f.height - f.bottom) / 2,
        transform: `rotate(-90 12 ${(f.top + f.height - f.bottom) / 2})`,
        'text-anchor': 'middle',
      },
      y.title,
    ),
  );
  svg.append(g);
  return { sx, sy };
}

/** A polyline's `d`. */
export function line(xs: readonly number[], ys: readonly number[]): string {
  return xs.map((x, i) => `${i ? 'L' : 'M'}${x.toFixed(1)},${ys[i].toFixed(1)}`).join('');
}

/** A band between two polylines' `d`. */
export function band(xs: readonly number[], low: readonly number[], high: readonly number[]): string {
  const back = xs.map((_, i) => xs.length - 1 - i);
  return `${line(xs, high)}${back.map((i) => `L${xs[i].toFixed(1)},${low[i].toFixed(1)}`).join('')}Z`;
}
