// Saved alerts on the page: a "save as alert" form beside the search summary, and an alerts
// view (#/alerts) listing each alert with its last run, new-hit counts, errors, recent hits,
// its Atom feed and a delete button. Shown only when the server runs with --alerts.
import { ApiError } from './api.js';
import { authorizedFetch } from './auth.js';
import { el, clear } from './dom.js';
import { FILTERS } from './state.js';

const TEXT = {
  ar: {
    nav: 'التنبيهات', save: 'حفظ كتنبيه', name: 'الاسم', every: 'التكرار', webhook: 'Webhook (اختياري)',
    create: 'حفظ', cancel: 'إلغاء', saved: (id) => `حُفظ التنبيه رقم ${id}: سيُبلغ عن التقارير الجديدة فقط.`,
    title: 'التنبيهات المحفوظة', none: 'لا تنبيهات محفوظة بعد. ابحث ثم اختر «حفظ كتنبيه».',
    query: 'الاستعلام', lastRun: 'آخر تشغيل', never: 'لم يُشغّل بعد', newHits: 'جديد', total: 'المجموع',
    error: 'خطأ', hits: 'النتائج', feed: 'Atom', remove: 'حذف', confirmRemove: 'حذف هذا التنبيه ونتائجه؟',
    noHits: 'لا نتائج بعد.', copies: 'نسخ أخرى: ', back: '→ العودة إلى البحث', failed: 'تعذّر إكمال الطلب: ',
    feedOnce: 'رابط Atom السري (احفظه: لا يُعرض إلا الآن)', newFeed: 'رابط Atom جديد', failing: 'متعثر',
    intervals: { '15m': 'كل ١٥ دقيقة', '1h': 'كل ساعة', '1d': 'كل يوم' },
  },
  en: {
    nav: 'Alerts', save: 'Save as alert', name: 'Name', every: 'Every', webhook: 'Webhook (optional)',
    create: 'Save', cancel: 'Cancel', saved: (id) => `Alert ${id} saved: it reports new reports only.`,
    title: 'Saved alerts', none: 'No saved alerts yet. Search, then choose "Save as alert".',
    query: 'Query', lastRun: 'Last run', never: 'not run yet', newHits: 'New', total: 'Total',
    error: 'Error', hits: 'Hits', feed: 'Atom', remove: 'Delete', confirmRemove: 'Delete this alert and its hits?',
    noHits: 'No hits yet.', copies: 'Other copies: ', back: '← Back to search', failed: 'The request failed: ',
    feedOnce: 'Secret Atom feed (keep it: shown only now)', newFeed: 'New Atom address', failing: 'failing',
    intervals: { '15m': 'every 15 minutes', '1h': 'hourly', '1d': 'daily' },
  },
};

const text = () => TEXT[document.documentElement.lang === 'en' ? 'en' : 'ar'];
let page = null;  // { view, navSlot } once the server is known to serve alerts
let lastSearch = null;  // the state of the latest search, for a search rendered before mount resolved

async function call(method, url, body) {
  const init = { method, headers: { Accept: 'application/json' } };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const res = await authorizedFetch(url, init);
  if (res.status === 204) return null;
  const json = await res.json().catch(() => ({}));
  if (!res.ok) throw new ApiError(json, res.status);
  return json;
}

const alertUrl = (id, rest = '') => `/api/alerts/${encodeURIComponent(id)}${rest}`;

function errorLine(error) {
  return el('p', { class: 'error', role: 'alert' }, text().failed, error.message);
}

/** The filters of the current search, as the API's alert JSON names them. */
function filtersOf(state) {
  const filters = {};
  for (const f of FILTERS) if (state[f].length) filters[f] = [...state[f]];
  if (state.from) filters.from = state.from;
  if (state.to) filters.to = state.to;
  return filters;
}

function saveForm(state, slot) {
  const t = text();
  const name = el('input', { type: 'text', required: true, value: state.q || '', 'aria-label': t.name });
  const every = el('select', { 'aria-label': t.every },
                   Object.entries(t.intervals).map(([v, label]) => el('option', { value: v, selected: v === '1h' }, label)));
  const webhook = el('input', { type: 'url', placeholder: t.webhook, 'aria-label': t.webhook, dir: 'ltr' });
  const status = el('span', { class: 'alert-status', 'aria-live': 'polite' });
  const form = el('form', { class: 'alert-form' },
                  el('label', {}, t.name, ' ', name), ' ', el('label', {}, t.every, ' ', every), ' ', webhook, ' ',
                  el('button', { type: 'submit' }, t.create), ' ',
                  el('button', { type: 'button', class: 'link', onclick: () => form.remove() }, t.cancel), ' ', status);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const body = { name: name.value.trim() || state.q, query: state.q, every: every.value, filters: filtersOf(state) };
    if (webhook.value.trim()) body.webhook = webhook.value.trim();
    try {
      const alert = await call('POST', '/api/alerts', body);
      form.replaceWith(el('p', { class: 'alert-saved', role: 'status' }, t.saved(alert.id), ' ',
                          el('a', { href: alert.feed_url, type: 'application/atom+xml', class: 'alert-feed' }, t.feedOnce)));
    } catch (error) {
      clear(status).append(errorLine(error));
    }
  });
  slot.append(form);
  name.focus();
}

