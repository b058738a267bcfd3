// The README's screenshot of `make demo`: results for داعش sorted by date, with the facets and
// the month histogram of the dated ANT sample. Against a running demo server:
//   node tests/web/demo_screenshot.mjs http://127.0.0.1:8080 docs/demo-results.png
// Not part of the tests; run by hand after changing the page or the sample.
import { chromium } from 'playwright-core';

const [base, out = 'docs/demo-results.png'] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
         '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const context = await browser.newContext({ viewport: { width: 1366, height: 1100 }, deviceScaleFactor: 1 });
const page = await context.newPage();
await page.goto(`${base}/?q=${encodeURIComponent('داعش')}&sort=date`);
await page.waitForFunction(() => document.body.dataset.loading === 'false');
await page.screenshot({ path: out });
await browser.close();
