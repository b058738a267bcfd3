// The page's whole state lives in its URL (shareable; the back button walks through it).
export const FILTERS = ['country', 'org', 'person', 'place', 'source'];
const SINGLES = ['q', 'from', 'to', 'sort', 'page', 'size', 'doc', 'lang'];

export function emptyState() {
  const state = { q: '', from: '', to: '', sort: '', page: 1, size: 10, doc: '', lang: 'ar' };
  for (const f of FILTERS) state[f] = [];
  return state;
}

export function stateFromUrl(search) {
  const params = new URLSearchParams(search);
  const state = emptyState();
  for (const f of FILTERS) state[f] = params.getAll(f).filter(Boolean);
  for (const k of SINGLES) if (params.has(k)) state[k] = params.get(k);
  state.page = Math.max(1, parseInt(state.page, 10) || 1);
  state.size = Math.min(100, Math.max(1, parseInt(state.size, 10) || 10));
  if (state.lang !== 'en') state.lang = 'ar';
  return state;
}

/** Query string of `state`, leaving out defaults so shared URLs stay short. */
export function urlFromState(state) {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const f of FILTERS) for (const v of state[f]) params.append(f, v);
  if (state.from) params.set('from', state.from);
  if (state.to) params.set('to', state.to);
  if (state.sort && state.sort !== 'relevance') params.set('sort', state.sort);
  if (state.page > 1) params.set('page', String(state.page));
  if (state.size !== 10) params.set('size', String(state.size));
  if (state.doc) params.set('doc', state.doc);
  if (state.lang === 'en') params.set('lang', 'en');
  const s = params.toString();
  return s ? `?${s}` : '/';
}

/** The /api/search parameters for `state` (facets always on for the panel). */
export function searchParams(state) {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const f of FILTERS) for (const v of state[f]) params.append(f, v);
  if (state.from) params.set('from', state.from);
  if (state.to) params.set('to', state.to);
  if (state.sort) params.set('sort', state.sort);
  params.set('page', String(state.page));
  params.set('size', String(state.size));
  params.set('facets', 'true');
  return params;
}

export function hasSearch(state) {
  return Boolean(state.q || state.from || state.to || FILTERS.some((f) => state[f].length));
}
