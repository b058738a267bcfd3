// Browser tests of rasd's search page in headless Chromium (Debian's /usr/bin/chromium driven
// by playwright-core). Usage: node browser_test.mjs BASE_URL. Prints "N passed, M failed".
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { assert, openPage } from './page.mjs';

const base = process.argv[2];
// A second server with a read token, a write token and alerts (run.sh starts it; the tokens
// come through the environment, never a command line).
const guarded = process.argv[3];
const READ_TOKEN = process.env.RASD_TEST_READ_TOKEN || '';
const WRITE_TOKEN = process.env.RASD_TEST_WRITE_TOKEN || '';
if (!base) {
  console.error('usage: node browser_test.mjs BASE_URL [GUARDED_URL]');
  process.exit(2);
}
const here = path.dirname(fileURLToPath(import.meta.url));
const shots = path.join(here, 'screenshots');
mkdirSync(shots, { recursive: true });
const QUERY = 'هجوم';

const tests = [];
const test = (name, fn) => tests.push({ name, fn });

async function settled(page) {
  await page.waitForFunction(() => document.body.dataset.loading === 'false');
}

async function search(page, query) {
  await page.fill('#q', query);
  await page.click('#search-button');
  await page.waitForFunction((q) => new URLSearchParams(location.search).get('q') === q, query);
  await settled(page);
}

const params = (page) => new URL(page.url()).searchParams;

test('the page loads in Arabic, right to left, with the syntax help', async (browser) => {
  const page = await openPage(browser);
  await page.goto(base);
  await settled(page);
  assert(await page.getAttribute('html', 'dir') === 'rtl', 'dir is not rtl');
  assert(await page.getAttribute('html', 'lang') === 'ar', 'lang is not ar');
  assert((await page.textContent('#search-button')).trim() === 'بحث', 'search button not in Arabic');
  assert(await page.isHidden('#help'), 'help shown before asked');
  await page.click('#help-button');
  assert(await page.isVisible('#help table'), 'help popover did not open');
  assert((await page.textContent('#help')).includes('OR'), 'help lacks the OR syntax');
  await page.keyboard.press('Escape');
  assert(await page.isHidden('#help'), 'Escape did not close the help');
  assert(page.problems.length === 0, page.problems.join('; '));
});

test('a search shows hits with whole-word highlights, facets and the histogram', async (browser) => {
  const page = await openPage(browser);
  await page.goto(base);
  await search(page, QUERY);
  const hits = await page.$$('.hit');
  assert(hits.length > 0, 'no hits');
  const marks = await page.$$eval('.snippet mark', (ms) => ms.map((m) => ({
    text: m.textContent,
    before: m.previousSibling ? m.previousSibling.textContent.slice(-1) : '',
    after: m.nextSibling ? m.nextSibling.textContent.slice(0, 1) : '',
    bg: getComputedStyle(m).backgroundColor,
  })));
  assert(marks.length > 0, 'no highlighted words');
  const letter = /[\p{L}\p{M}]/u;
  for (const m of marks) {
    assert(!letter.test(m.before) && !letter.test(m.after), `highlight inside a word: ${m.before}[${m.text}]${m.after}`);
    assert(m.bg !== 'rgba(0, 0, 0, 0)', 'highlight has no background');
  }
  assert(await page.$('.facet-group[data-group="source"] .facet'), 'no source facet');
  assert((await page.$$('#histogram svg rect.bar')).length > 0, 'no histogram bars');
  await page.screenshot({ path: path.join(shots, 'results.png'), fullPage: true });
  assert(page.problems.length === 0, page.problems.join('; '));
});

test('clicking a facet filters, shows a removable chip, and the back button undoes it', async (browser) => {
  const page = await openPage(browser);
  await page.goto(`${base}/?q=${encodeURIComponent(QUERY)}`);
  await settled(page);
  const facet = await page.$('.facet-group[data-group="source"] .facet');
  const value = await facet.getAttribute('data-value');
  await facet.click();
  await page.waitForFunction((v) => new URLSearchParams(location.search).getAll('source').includes(v), value);
  await settled(page);
  const chip = await page.$(`.selected-filter[data-facet="source"][data-value="${value}"]`);
  assert(chip, 'no chip for the selected filter');
  const sources = await page.$$eval('.hit .source', (els) => els.map((e) => e.textContent));
  assert(sources.length > 0 && sources.every((s) => s === value), `hits outside the filter: ${sources}`);
  await page.goBack();
  await page.waitForFunction(() => !new URLSearchParams(location.search).has('source'));
  await settled(page);
  assert(!(await page.$('.selected-filter')), 'chip still shown after back');
  await page.goForward();
  await settled(page);
  await page.click(`.selected-filter[data-facet="source"]`);
  await page.waitForFunction(() => !new URLSearchParams(location.search).has('source'));
  assert(page.problems.length === 0, page.problems.join('; '));
});

