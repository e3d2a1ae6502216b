/**
 * The explore page in a real browser (Debian's Chromium, driven by playwright-core), opened from
 * a file with every network request blocked: it must run the command's own model, so its
 * pairs.csv is byte for byte `entente run`'s, before and after a slider moves and a lever is
 * switched on; its lever chart must show what the library's compare() gives at the same values;
 * nothing may be fetched and the console must stay clean. Screenshots go to out/screenshots/.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Embedded, posteriorView, resolve, runPage, type Settings } from '../../src/explore/model.js';
import { compare, loadScenario } from '../../src/index.js';
import { DOMAINS } from '../../src/model/domains.js';
import { chromiumAvailable as available, blockedPage, CHROMIUM } from '../browserPage.js';
import { DEFAULT_SCENARIO, entente, ROOT, tempDir } from '../helpers.js';

const SHOTS = join(ROOT, 'out', 'screenshots');
const SLIDER = 'actors.CHN.costAversion';
const LEVER = 'rewardWedge';

/** pairs.csv of `entente run` with these arguments after the scenario. */
async function runPairs(dir: string, args: readonly string[]): Promise<string> {
  const out = join(dir, `run-${Math.random().toString(36).slice(2)}`);
  const r = await entente(['run', ...args, '--out', out, '-q']);
  expect(r.status, r.stderr).toBe(0);
  return readFileSync(join(out, 'pairs.csv'), 'utf8');
}

