/**
 * Issue 27: the explore page is made to be sent by e-mail, so whoever wrote the scenario writes
 * text that runs in the reader's browser. The page must show every text the scenario, its data,
 * its posterior and a sweep file carry as text, never as markup, and its Content-Security-Policy
 * must let only the page's own script run (docs/explore.md, Security). Each page here is opened
 * in Chromium with every network request blocked, driven through its own controls and exports,
 * and must end with nothing run, no dialog, no navigation, and the payloads readable as text.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shortLabel } from '../../src/report/labels.js';
import { shellQuote } from '../../src/shellQuote.js';
import { blockedPage, CHROMIUM, chromiumAvailable } from '../browserPage.js';
import { entente, tempDir } from '../helpers.js';
import { NO_EQUALS, type PayloadFiles, payloadFiles } from './payloads.js';

declare global {
  interface Window {
    __pwned?: number;
  }
}

/** The page's Content-Security-Policy, directive by directive. */
function policy(html: string): Map<string, string[]> {
  const content = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1] ?? '';
  return new Map(
    content
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name = '', ...values]) => [name, values]),
  );
}

/** What an opened page recorded: dialogs, main-frame navigations, every request, errors. */
interface Watched {
  readonly page: Page;
  readonly dialogs: string[];
  readonly navigations: string[];
  readonly requests: string[];
  readonly errors: string[];
}

async function open(browser: Browser, file: string): Promise<Watched> {
  const { page, errors, requests } = await blockedPage(browser, { width: 1280, height: 1000 });
  const dialogs: string[] = [];
  const navigations: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('framenavigated', (f) => {
    if (f === page.mainFrame()) navigations.push(f.url());
  });
  page.on('request', (r) => {
    if (r.url().startsWith('file://')) requests.push(r.url());
  });
  await page.goto(`file://${file}#r=2`);
  await page.waitForFunction(() => Number(document.body.dataset.renders) >= 1, undefined, { timeout: 30_000 });
  return { page, dialogs, navigations, requests, errors };
}

/** Move a slider, switch a lever on, and the posterior if there is one: each a redraw through the page's own controls. */
async function drive(page: Page): Promise<void> {
  const redrawn = async (act: () => Promise<void>) => {
    const before = await page.evaluate(() => Number(document.body.dataset.renders));
    await act();
    await page.waitForFunction((n) => Number(document.body.dataset.renders) > n, before, { timeout: 30_000 });
  };
  await redrawn(() =>
    page
      .locator('#controls input[type=range]')
      .first()
      .evaluate((input: HTMLInputElement) => {
        input.value = String((Number(input.min) + Number(input.max)) / 3);
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }),
  );
  await redrawn(() => page.locator('#levers input[value=reward]').check());
  if (await page.locator('#posterior-box').isVisible()) await redrawn(() => page.locator('#posterior').check());
}

/** Elements and attributes markup would have made: none may exist. */
const injected = (page: Page) =>
  page.evaluate(() => ({
    elements: [...document.querySelectorAll('img, iframe, object, embed, a, form, base, link, foreignObject, svg script')].map(
      (e) => e.outerHTML,
    ),
    scripts: document.scripts.length,
    handlers: [...document.querySelectorAll('*')].flatMap((e) => [...e.attributes].filter((a) => /^on/i.test(a.name)).map((a) => a.name)),
  }));

