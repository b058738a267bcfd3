// The facet panel (counts per value, click to filter) and the chips of the selected filters.
import { el, clear } from './dom.js';
import { strings, label } from './i18n.js';
import { FILTERS } from './state.js';

function facetGroup(name, values, state, actions) {
  const t = strings(state.lang);
  const selected = new Set(state[name]);
  const items = values.map((v) =>
    el('li', {},
       el('button', { type: 'button', class: selected.has(v.id) ? 'facet selected' : 'facet',
                      'data-facet': name, 'data-value': v.id, 'aria-pressed': selected.has(v.id) ? 'true' : 'false',
                      onclick: () => (selected.has(v.id) ? actions.removeFilter(name, v.id) : actions.addFilter(name, v.id)) },
          el('span', { class: 'facet-label' }, label(v, state.lang)),
          el('span', { class: 'facet-count' }, v.count.toLocaleString(state.lang === 'en' ? 'en' : 'ar')))));
  return el('section', { class: 'facet-group', 'data-group': name },
            el('h3', {}, t[name]), el('ul', {}, items));
}

export function renderFacets(node, result, state, actions) {
  clear(node);
  const facets = result.facets || {};
  for (const name of FILTERS) {
    const values = facets[name] || [];
    if (values.length) node.append(facetGroup(name, values.slice(0, 12), state, actions));
  }
}

/** Labels for selected filter ids, from the facet counts and the hits' entities. */
function labelFor(name, id, result, lang) {
  const fromFacet = (result.facets?.[name] || []).find((v) => v.id === id);
  if (fromFacet) return label(fromFacet, lang);
  for (const hit of result.hits || []) {
    const e = (hit.entities || []).find((x) => x.type === name && x.id === id);
    if (e) return label(e, lang);
  }
  return id;
}

export function renderChips(node, result, state, actions) {
  const t = strings(state.lang);
  clear(node);
  for (const name of FILTERS) {
    for (const id of state[name]) {
      node.append(el('button', { type: 'button', class: 'chip selected-filter', 'data-facet': name, 'data-value': id,
                                 title: t.removeFilter, onclick: () => actions.removeFilter(name, id) },
                     `${t[name]}: ${labelFor(name, id, result, state.lang)}`, el('span', { class: 'x' }, '×')));
    }
  }
  if (state.from || state.to) {
    node.append(el('button', { type: 'button', class: 'chip selected-filter', 'data-facet': 'dates',
                               title: t.clearDates, onclick: () => actions.setDates('', '') },
                   `${t.dates}: ${state.from || '…'} – ${state.to || '…'}`, el('span', { class: 'x' }, '×')));
  }
}
