import { chromium } from 'playwright-core';
const [,, file, sel, out] = process.argv;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
await page.goto('file://' + file);
await page.locator(sel).screenshot({ path: out });
await browser.close();
