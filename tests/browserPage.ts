/**
 * A page in Debian's Chromium (playwright-core) for the browser tests: every request that is not
 * a local file is blocked and recorded, and every error (and warning, if asked) the page logs is
 * kept. .ci/run installs Chromium; without it the tests fail in CI and are skipped elsewhere.
 */
import { existsSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const chromiumAvailable = existsSync(CHROMIUM);
if (!chromiumAvailable && process.env.CI) throw new Error(`${CHROMIUM} is missing: .ci/run must install Debian's chromium`);

export interface BlockedPage {
  readonly page: Page;
  /** What the page logged as an error (and as a warning, with `warnings`), and its uncaught exceptions. */
  readonly errors: string[];
  /** Every request the page tried beyond file://, each blocked. */
  readonly requests: string[];
}

export async function blockedPage(browser: Browser, viewport: { width: number; height: number }, warnings = false): Promise<BlockedPage> {
  const page = await browser.newPage({ viewport });
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || (warnings && m.type() === 'warning')) errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file://')) return route.continue();
    requests.push(url);
    return route.abort();
  });
  return { page, errors, requests };
}