test('pagination moves through the results and is in the URL', async (browser) => {
  const page = await openPage(browser);
  await page.goto(`${base}/?q=${encodeURIComponent(QUERY)}&size=2`);
  await settled(page);
  const first = await page.$$eval('.hit', (els) => els.map((e) => e.dataset.id));
  assert(first.length === 2, `expected 2 hits on page 1, got ${first.length}`);
  await page.click('#pager .page[data-page="2"]');
  await page.waitForFunction(() => new URLSearchParams(location.search).get('page') === '2');
  await settled(page);
  const second = await page.$$eval('.hit', (els) => els.map((e) => e.dataset.id));
  assert(second.length > 0 && second.every((id) => !first.includes(id)), 'page 2 repeats page 1');
  assert(await page.getAttribute('#pager .page[data-page="2"]', 'aria-current') === 'page', 'page 2 not current');
  await page.goBack();
  await page.waitForFunction(() => !new URLSearchParams(location.search).has('page'));
  await settled(page);
  const again = await page.$$eval('.hit', (els) => els.map((e) => e.dataset.id));
  assert(JSON.stringify(again) === JSON.stringify(first), 'back did not restore page 1');
});

test('the histogram filters by a clicked month', async (browser) => {
  const page = await openPage(browser);
  await page.goto(`${base}/?q=${encodeURIComponent(QUERY)}`);
  await settled(page);
  const bar = await page.$('#histogram rect.bar[height]:not([height="0"])');
  assert(bar, 'no non-empty bar');
  const month = await bar.getAttribute('data-month');
  await bar.click();
  await page.waitForFunction(() => new URLSearchParams(location.search).has('from'));
  await settled(page);
  assert(params(page).get('from') === month && params(page).get('to') === month, `range is not ${month}`);
  assert(await page.$('.selected-filter[data-facet="dates"]'), 'no date chip');
  const dates = await page.$$eval('.hit time', (els) => els.map((e) => e.getAttribute('datetime').slice(0, 7)));
  assert(dates.every((d) => d === month), `hits outside ${month}: ${dates}`);
});

test('dragging across the histogram filters to a range of months', async (browser) => {
  const page = await openPage(browser);
  await page.goto(`${base}/?q=${encodeURIComponent(QUERY)}`);
  await settled(page);
  const bars = await page.$$('#histogram rect.bar');
  assert(bars.length >= 2, 'fewer than two months to drag across');
  const first = await bars[0].boundingBox();
  const last = await bars[bars.length - 1].boundingBox();
  const firstMonth = await bars[0].getAttribute('data-month');
  const lastMonth = await bars[bars.length - 1].getAttribute('data-month');
  await page.mouse.move(first.x + first.width / 2, first.y + first.height - 2);
  await page.mouse.down();
  await page.mouse.move(last.x + last.width / 2, last.y + last.height - 2, { steps: 5 });
  await page.mouse.up();
  await page.waitForFunction(() => new URLSearchParams(location.search).has('to'));
  await settled(page);
  assert(params(page).get('from') === firstMonth && params(page).get('to') === lastMonth,
         `range ${params(page).get('from')}..${params(page).get('to')} is not ${firstMonth}..${lastMonth}`);
});

test('a document opens with its full text and marked entities, and closes', async (browser) => {
  const page = await openPage(browser);
  await page.goto(`${base}/?q=${encodeURIComponent(QUERY)}`);
  await settled(page);
  const id = await page.getAttribute('.hit', 'data-id');
  await page.click('.hit h2 a');
  await page.waitForFunction((d) => new URLSearchParams(location.search).get('doc') === d, id);
  await settled(page);
  assert(await page.isVisible('#doc-view .doc-text'), 'document text not shown');
  assert((await page.textContent('#doc-view .doc-text')).length > 40, 'document text too short');
  await page.screenshot({ path: path.join(shots, 'document.png'), fullPage: true });
  await page.click('#doc-view .back');
  await page.waitForFunction(() => !new URLSearchParams(location.search).has('doc'));
  assert(await page.isVisible('#results .hit'), 'results not back');
  assert(page.problems.length === 0, page.problems.join('; '));
});