function hitList(hits) {
  const t = text();
  if (!hits.length) return el('p', {}, t.noHits);
  return el('ul', { class: 'alert-hits' }, hits.map((h) => el('li', {},
    el('a', { href: `/?doc=${encodeURIComponent(h.doc_id)}` }, h.title || h.doc_id), ' ',
    el('span', { class: 'source' }, h.source || ''), ' ',
    h.published ? el('time', { datetime: h.published }, h.published.slice(0, 10)) : null,
    h.copies && h.copies.length
      ? el('span', { class: 'copies' }, ' ', t.copies, h.copies.map((c) => c.source || c.id).join('، '))
      : null)));
}

function filterText(filters) {
  return Object.entries(filters || {}).map(([k, v]) => `${k}: ${[].concat(v).join(', ')}`).join(' · ');
}

function alertRow(alert) {
  const t = text();
  const details = el('div', { class: 'alert-details' });
  const showHits = async () => {
    try {
      const body = await call('GET', alertUrl(alert.id, '/hits'));
      clear(details).append(hitList(body.hits));
    } catch (error) {
      clear(details).append(errorLine(error));
    }
  };
  // A feed reader cannot send a token: the feed has a secret address, shown once when made.
  const newFeed = async () => {
    try {
      const body = await call('POST', alertUrl(alert.id, '/feed'));
      clear(details).append(el('p', {}, el('a', { href: body.feed_url, type: 'application/atom+xml', class: 'alert-feed' },
                                            t.feedOnce)));
    } catch (error) {
      clear(details).append(errorLine(error));
    }
  };
  const remove = async () => {
    if (!window.confirm(t.confirmRemove)) return;
    try {
      await call('DELETE', alertUrl(alert.id));
      renderList();
    } catch (error) {
      clear(details).append(errorLine(error));
    }
  };
  return el('li', { class: 'alert-item', 'data-alert-id': alert.id },
    el('div', { class: 'alert-head' }, el('strong', {}, alert.name), ' ',
       el('span', { class: 'alert-every' }, t.intervals[alert.every] || alert.every)),
    el('div', {}, t.query, ': ', el('code', { dir: 'auto' }, alert.query), ' ',
       el('span', { class: 'alert-filters' }, filterText(alert.filters))),
    el('div', { class: 'meta' },
       t.lastRun, ': ', alert.last_run || t.never, ' · ', t.newHits, ': ', String(alert.last_new_hits), ' · ',
       t.total, ': ', String(alert.total_hits)),
    alert.status === 'failing' ? el('p', { class: 'error alert-failing' }, t.failing, ': ', alert.webhook_error || '') : null,
    alert.last_error ? el('p', { class: 'error' }, t.error, ': ', alert.last_error) : null,
    el('div', { class: 'alert-actions' },
       el('button', { type: 'button', class: 'link', onclick: showHits }, t.hits), ' ',
       el('button', { type: 'button', class: 'link', onclick: newFeed }, t.newFeed), ' ',
       el('button', { type: 'button', class: 'link', onclick: remove }, t.remove)),
    details);
}

async function renderList() {
  const t = text();
  const { view } = page;
  try {
    const body = await call('GET', '/api/alerts');
    clear(view).append(
      el('button', { type: 'button', class: 'link back', onclick: () => { location.hash = ''; } }, t.back),
      el('h2', {}, t.title),
      body.alerts.length ? el('ol', { class: 'alert-list' }, body.alerts.map(alertRow)) : el('p', {}, t.none));
  } catch (error) {
    clear(view).append(errorLine(error));
  }
}

/** Shows the alerts view when the address ends in #/alerts, the page's own views otherwise. */
function route() {
  if (!page) return;
  const open = location.hash === '#/alerts';
  page.view.hidden = !open;
  page.view.classList.add('alerts-view');
  document.getElementById('search-view').hidden = open || document.body.dataset.view === 'document';
  document.getElementById('doc-view').hidden = open || document.body.dataset.view !== 'document';
  if (open) renderList();
}

export async function mount({ navSlot, view }) {
  try {
    await call('GET', '/api/alerts');
  } catch {
    return;  // the server runs without --alerts: no alerts UI
  }
  page = { view, navSlot };
  navSlot.append(el('a', { href: '#/alerts', class: 'nav-alerts', id: 'alerts-link' }, text().nav));
  window.addEventListener('hashchange', route);
  route();
  if (lastSearch) onSearch(lastSearch);
}

/** Adds "save as alert" beside the summary of a search that has a query. */
export function onSearch(state, _result) {
  lastSearch = state;
  if (!page) return;
  route();
  const summary = document.getElementById('summary');
  if (!state.q || document.getElementById('save-alert')) return;
  const button = el('button', { type: 'button', class: 'link save-alert', id: 'save-alert' }, text().save);
  button.addEventListener('click', () => { button.remove(); saveForm(state, summary); });
  summary.append(' ', button);
}
