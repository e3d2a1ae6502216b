/**
 * The explore page's redraw: in headless Chromium, a slider is moved and the time until every
 * chart is redrawn is read in the page (input event to the end of the redraw, the frame wait
 * included), at the scenario's 30 replications, with and without a lever on. Target: < 200 ms.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const CHROMIUM = '/usr/bin/chromium';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

export async function exploreBenchmark(root: string, moves = 15): Promise<void> {
  if (!existsSync(CHROMIUM)) {
    console.log(`explore: skipped (${CHROMIUM} is not installed)`);
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'entente-bench-explore-'));
  try {
    const html = join(dir, 'explore.html');
    const r = spawnSync(process.execPath, [
      join(root, 'dist', 'cli', 'main.js'),
      'explore',
      join(root, 'scenarios', 'china-russia-2022.yaml'),
      '--out',
      html,
      '-q',
    ]);
    if (r.status !== 0) throw new Error(`entente explore failed: ${r.stderr}`);
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    try {
      const page = await browser.newPage();
      const started = Date.now();
      await page.goto(`file://${html}`);
      await page.waitForFunction(() => Number(document.body.dataset.renders) >= 1, null, { timeout: 60_000 });
      const firstView = Date.now() - started;
      const redraw = async (lever: string) => {
        if (lever) await page.locator(`#levers input[value="${lever}"]`).check();
        const total: number[] = [];
        const model: number[] = [];
        for (let i = 0; i < moves; i++) {
          const [ms, engine] = await page.evaluate(
            (value) =>
              new Promise<[number, number]>((done) => {
                const before = Number(document.body.dataset.renders);
                const input = document.querySelector('input[data-path="actors.CHN.costAversion"]') as HTMLInputElement;
                const t0 = performance.now();
                new MutationObserver((_, observer) => {
                  if (Number(document.body.dataset.renders) > before) {
                    observer.disconnect();
                    done([performance.now() - t0, window.entente?.view.ms ?? Number.NaN]);
                  }
                }).observe(document.body, { attributes: true });
                input.value = String(value);
                input.dispatchEvent(new Event('input', { bubbles: true }));
              }),
            0.5 + 0.02 * (i % 10),
          );
          total.push(ms);
          model.push(engine);
        }
        return `${median(total).toFixed(0)} ms (model ${median(model).toFixed(0)} ms)`;
      };
      const baseline = await redraw('');
      const withLever = await redraw('rewardWedge');
      const before = await page.evaluate(() => Number(document.body.dataset.renders));
      await page.locator('#posterior').check();
      await page.waitForFunction((k) => Number(document.body.dataset.renders) > k, before);
      const overPosterior = await redraw('');
      console.log(
        `explore: page ${(statSync(html).size / 1e6).toFixed(2)} MB, first view ${firstView} ms; a slider move redraws every chart in ${baseline}, with a lever on ${withLever} (median of ${moves}; target < 200 ms); over the posterior's 40 particles ${overPosterior}`,
      );
    } finally {
      await browser.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