describe.skipIf(!chromiumAvailable)('the explore page shows the scenario’s text as text, and runs nothing of it', () => {
  let dir: string;
  let files: PayloadFiles;
  let browser: Browser;
  const pages: Record<'scenario' | 'sweep', string> = { scenario: '', sweep: '' };

  beforeAll(async () => {
    dir = tempDir('entente-attack-explore-');
    files = payloadFiles(dir);
    for (const kind of ['scenario', 'sweep'] as const) {
      pages[kind] = join(dir, `${kind}.html`);
      const r = await entente(['explore', files[kind], '--out', pages[kind], '-q']);
      expect(r.status, r.stderr).toBe(0);
    }
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  it.each(['scenario', 'sweep'] as const)(
    'the page of a %s file: redrawn and exported, nothing runs and every text reads as written',
    async (kind) => {
      const w = await open(browser, pages[kind]);
      const { page } = w;
      await drive(page);
      expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
      expect(await injected(page)).toEqual({ elements: [], scripts: 2, handlers: [] });
      // Every export, through the page's buttons; each chart, opened as the file it downloads, runs nothing either.
      for (const button of ['csv', 'yaml', 'depth', 'domains', 'indicators', 'forest']) {
        const [download] = await Promise.all([page.waitForEvent('download'), page.locator(`#export-${button}`).click()]);
        const saved = join(dir, `${kind}-${button}${/\.\w+$/.exec(download.suggestedFilename())?.[0]}`);
        await download.saveAs(saved);
        // A file name made of the scenario's name keeps only its letters and digits, and stays short.
        expect(download.suggestedFilename()).toMatch(/^[\w.-]{1,80}$/);
        if (saved.endsWith('.svg')) {
          const chart = await browser.newPage();
          chart.on('dialog', (d) => {
            w.dialogs.push(d.message());
            void d.dismiss();
          });
          await chart.goto(`file://${saved}`);
          expect(await chart.evaluate(() => [document.documentElement.localName, window.__pwned])).toEqual(['svg', undefined]);
          await chart.close();
        }
      }
      expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
      expect(w.dialogs).toEqual([]);
      const url = `file://${pages[kind]}`;
      expect(w.navigations.map((u) => u.replace(/#.*/, ''))).toEqual(w.navigations.map(() => url));
      expect(w.requests.map((u) => u.replace(/#.*/, ''))).toEqual([url]);
      expect(await injected(page)).toEqual({ elements: [], scripts: 2, handlers: [] });
      expect(w.errors).toEqual([]);

      // The texts, where the page shows them, exactly as the scenario gives them.
      const shown = (selector: string) => page.locator(selector).textContent();
      const { name, description, actors, levers, shock, observable } = files.shown;
      expect(await page.title()).toBe(`${name}: explore`);
      expect(await shown('header h1')).toBe(`${name}: explore the partnership`);
      expect(await shown('header p')).toBe(description);
      const legend = await shown('#domains-legend');
      for (const a of actors.slice(0, 2)) expect(legend).toContain(a);
      const lever = await shown('#levers');
      for (const l of levers) expect(lever).toContain(l);
      const indicators = await shown('#indicators-charts');
      expect(indicators).toContain(observable.description);
      expect(indicators).toContain(observable.unit);
      expect(await shown('#depth-headline')).toContain(`${actors[0]}–${actors[1]}`);
      expect(await page.locator('section p.note').last().textContent()).toContain(files.scenario);
      expect(await shown('#command')).toContain(shellQuote(files.scenario)); // quoted for pasting into a shell
      const controls = await shown('#controls');
      if (kind === 'scenario') {
        for (const a of actors) expect(controls).toContain(a);
        // A shock's slider is labelled with the first words of its description (report/labels.ts shortLabel).
        expect(controls).toContain(`${shortLabel(shock, 'bank')}: enforcement`);
      } else expect(controls).toContain(NO_EQUALS);
      await page.close();
    },
  );

  it('allows only its own script, by hash: no inline handler or javascript: URL can run, even one the page itself made', async () => {
    const html = readFileSync(pages.scenario, 'utf8');
    const csp = policy(html);
    const script = /<script>(.*)<\/script>/s.exec(html)?.[1] ?? '';
    expect(script.length).toBeGreaterThan(100_000);
    expect(csp.get('script-src')).toEqual([`'sha256-${createHash('sha256').update(script).digest('base64')}'`]);
    expect(csp.get('default-src')).toEqual(["'none'"]);
    for (const d of ['base-uri', 'form-action']) expect(csp.get(d)).toEqual(["'none'"]);
    expect([...csp.values()].flat()).not.toContain("'unsafe-inline'");
    expect([...csp.values()].flat()).not.toContain("'unsafe-eval'");

    const { page, dialogs, navigations } = await open(browser, pages.scenario);
    // Each attempt is awaited to its end: refused (Trusted Types throws), blocked (a violation), or run.
    await page.evaluate(async () => {
      const refused = async (attempt: () => Promise<void> | void) => {
        try {
          await attempt();
        } catch {
          // Refused outright.
        }
      };
      await refused(async () => {
        const box = document.createElement('div');
        box.innerHTML = '<img src="data:," onerror="window.__pwned=11">';
        document.body.append(box);
        const img = box.querySelector('img');
        // Listeners run in the order they were added: this one after the markup's own handler.
        if (img) await new Promise((done) => img.addEventListener('error', done));
      });
      await refused(() => {
        const button = document.createElement('button');
        button.setAttribute('onclick', 'window.__pwned=12');
        document.body.append(button);
        button.click();
      });
      await refused(async () => {
        const ended = new Promise<void>((done) => {
          document.addEventListener('securitypolicyviolation', () => done(), { once: true });
          const poll = () => (window.__pwned === undefined ? setTimeout(poll, 5) : done());
          poll();
        });
        location.href = 'javascript:window.__pwned=13';
        await ended;
      });
    });
    expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(navigations.map((u) => u.replace(/#.*/, ''))).toEqual(navigations.map(() => `file://${pages.scenario}`));
    await page.close();
  });
});
