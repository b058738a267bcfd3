// The result list and the pager.
import { el, clear, markedText, safeUrl } from './dom.js';
import { strings, label } from './i18n.js';

/** The snippet with its highlights as <mark> elements (offsets are UTF-8 bytes). */
function snippet(hit) {
  const s = hit.snippet || { text: '', highlights: [] };
  const spans = (s.highlights || []).map(([start, end]) => ({ start, end }));
  return el('p', { class: 'snippet' }, markedText(s.text || '', spans, (piece) => el('mark', {}, piece)));
}

function entityChips(hit, lang, actions) {
  const seen = new Set();
  const chips = [];
  for (const e of hit.entities || []) {
    const key = `${e.type}:${e.id}`;
    if (seen.has(key) || !['country', 'org', 'person', 'place'].includes(e.type)) continue;
    seen.add(key);
    chips.push(el('button', { type: 'button', class: `chip chip-${e.type}`, title: strings(lang)[e.type],
                             onclick: () => actions.addFilter(e.type, e.id) }, label(e, lang)));
  }
  return chips.length ? el('div', { class: 'entity-chips' }, chips.slice(0, 8)) : null;
}

function hitItem(hit, state, actions) {
  const t = strings(state.lang);
  const original = safeUrl(hit.url);
  const title = el('a', { class: 'title', href: `?doc=${encodeURIComponent(hit.id)}`,
                          onclick: (ev) => { ev.preventDefault(); actions.openDocument(hit.id); } },
                   hit.title || hit.id);
  const copies = hit.copies > 1
    ? el('span', { class: 'copies', title: (hit.copy_list || []).map((c) => c.source || c.id).join('، ') },
         t.copies(hit.copies))
    : null;
  const meta = el('div', { class: 'meta' },
                  el('span', { class: 'source' }, hit.source || ''),
                  hit.published ? el('time', { datetime: hit.published }, hit.published.slice(0, 10)) : null,
                  copies,
                  original ? el('a', { class: 'original', href: original, rel: 'noopener noreferrer nofollow',
                                       target: '_blank' }, t.original) : null);
  return el('li', { class: 'hit', 'data-id': hit.id }, el('h2', {}, title), meta, snippet(hit),
            entityChips(hit, state.lang, actions));
}

export function renderResults(node, result, state, actions) {
  clear(node);
  for (const hit of result.hits || []) node.append(hitItem(hit, state, actions));
}

export function renderSummary(node, result, state, actions) {
  const t = strings(state.lang);
  clear(node);
  const total = result.total || 0;
  node.append(el('span', { class: 'count' }, total ? t.results(total, result.total_exact !== false) : t.noResults));
  const sort = el('select', { id: 'sort', 'aria-label': 'sort', onchange: (ev) => actions.setSort(ev.target.value) },
                  el('option', { value: 'relevance' }, t.sortRelevance), el('option', { value: 'date' }, t.sortDate));
  sort.value = state.sort === 'date' ? 'date' : 'relevance';
  if (total) node.append(sort);
  // A cluster's shard that did not answer: the hits and counts lack its reports.
  if (result.partial) {
    node.append(el('p', { class: 'partial', role: 'status' },
                   t.partial((result.failed_shards || []).join(state.lang === 'ar' ? '، ' : ', '))));
  }
}

/** Pages around the current one; the server refuses pages past its deepest result. */
export function renderPager(node, result, state, actions, maxDepth = 10000) {
  const t = strings(state.lang);
  clear(node);
  const last = Math.min(Math.ceil((result.total || 0) / state.size), Math.floor(maxDepth / state.size));
  if (last <= 1) return;
  const button = (page, text, extra = {}) =>
    el('button', { type: 'button', class: 'page', 'data-page': page, onclick: () => actions.setPage(page), ...extra }, text);
  node.append(button(state.page - 1, t.prev, { disabled: state.page <= 1, rel: 'prev' }));
  const from = Math.max(1, state.page - 2);
  const to = Math.min(last, from + 4);
  for (let p = from; p <= to; p++) {
    node.append(button(p, p.toLocaleString(state.lang === 'en' ? 'en' : 'ar'),
                       { 'aria-current': p === state.page ? 'page' : false }));
  }
  node.append(button(state.page + 1, t.next, { disabled: state.page >= last, rel: 'next' }));
}
