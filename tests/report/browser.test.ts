/**
 * Reports in a real browser: headless Chromium (Debian's, driven by
 * playwright-core) opens each report.html from disk with the network blocked,
 * and every chart must show data marks with a size and a headline sentence, no raw
 * identifier the scenario gives words for, the page must log no error,
 * and a screenshot is kept in out/screenshots/ for people to look at.
 * .ci/run installs Chromium; without it the test fails in CI and is skipped
 * elsewhere, saying why.
 */
import { cpSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { chromiumAvailable as available, blockedPage, CHROMIUM } from '../browserPage.js';
import { cli, DEFAULT_SCENARIO, ROOT, tempDir } from '../helpers.js';

interface Figure {
  readonly name: string;
  readonly marks: number;
  readonly width: number;
  readonly height: number;
  /** The sentence above the chart. */
  readonly headline: string;
  /** Every word a reader sees in the figure: title, headline, the SVG's text, the caption. */
  readonly text: string;
}

/**
 * Ids the default scenario gives words for (lever and shock descriptions, observable
 * descriptions, actor names): none may reach a reader. Read from the scenario itself.
 */
function identifiers(): string[] {
  const spec = parse(readFileSync(DEFAULT_SCENARIO, 'utf8')) as {
    levers: Record<string, unknown>;
    shocks: { id: string; description?: string }[];
    observables: Record<string, { description?: string }>;
    focus: string[];
  };
  // An id that is a plain word ("invasion") may appear in prose; camelCase, snake_case and digits may not.
  const raw = (id: string) => /[A-Z0-9_]/.test(id);
  return [
    ...Object.keys(spec.levers),
    ...spec.shocks.filter((sh) => sh.description).map((sh) => sh.id),
    ...Object.entries(spec.observables)
      .filter(([, o]) => o.description)
      .map(([id]) => id),
    ...spec.focus,
    'CHN-',
    '-RUS',
    'actors.',
    'depth_final',
  ].filter((id) => raw(id) || id.includes('.') || id.includes('-'));
}

async function inspect(html: string, screenshot: string): Promise<{ errors: string[]; figures: Figure[]; requests: string[] }> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  try {
    const { page, errors, requests } = await blockedPage(browser, { width: 1100, height: 900 });
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
        return {
          name: figure.getAttribute('data-chart') ?? '',
          marks: visible.length,
          width: svg?.width ?? 0,
          height: svg?.height ?? 0,
          headline: figure.querySelector('p.headline')?.textContent ?? '',
          text: [...figure.querySelectorAll('h2, p.headline, svg text, figcaption')].map((n) => n.textContent ?? '').join(' | '),
        };
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
    [
      'run',
      ['run', DEFAULT_SCENARIO, '-r', '5', '--contributions'],
      ['depth', 'directions-CHN-RUS', 'tie-CHN-RUS', 'contributions-CHN-RUS', 'observables'],
    ],
    ['compare', ['compare', DEFAULT_SCENARIO, '--no-posterior', '-r', '20'], ['forest', 'domains']],
    ['sweep', ['sweep', join(ROOT, 'scenarios', 'sweeps', 'china-cost-aversion.yaml'), '--workers', '1'], ['parameters', 'heatmap']],
    [
      'discover',
      [
        'discover',
        join(ROOT, 'scenarios', 'sweeps', 'china-cost-aversion.yaml'),
        '--lever',
        'rewardWedge',
        '--threshold',
        '-0.04',
        '--workers',
        '1',
      ],
      ['trajectory', 'box'],
    ],
    ['compare-across-sweep', ['compare', join(ROOT, 'scenarios', 'sweeps', 'china-cost-aversion.yaml'), '--workers', '1'], ['robustness']],
    ['sensitivity', ['sensitivity', join(ROOT, 'scenarios', 'sweeps', 'china-sobol.yaml'), '--workers', '1'], ['sobol']],
    ['calibrate', ['calibrate', join(ROOT, 'scenarios', 'calibration', 'china-russia.yaml')], ['targets', 'loss']],
    // The shipped posterior, copied: `report` on it (the ABC run that made it takes minutes).
    ['posterior', ['report'], ['tolerance', 'marginals', 'distance', 'pairs', 'predictive']],
  ])(
    '%s: every chart shows data, no errors, no network; screenshot kept',
    async (kind, args, expected) => {
      const out = join(tempDir(), kind);
      if (kind === 'posterior') cpSync(join(ROOT, 'scenarios', 'posteriors', 'china-russia-2022'), out, { recursive: true });
      const r = cli(kind === 'posterior' ? ['report', out, '--quiet'] : [...(args as string[]), '--out', out, '--report', '--quiet']);
      expect(r.status, r.stderr).toBe(0);
      mkdirSync(SHOTS, { recursive: true });
      const shot = join(SHOTS, `${kind}.png`);
      const { errors, figures, requests } = await inspect(join(out, 'report.html'), shot);
      expect(errors).toEqual([]);
      expect(requests).toEqual([]);
      expect(figures.map((f) => f.name)).toEqual(expected);
      const ids = identifiers();
      for (const f of figures) {
        expect(f.headline, `${f.name} has a headline sentence`).toMatch(/^[A-Z0-9].{20,}\.$/);
        for (const id of ids) expect(f.text, `${f.name} shows the raw identifier ${id}`).not.toContain(id);
        expect(f.marks, `${f.name} has data marks`).toBeGreaterThan(0);
        expect(f.width, `${f.name} has a size`).toBeGreaterThan(100);
        expect(f.height, `${f.name} has a size`).toBeGreaterThan(100);
      }
      expect(existsSync(shot)).toBe(true);
    },
    180_000,
  );
});