describe.skipIf(!available)('entente explore in a browser', () => {
  let dir: string;
  let html: string;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  let requests: string[];
  const renders = (n: number) => page.waitForFunction((k) => Number(document.body.dataset.renders) >= k, n, { timeout: 30_000 });
  const current = () => page.evaluate(() => ({ csv: window.entente?.pairsCsv() ?? '', command: window.entente?.command() ?? '' }));

  beforeAll(async () => {
    dir = tempDir('entente-explore-');
    html = join(dir, 'explore.html');
    const r = await entente(['explore', DEFAULT_SCENARIO, '--out', html]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/41 sliders, 6 levers, 40 posterior particles → .*explore\.html \(\d\.\d\d MB/);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    ({ page, errors, requests } = await blockedPage(browser, { width: 1280, height: 1000 }, true));
    // Five replications keep the test quick; the fragment is how a link carries a view.
    await page.goto(`file://${html}#r=5`);
    await renders(1);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('runs the command’s model: the page’s pairs.csv is entente run’s, byte for byte', async () => {
    const { csv, command } = await current();
    expect(command).toBe(`entente run ${DEFAULT_SCENARIO} -r 5`);
    expect(csv).toBe(await runPairs(dir, [DEFAULT_SCENARIO, '-r', '5']));
    // Each side's own commitment is drawn beside depth, and said: the side that bears more shows only there.
    expect(await page.locator('#depth path[data-series=side-ab]').count()).toBe(1);
    expect(await page.locator('#depth path[data-series=side-ba]').count()).toBe(1);
    expect(await page.locator('#depth-headline').textContent()).toMatch(
      /China’s to Russia 0\.\d{3} to 0\.\d{3} \(−\d+%\), Russia’s to China 0\.\d{3} to 0\.\d{3} \(\+\d+%\)/,
    );
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, 'explore-baseline.png'), fullPage: true });
  });

  it('a slider and a lever switch re-run it: the new rows are those of the command it shows, and the link keeps the view', async () => {
    const before = await page.evaluate(() => Number(document.body.dataset.renders));
    const depthBefore = await page.locator('#depth path[data-series=mean]').getAttribute('d');
    await page.locator(`input[data-path="${SLIDER}"]`).evaluate((input: HTMLInputElement) => {
      input.value = '0.5';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await page.locator(`#levers input[value="${LEVER}"]`).check();
    await renders(before + 1);
    await page.waitForFunction((l) => window.entente?.view.settings.lever === l, LEVER);
    const { csv, command } = await current();
    expect(command).toBe(`entente run ${DEFAULT_SCENARIO} --lever ${LEVER} -r 5 --set ${SLIDER}=0.5`);
    expect(csv).toBe(await runPairs(dir, [DEFAULT_SCENARIO, '--lever', LEVER, '-r', '5', '--set', `${SLIDER}=0.5`]));
    expect(await page.locator('#depth path[data-series=mean]').getAttribute('d')).not.toBe(depthBefore);
    const hash = await page.evaluate(() => location.hash);
    expect(new URLSearchParams(hash.slice(1)).get(SLIDER)).toBe('0.5');
    expect(new URLSearchParams(hash.slice(1)).get('lever')).toBe(LEVER);
    await page.screenshot({ path: join(SHOTS, 'explore-moved.png'), fullPage: true });
    // The link alone reproduces the view in a fresh page.
    const other = await browser.newPage();
    await other.goto(`file://${html}${hash}`);
    await other.waitForFunction(() => Number(document.body.dataset.renders) >= 1);
    expect(await other.evaluate(() => window.entente?.pairsCsv())).toBe(csv);
    await other.close();
  });

  it('every chart shows what the engine computes in Node for the same settings, in the scenario’s words', async () => {
    // The page's own data (every < written as \u003c, which JSON reads back).
    const data = /<script type="application\/json" id="entente-data">(.*?)<\/script>/s.exec(readFileSync(html, 'utf8'))?.[1];
    const embedded = JSON.parse(data ?? '{}') as Embedded;
    const settings = await page.evaluate(() => window.entente?.view.settings as Settings);
    const expected = runPage(resolve(embedded, settings), 'CHN-RUS');
    const bars = await page.$$eval('#domains rect[data-way]', (rs) =>
      rs.map((r) => [`${r.getAttribute('data-way')}|${r.getAttribute('data-domain')}`, Number(r.getAttribute('data-value'))] as const),
    );
    expect(bars).toHaveLength(12);
    expect(new Map(bars)).toEqual(
      new Map(expected.domains.flatMap((w) => w.values.map((v, d) => [`${w.from}>${w.to}|${DOMAINS[d]}`, v] as const))),
    );
    expect(await page.locator('#indicators path[data-indicator]').count()).toBe(expected.indicators.length);
    const headlines = await page.locator('p.headline').allTextContents();
    expect(headlines.filter((h) => h.trim() !== '')).toHaveLength(4);
    for (const h of headlines) expect(h).not.toMatch(/CHN|RUS|rewardWedge|coerciveWedge/);
    expect(headlines.join(' ')).toMatch(/China–Russia ends at depth \d\.\d{3}/);
  });

  it('the lever chart shows, lever by lever, what compare() gives at the same values', async () => {
    const shown = await page.$$eval('#forest circle[data-lever]', (cs) =>
      cs.map((c) => [c.getAttribute('data-lever'), Number(c.getAttribute('data-delta'))] as const),
    );
    const effects = compare(loadScenario(DEFAULT_SCENARIO, { replications: 5, set: [`${SLIDER}=0.5`] })).filter(
      (e) => `${e.a}-${e.b}` === 'CHN-RUS',
    );
    expect(shown).toHaveLength(6);
    expect(new Map(shown)).toEqual(new Map(effects.map((e) => [e.lever, e.deltaMean])));
    expect(await page.locator('#forest-headline').textContent()).toMatch(/^Most dividing here: .+ \(Δ depth -?\d\.\d{3}, 95% CI/);
  });

  it('over the posterior: each chart gains its plausible range, and the levers’ effects are those of the sampled particles', async () => {
    const before = await page.evaluate(() => Number(document.body.dataset.renders));
    await page.locator('#posterior').check();
    await renders(before + 1);
    await page.waitForFunction(() => window.entente?.view.posterior !== undefined);
    expect(await page.locator('#depth path[data-series=posterior]').count()).toBe(1);
    const data = /<script type="application\/json" id="entente-data">(.*?)<\/script>/s.exec(readFileSync(html, 'utf8'))?.[1];
    const embedded = JSON.parse(data ?? '{}') as Embedded;
    expect(embedded.posterior?.particles).toHaveLength(40);
    const settings = await page.evaluate(() => window.entente?.view.settings as Settings);
    const expected = posteriorView(embedded, settings);
    const shown = await page.$$eval('#forest circle[data-lever]', (cs) =>
      cs.map((c) => [c.getAttribute('data-lever'), Number(c.getAttribute('data-delta'))] as const),
    );
    expect(new Map(shown)).toEqual(
      new Map(expected?.effects.filter((e) => `${e.a}-${e.b}` === 'CHN-RUS').map((e) => [e.lever, e.deltaMean] as const)),
    );
    expect(await page.locator('#forest-headline').textContent()).toMatch(
      /pulls China–Russia apart in \d+% of plausible worlds, a probability over the posterior's \d+ calibrated parameters and not over the model's structure or the settings it holds fixed \(Δ depth/,
    );
    expect(new URLSearchParams((await page.evaluate(() => location.hash)).slice(1)).get('posterior')).toBe('1');
    await page.screenshot({ path: join(SHOTS, 'explore-posterior.png'), fullPage: true });
  });

  it('exports the scenario with the values written in: run with the lever, it gives the same rows', async () => {
    const yaml = await page.evaluate(() => window.entente?.yaml() ?? '');
    expect(yaml).toMatch(new RegExp(`^# .* as explored: ${SLIDER}=0\\.5\\n# run with --lever ${LEVER}\\n`));
    const file = join(dir, 'explored.yaml');
    writeFileSync(file, yaml);
    const { csv } = await current();
    expect(await runPairs(dir, [file, '--lever', LEVER, '-r', '5'])).toBe(csv);
  });

  it('downloads pairs.csv, the scenario and each chart as a standalone SVG', async () => {
    const downloaded = async (button: string) => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.locator(`#${button}`).click()]);
      const path = join(dir, download.suggestedFilename());
      await download.saveAs(path);
      return { name: download.suggestedFilename(), text: readFileSync(path, 'utf8') };
    };
    const csv = await downloaded('export-csv');
    expect(csv.name).toBe('pairs.csv');
    expect(csv.text).toBe((await current()).csv);
    expect((await downloaded('export-yaml')).text).toBe(await page.evaluate(() => window.entente?.yaml()));
    for (const chart of ['depth', 'domains', 'indicators', 'forest']) {
      const svg = await downloaded(`export-${chart}`);
      expect(svg.name).toBe(`${chart}.svg`);
      const root = /^<svg [^>]*>/.exec(svg.text)?.[0] ?? '';
      expect(root).toMatch(/ xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
      expect(root).toMatch(/ viewBox="0 0 \d+ \d+"/);
      expect(svg.text).toMatch(/<(path|rect|circle) /);
    }
  });

  it('fetched nothing and logged nothing', () => {
    expect(requests).toEqual([]);
    expect(errors).toEqual([]);
  });
});
