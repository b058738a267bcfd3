// Browser test of the search page's partial notice over a cluster (partial.sh starts the cluster
// and `rasd serve --cluster`). Usage: node partial_test.mjs BASE_URL SHARD1_PID_FILE, the pid
// file of shard 1's search server (scripts/cluster.sh: "PID PORT"). The shard is killed here,
// between two searches. Prints "N passed, M failed".
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import net from 'node:net';

import { assert, openPage } from './page.mjs';

const [base, pidFile] = process.argv.slice(2);
if (!base || !pidFile) {
  console.error('usage: node partial_test.mjs BASE_URL SHARD1_PID_FILE');
  process.exit(2);
}
const QUERY = 'المغرب';
const WAIT_MS = 15000;  // every wait in the page is bounded by this

const tests = [];
const test = (name, fn) => tests.push({ name, fn });
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Whether something accepts a connection on 127.0.0.1:PORT. */
function listening(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    const done = (up) => { socket.destroy(); resolve(up); };
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
    socket.setTimeout(1000, () => done(false));
  });
}

/** Kills shard 1's search server with its process group (kill -9 -- -PID), as when its host dies. */
async function killShard1() {
  const [pid, port] = readFileSync(pidFile, 'utf8').trim().split(/\s+/).map(Number);
  assert(pid > 1 && port > 0, `no pid and port in ${pidFile}`);
  process.kill(-pid, 'SIGKILL');
  for (let i = 0; i < 50 && await listening(port); i++) await sleep(100);
  assert(!(await listening(port)), `shard 1's search server still listens on ${port}`);
  return port;
}

/** Runs ACTION (which starts a search) and returns the search API's JSON once the page settled. */
async function searched(page, action) {
  const answer = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/search');
  await action();
  const response = await answer;
  assert(response.status() === 200, `the search API answered ${response.status()}`);
  const result = await response.json();
  await page.waitForFunction(() => document.body.dataset.loading === 'false');
  return result;
}

async function search(page, query) {
  return searched(page, async () => {
    await page.fill('#q', query);
    await page.click('#search-button');
  });
}

/** The count in the summary shows the answer's total, and the page lists its hits. */
async function countShown(page, result, lang) {
  assert(result.total > 0 && result.hits.length > 0, `no hits for ${QUERY}: ${JSON.stringify(result).slice(0, 200)}`);
  assert(await page.isVisible('#summary .count'), 'no count in the summary');
  const count = (await page.textContent('#summary .count')).trim();
  const number = result.total.toLocaleString(lang);
  assert(count.includes(number), `the count "${count}" does not show the total ${number}`);
  const hits = (await page.$$('.hit')).length;
  assert(hits === result.hits.length, `${hits} hits on the page, ${result.hits.length} in the answer`);
}

test('a partial answer shows a notice naming the missing shard, and the hit count', async (browser) => {
  const page = await openPage(browser, { timeout: WAIT_MS });
  await page.goto(base);
  await page.waitForFunction(() => document.body.dataset.loading === 'false');

  // Every shard up: a whole answer, no notice.
  const whole = await search(page, QUERY);
  assert(!whole.partial, `the answer is partial with every shard up: ${JSON.stringify(whole.failed_shards)}`);
  await countShown(page, whole, 'ar');
  assert(await page.$('.partial') === null, 'a partial notice with every shard up');

  // Shard 1's search server dead: the same search again is partial.
  const port = await killShard1();
  const shard = `shard 1 (127.0.0.1:${port})`;
  const partial = await search(page, QUERY);
  assert(partial.partial === true, `the answer is not partial with shard 1 dead: ${JSON.stringify(partial).slice(0, 200)}`);
  assert(JSON.stringify(partial.failed_shards) === JSON.stringify([shard]),
         `failed_shards is ${JSON.stringify(partial.failed_shards)}, not ["${shard}"]`);
  assert(partial.total < whole.total, `shard 1 held no ${QUERY} report (total ${partial.total} of ${whole.total}): nothing is missing`);
  await page.waitForSelector('#summary .partial[role="status"]', { state: 'visible' });
  const notice = (await page.textContent('#summary .partial')).trim();
  assert(notice.startsWith('نتائج ناقصة') && notice.includes(shard), `the notice does not name ${shard} in Arabic: "${notice}"`);
  assert((await page.$$('.partial')).length === 1, 'more than one partial notice');
  await countShown(page, partial, 'ar');

  // In English (the language toggle searches again): the English notice.
  const english = await searched(page, () => page.click('#lang-toggle'));
  assert(english.partial === true, 'the answer after the language toggle is not partial');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  await page.waitForSelector('#summary .partial[role="status"]', { state: 'visible' });
  const noticeEn = (await page.textContent('#summary .partial')).trim();
  assert(noticeEn.startsWith('Partial results') && noticeEn.includes(shard), `the English notice does not name ${shard}: "${noticeEn}"`);
  await countShown(page, english, 'en');
  assert(page.problems.length === 0, page.problems.join('; '));
});

async function main() {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    timeout: 30000,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
           '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  let passed = 0, failed = 0;
  try {
    for (const t of tests) {
      try {
        await t.fn(browser);
        passed += 1;
        console.log(`ok   ${t.name}`);
      } catch (error) {
        failed += 1;
        console.log(`FAIL ${t.name}\n     ${error.message.split('\n')[0]}`);
      }
    }
  } finally {
    await browser.close();
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
}

main().catch((error) => {
  console.error(`partial browser test could not run: ${error.message}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
});