test('a document with entities shows them as marked spans', async (browser) => {
  const page = await openPage(browser);
  // Seed articles name countries and cities; find one with entities through the API.
  const found = await page.request.get(`${base}/api/search?q=${encodeURIComponent('الأمن')}&size=20`);
  const hits = (await found.json()).hits || [];
  const withEntities = hits.find((h) => (h.entities || []).some((e) => e.type !== 'source'));
  assert(withEntities, 'no seed document with entities');
  await page.goto(`${base}/?doc=${encodeURIComponent(withEntities.id)}`);
  await settled(page);
  const spans = await page.$$eval('#doc-view .entity', (els) => els.map((e) => e.textContent));
  assert(spans.length > 0 && spans.every((t) => t.trim().length > 0), 'no marked entities in the text');
});

test('documents carrying <script>, <img onerror> and javascript: payloads run nothing', async (browser) => {
  const page = await openPage(browser);
  await page.goto(`${base}/?q=${encodeURIComponent(QUERY)}&source=test&source=${encodeURIComponent('<b>evil</b>')}`);
  await settled(page);
  const titles = await page.$$eval('.hit h2', (els) => els.map((e) => e.textContent));
  assert(titles.some((t) => t.includes('<script>')), `payload not shown as text: ${titles}`);
  for (const id of ['xss-script', 'xss-img', 'xss-js']) {
    await page.goto(`${base}/?doc=${id}`);
    await settled(page);
    await page.waitForTimeout(200);
    const text = await page.textContent('#doc-view');
    assert(text.includes('<') && text.includes('window.__xss'), `${id}: payload not visible as text`);
  }
  await page.goto(`${base}/?q=${encodeURIComponent(QUERY)}`);
  await settled(page);
  const state = await page.evaluate(() => ({
    xss: typeof window.__xss,
    scripts: document.querySelectorAll('#main script, #main img, #main iframe, #main svg [onload]').length,
    handlers: [...document.querySelectorAll('#main *')].filter((e) => [...e.attributes].some((a) => a.name.startsWith('on'))).length,
    jsLinks: [...document.querySelectorAll('a[href]')].filter((a) => a.href.trim().toLowerCase().startsWith('javascript:')).length,
  }));
  assert(state.xss === 'undefined', 'a payload ran: window.__xss is set');
  assert(state.scripts === 0, 'payload elements reached the DOM');
  assert(state.handlers === 0, 'inline event handlers reached the DOM');
  assert(state.jsLinks === 0, 'a javascript: link reached the DOM');
  assert(page.dialogs.length === 0, `a dialog opened: ${page.dialogs}`);
  assert(page.problems.length === 0, page.problems.join('; '));
});

test('the English toggle switches labels and direction, and stays in the URL', async (browser) => {
  const page = await openPage(browser);
  await page.goto(`${base}/?q=${encodeURIComponent(QUERY)}`);
  await settled(page);
  await page.click('#lang-toggle');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert(await page.getAttribute('html', 'dir') === 'ltr', 'dir not ltr in English');
  assert((await page.textContent('#search-button')).trim() === 'Search', 'button not in English');
  assert(params(page).get('lang') === 'en', 'language not in the URL');
  await page.reload();
  await settled(page);
  assert(await page.getAttribute('html', 'lang') === 'en', 'language lost on reload');
});

test('an API error shows the server sentence, not a blank page', async (browser) => {
  const page = await openPage(browser);
  page.on('console', () => {});
  await page.goto(`${base}/?q=${encodeURIComponent('"غير مغلق')}&page=5000&size=100`);
  await settled(page);
  const error = await page.textContent('#summary');
  assert(error.length > 10, 'no error message shown');
});

test('a near-duplicate cluster shows as one hit with "2 copies"', async (browser) => {
  const page = await openPage(browser);
  await page.goto(`${base}/?q=${encodeURIComponent('خلية')}`);
  await settled(page);
  assert((await page.$$('.hit')).length === 1, 'the copies were not collapsed');
  const copies = await page.textContent('.hit .copies');
  assert(copies.includes('2') || copies.includes('٢'), `no "2 copies" label: ${copies}`);
  assert((await page.getAttribute('.hit .copies', 'title')).includes('agency-b'), 'the other copy is not named');
});

