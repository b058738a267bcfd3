// The document view: metadata, the full cleaned text with its entities marked (by their byte
// spans, as text nodes inside <span> elements), and the entity list.
import { el, clear, markedText, safeUrl } from './dom.js';
import { strings, label } from './i18n.js';

function marked(text, entities, field, lang) {
  const spans = (entities || []).filter((e) => (e.field || 'text') === field && Number.isInteger(e.start));
  const t = strings(lang);
  // a name the recognizer found (not a gazetteer entry) is marked dashed and says how sure it was
  const model = (e) => e.source === 'model' && typeof e.confidence === 'number';
  return markedText(text || '', spans, (piece, e) =>
    el('span', { class: `entity entity-${e.type}${model(e) ? ' entity-model' : ''}`,
                 title: `${t[e.type] || e.type}: ${label(e, lang)}${model(e) ? ` (${t.modelFound(e.confidence)})` : ''}`,
                 'data-entity': `${e.type}:${e.id}` }, piece));
}

function paragraphs(nodes) {
  // Splits the marked text at line breaks (the cleaned text has one paragraph a line) into
  // <p> elements, keeping entity spans whole.
  const out = [];
  let p = el('p');
  for (const node of nodes) {
    if (node.nodeType !== Node.TEXT_NODE) { p.append(node); continue; }
    const parts = node.textContent.split(/\n+/);
    parts.forEach((part, i) => {
      if (i > 0) { out.push(p); p = el('p'); }
      if (part) p.append(document.createTextNode(part));
    });
  }
  out.push(p);
  return out.filter((x) => x.childNodes.length);
}

export function renderDocument(node, doc, state, actions) {
  const t = strings(state.lang);
  clear(node);
  const original = safeUrl(doc.url);
  const unique = new Map();
  for (const e of doc.entities || []) if (!unique.has(`${e.type}:${e.id}`)) unique.set(`${e.type}:${e.id}`, e);
  node.append(
    el('button', { type: 'button', class: 'link back', onclick: () => actions.closeDocument() }, t.back),
    el('h1', { class: 'doc-title' }, marked(doc.title, doc.entities, 'title', state.lang)),
    el('div', { class: 'meta' },
       el('span', { class: 'source' }, doc.source || ''),
       doc.published ? el('time', { datetime: doc.published }, `${t.published} ${doc.published.slice(0, 10)}`) : null,
       original ? el('a', { class: 'original', href: original, rel: 'noopener noreferrer nofollow', target: '_blank' },
                     t.original) : null),
    unique.size ? el('div', { class: 'entity-chips doc-entities' },
                     [...unique.values()].filter((e) => e.type !== 'source').map((e) =>
                       el('button', { type: 'button', class: `chip chip-${e.type}`,
                                      onclick: () => actions.searchEntity(e.type, e.id) }, label(e, state.lang))))
                : null,
    el('div', { class: 'doc-text' }, paragraphs(marked(doc.text, doc.entities, 'text', state.lang))),
    copiesList(doc.copies, t, actions));
}

// The other papers' copies of the same report (its copy cluster), each opening its own view.
function copiesList(copies, t, actions) {
  if (!copies || !copies.length) return null;
  return el('section', { class: 'doc-copies' },
    el('h2', {}, t.copies(copies.length + 1)),
    el('ul', {}, copies.map((c) =>
      el('li', {},
         el('button', { type: 'button', class: 'link copy', 'data-copy': c.id, onclick: () => actions.openDocument(c.id) },
            c.source || c.id),
         c.published ? el('time', { datetime: c.published }, ` ${c.published.slice(0, 10)} `) : ' ',
         el('span', { class: 'copy-title' }, c.title || '')))));
}
