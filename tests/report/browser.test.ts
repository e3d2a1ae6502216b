/**
 * Reports in a real browser: headless Chromium (Debian's, driven by
 * playwright-core) opens each report.html from disk with the network blocked,
 * and every chart must show data marks with a size, the page must log no error,
 * and a screenshot is kept in out/screenshots/ for people to look at.
 * .ci/run installs Chromium; without it the test fails in CI and is skipped
 * elsewhere, saying why.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { cli, DEFAULT_SCENARIO, ROOT, tempDir } from '../helpers.js';

const CHROMIUM = '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
if (!available && process.env.CI) throw new Error(`${CHROMIUM} is missing: .ci/run must install Debian's chromium`);

interface Figure {
  readonly name: string;
  readonly marks: number;
  readonly width: number;
  readonly height: number;
}

async function inspect(html: string, screenshot: string): Promise<{ errors: string[]; figures: Figure[]; requests: string[] }> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('file://')) return route.continue();
      requests.push(url);
      return route.abort();
    });
    await page.goto(`file://${html}`);
    const figures = await page.$$eval('figure.chart', (nodes) =>
      nodes.map((figure) => {
        // Data marks: the shapes Vega draws for a mark (its group has role-mark; axes, legends and titles have other roles).
        const shapes = [
          ...figure.querySelectorAll('svg g.role-mark > path, svg g.role-mark > rect, svg g.role-mark > line, svg g.role-mark > circle'),
        ];
        const visible = shapes.filter((el) => {
          const box = (el as unknown as { getBBox(): { width: number; height: number } }).getBBox();
          return box.width > 0 || box.height > 0;
        });
        const svg = figure.querySelector('svg')?.getBoundingClientRect();
        return { name: figure.getAttribute('data-chart') ?? '', marks: visible.length, width: svg?.width ?? 0, height: svg?.height ?? 0 };
      }),
    );
    await page.screenshot({ path: screenshot, fullPage: true });
    return { errors, figures, requests };
  } finally {
    await browser.close();
  }
}

const SHOTS = join(ROOT, 'out', 'screenshots');

describe.skipIf(!available)('report.html in headless Chromium', () => {
  it.each([
    ['run', ['run', DEFAULT_SCENARIO, '-r', '5', '--contributions'], ['depth', 'tie-CHN-RUS', 'contributions-CHN-RUS', 'observables']],
    ['compare', ['compare', DEFAULT_SCENARIO, '--no-posterior', '-r', '20'], ['forest', 'domains']],
    ['sweep', ['sweep', join(ROOT, 'scenarios', 'sweeps', 'china-cost-aversion.yaml'), '--workers', '1'], ['parameters', 'heatmap']],
  ])(
    '%s: every chart shows data, no errors, no network; screenshot kept',
    async (kind, args, expected) => {
      const out = join(tempDir(), kind);
      const r = cli([...(args as string[]), '--out', out, '--report', '--quiet']);
      expect(r.status, r.stderr).toBe(0);
      mkdirSync(SHOTS, { recursive: true });
      const shot = join(SHOTS, `${kind}.png`);
      const { errors, figures, requests } = await inspect(join(out, 'report.html'), shot);
      expect(errors).toEqual([]);
      expect(requests).toEqual([]);
      expect(figures.map((f) => f.name)).toEqual(expected);
      for (const f of figures) {
        expect(f.marks, `${f.name} has data marks`).toBeGreaterThan(0);
        expect(f.width, `${f.name} has a size`).toBeGreaterThan(100);
        expect(f.height, `${f.name} has a size`).toBeGreaterThan(100);
      }
      expect(existsSync(shot)).toBe(true);
    },
    120_000,
  );
});