test('a phone-width viewport shows one column without sideways scrolling', async (browser) => {
  const page = await openPage(browser, { width: 390, height: 844 });
  await page.goto(`${base}/?q=${encodeURIComponent(QUERY)}`);
  await settled(page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert(overflow <= 1, `page is ${overflow}px wider than the phone`);
  await page.screenshot({ path: path.join(shots, 'phone.png'), fullPage: false });
});

/** Answers the page's token dialog with `token`. */
async function giveToken(page, token) {
  await page.waitForSelector('#token-dialog[open]');
  await page.fill('#token-input', token);
  await page.click('#token-ok');
}

async function alertCount() {
  const res = await fetch(`${guarded}/api/alerts`, { headers: { Authorization: `Bearer ${READ_TOKEN}` } });
  return (await res.json()).alerts.length;
}

if (guarded) {
  test('a server with a read token: the page asks for it and keeps it for the session only', async (browser) => {
    const page = await openPage(browser);
    await page.goto(`${guarded}/?q=${encodeURIComponent(QUERY)}`);
    await giveToken(page, 'not-the-token-000000000');
    await page.waitForSelector('#token-dialog[open]');  // a wrong token is asked for again
    assert((await page.textContent('#token-why')).length > 5, 'the dialog says nothing');
    await page.fill('#token-input', READ_TOKEN);
    await page.click('#token-ok');
    await settled(page);
    assert((await page.$$('.hit')).length > 0, 'no hits after the read token was given');
    const stored = await page.evaluate(() => ({ session: sessionStorage.getItem('rasd-token'),
                                                local: JSON.stringify(localStorage), cookies: document.cookie }));
    assert(stored.session === READ_TOKEN, 'the token is not kept for the session');
    assert(stored.local === '{}' && stored.cookies === '', 'the token leaked past the session');
    assert(!page.url().includes(READ_TOKEN), 'the token is in the address');
    await page.screenshot({ path: path.join(shots, 'token.png') });
    // The next search in the same session does not ask again.
    await search(page, 'سوريا');
    assert(!(await page.$('#token-dialog[open]')), 'asked again within the session');
    // A new browser session asks again.
    const fresh = await openPage(browser);
    await fresh.goto(`${guarded}/?q=${encodeURIComponent(QUERY)}`);
    await fresh.waitForSelector('#token-dialog[open]');
    assert(page.problems.length === 0, page.problems.join('; '));
  });

  test('saving an alert asks for the write token; the read token is not enough', async (browser) => {
    const page = await openPage(browser);
    await page.goto(`${guarded}/?q=${encodeURIComponent(QUERY)}`);
    await giveToken(page, READ_TOKEN);
    await settled(page);
    const before = await alertCount();
    await page.waitForSelector('#save-alert');
    await page.click('#save-alert');
    await page.click('.alert-form button[type=submit]');
    await giveToken(page, WRITE_TOKEN);  // the server said 403 to the read token
    await page.waitForSelector('.alert-saved');
    assert(await alertCount() === before + 1, 'the alert was not saved');
    const feed = await page.getAttribute('.alert-saved a.alert-feed', 'href');
    assert(feed && feed.startsWith('/api/feeds/'), `no secret feed address: ${feed}`);
    const atom = await fetch(`${guarded}${feed}`);  // a feed reader: no token
    assert(atom.status === 200, `the secret feed answered ${atom.status}`);
    assert(await page.evaluate(() => sessionStorage.getItem('rasd-token')) === WRITE_TOKEN, 'the write token is not kept');
  });

  test('a cross-site form POST (text/plain) creates no alert', async (browser) => {
    const before = await alertCount();
    const page = await openPage(browser);
    await page.setContent(`<form id="f" method="POST" enctype="text/plain" action="${guarded}/api/alerts">
      <input name='{"name":"csrf","query":"x","every":"1h","x":"' value='"}'></form>`);
    const answer = page.waitForResponse((r) => r.url().endsWith('/api/alerts'));
    await page.evaluate(() => document.getElementById('f').submit());
    const status = (await answer).status();
    assert(status === 401 || status === 415, `the cross-site POST was answered ${status}`);
    assert(await alertCount() === before, 'a cross-site POST created an alert');
  });
}

async function main() {
  // launch() gives Chromium a fresh temporary --user-data-dir of its own (it refuses the flag
  // in args) and deletes it on close.
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
           '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  let passed = 0, failed = 0;
  try {
    for (const t of tests) {
      const before = new Set(browser.contexts());
      try {
        await t.fn(browser);
        passed += 1;
        console.log(`ok   ${t.name}`);
      } catch (error) {
        failed += 1;
        console.log(`FAIL ${t.name}\n     ${error.message.split('\n')[0]}`);
      }
      // Closing the test's pages frees their keep-alive connections on the server.
      for (const c of browser.contexts()) if (!before.has(c)) await c.close();
    }
  } finally {
    await browser.close();
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
}

main().catch((error) => {
  console.error(`browser tests could not run: ${error.message}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
});
