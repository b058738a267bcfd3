// Screenshots of the page for docs/ (README), taken against a running server over a real index:
//   node tests/web/docs_screenshots.mjs http://127.0.0.1:8080 docs/
// Not part of the tests; run by hand after changing the page.
import { chromium } from 'playwright-core';
import path from 'node:path';

const [base, out = 'docs'] = process.argv.slice(2);
const query = process.env.RASD_SHOT_QUERY || 'ترامب';
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
         '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const settled = (page) => page.waitForFunction(() => document.body.dataset.loading === 'false');

async function shot(viewport, url, file, before = async () => {}) {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
  const page = await context.newPage();
  await page.goto(`${base}${url}`);
  await settled(page);
  await before(page);
  await page.screenshot({ path: path.join(out, file) });
  await context.close();
}

const q = encodeURIComponent(query);
await shot({ width: 1366, height: 1000 }, `/?q=${q}&country=IR`, 'page-results.png');
await shot({ width: 1366, height: 900 }, `/?q=${q}`, 'page-document.png', async (page) => {
  await page.click('.hit h2 a');
  await settled(page);
});
await shot({ width: 390, height: 844 }, `/?q=${q}`, 'page-phone.png');
// The person facet of an ANT search: people the recognizer found beside the gazetteer's
// (RASD_SHOT_PERSONS sets the query; the README shows it under "Entities and dates").
{
  const context = await browser.newContext({ viewport: { width: 1366, height: 1000 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  await page.goto(`${base}/?q=${encodeURIComponent(process.env.RASD_SHOT_PERSONS || 'داعش الموصل')}`);
  await settled(page);
  await page.locator('.facet-group[data-group="person"]').screenshot({ path: path.join(out, 'page-persons.png') });
  await context.close();
}
await browser.close();
