// What the browser tests share: assertions and a page that records its problems.

export function assert(cond, message) {
  if (!cond) throw new Error(message);
}

/**
 * A fresh page (Arabic locale) that records script errors, console errors, failed asset loads
 * and server errors in page.problems, and dismisses dialogs into page.dialogs. `timeout`, when
 * given, bounds every wait of the page.
 */
export async function openPage(browser, { width = 1280, height = 900, timeout } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, locale: 'ar' });
  const page = await context.newPage();
  if (timeout) page.setDefaultTimeout(timeout);
  page.problems = [];
  page.dialogs = [];
  page.on('pageerror', (e) => page.problems.push(`page error: ${e.message}`));
  // Failed loads are judged by their responses below (a 404 from an optional API, such as
  // /api/alerts on a server without --alerts, is not a page defect).
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) page.problems.push(`console: ${m.text()}`);
  });
  page.on('response', (r) => {
    const url = new URL(r.url());
    const missingAsset = r.status() === 404 && !url.pathname.startsWith('/api/');
    if (missingAsset || r.status() >= 500) page.problems.push(`HTTP ${r.status()} for ${url.pathname}`);
  });
  page.on('dialog', async (d) => { page.dialogs.push(d.message()); await d.dismiss(); });
  return page;
}
