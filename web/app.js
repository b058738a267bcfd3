// rasd's search page: state in the URL, a render per state change, no framework.
import * as api from './api.js';
import * as alerts from './alerts.js';
import { el, clear } from './dom.js';
import { renderDocument } from './document.js';
import { renderChips, renderFacets } from './facets.js';
import { renderHistogram } from './histogram.js';
import { applyLanguage, strings } from './i18n.js';
import { renderPager, renderResults, renderSummary } from './results.js';
import { searchParams, stateFromUrl, urlFromState } from './state.js';

const $ = (id) => document.getElementById(id);
// Links of the form /#/doc/ID (alert feeds) open the document view.
if (location.hash.startsWith('#/doc/')) {
  const params = new URLSearchParams(location.search);
  params.set('doc', decodeURIComponent(location.hash.slice('#/doc/'.length)));
  history.replaceState(null, '', `/?${params}`);
}
let state = stateFromUrl(location.search);
let generation = 0;  // drops answers to searches that a newer one replaced

function navigate(next, { replace = false } = {}) {
  state = next;
  const url = urlFromState(state);
  if (replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  render();
}

const update = (changes) => navigate({ ...state, ...changes });

const actions = {
  addFilter: (name, id) => {
    if (state[name].includes(id)) return;
    update({ [name]: [...state[name], id], page: 1, doc: '' });
  },
  removeFilter: (name, id) => update({ [name]: state[name].filter((v) => v !== id), page: 1 }),
  setDates: (from, to) => update({ from, to, page: 1 }),
  setPage: (page) => { update({ page }); window.scrollTo(0, 0); },
  setSort: (sort) => update({ sort, page: 1 }),
  openDocument: (id) => { update({ doc: id }); window.scrollTo(0, 0); },
  closeDocument: () => update({ doc: '' }),
  searchEntity: (type, id) => update({ q: '', country: [], org: [], person: [], place: [], source: [],
                                      from: '', to: '', [type]: [id], page: 1, doc: '' }),
};

function showError(node, error) {
  clear(node);
  node.append(el('p', { class: 'error', role: 'alert' }, strings(state.lang).error, error.message));
}

async function renderSearch() {
  const mine = ++generation;
  const summary = $('summary');
  summary.textContent = strings(state.lang).loading;
  document.body.dataset.loading = 'true';
  try {
    const result = await api.search(searchParams(state));
    if (mine !== generation) return;
    renderSummary(summary, result, state, actions);
    renderChips($('chips'), result, state, actions);
    renderFacets($('facets'), result, state, actions);
    renderHistogram($('histogram'), result, state, actions);
    renderResults($('results'), result, state, actions);
    renderPager($('pager'), result, state, actions);
    alerts.onSearch(state, result);
  } catch (error) {
    if (mine !== generation) return;
    for (const id of ['results', 'pager', 'facets', 'histogram']) clear($(id));
    showError(summary, error);
  } finally {
    if (mine === generation) document.body.dataset.loading = 'false';
  }
}

async function renderDoc() {
  const mine = ++generation;
  const view = $('doc-view');
  document.body.dataset.loading = 'true';
  try {
    const doc = await api.documentById(state.doc);
    if (mine !== generation) return;
    renderDocument(view, doc, state, actions);
  } catch (error) {
    if (mine !== generation) return;
    showError(view, error);
    view.prepend(el('button', { type: 'button', class: 'link back', onclick: actions.closeDocument },
                    strings(state.lang).back));
  }
  if (mine === generation) document.body.dataset.loading = 'false';
}

function render() {
  applyLanguage(document, state.lang);
  $('lang-toggle').textContent = strings(state.lang).otherLang;
  $('help').replaceChildren(helpTable());
  $('q').value = state.q;
  const docOpen = Boolean(state.doc);
  $('search-view').hidden = docOpen;
  $('doc-view').hidden = !docOpen;
  document.body.dataset.view = docOpen ? 'document' : 'search';
  if (docOpen) renderDoc();
  else renderSearch();
}

function helpTable() {
  const rows = strings(state.lang).help.map(([example, meaning]) =>
    el('tr', {}, el('td', {}, el('code', { dir: 'auto' }, example)), el('td', {}, meaning)));
  return el('table', {}, el('tbody', {}, rows));
}

function wire() {
  $('search-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    update({ q: $('q').value.trim(), page: 1, doc: '' });
  });
  $('help-button').addEventListener('click', () => { $('help').hidden = !$('help').hidden; });
  document.addEventListener('keydown', (ev) => { if (ev.key === 'Escape') $('help').hidden = true; });
  document.addEventListener('click', (ev) => {
    if (!ev.target.closest('#help, #help-button')) $('help').hidden = true;
  });
  $('lang-toggle').addEventListener('click', () => navigate({ ...state, lang: state.lang === 'en' ? 'ar' : 'en' },
                                                            { replace: true }));
  window.addEventListener('popstate', () => { state = stateFromUrl(location.search); render(); });
  alerts.mount({ state, navSlot: $('nav-alerts'), view: $('alerts-view'), summarySlot: $('summary'), strings });
}

wire();
render();
