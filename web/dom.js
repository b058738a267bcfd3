// DOM helpers. Document text only ever reaches the page as text nodes: no innerHTML anywhere.
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Creates an element with attributes (strings only) and children (nodes or strings). */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') node.className = v;
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? '' : String(v));
  }
  append(node, children);
  return node;
}

export function svg(tag, attrs = {}) {
  const node = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  return node;
}

export function append(node, children) {
  for (const c of children.flat()) {
    if (c === undefined || c === null || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

export function clear(node) {
  while (node.firstChild) node.firstChild.remove();
  return node;
}

/**
 * Text with marked spans. `spans` are [start, end) BYTE offsets into the UTF-8 encoding of
 * `text` (the server's offsets), sorted or not; overlapping spans are skipped. `wrap(piece,
 * span)` makes the element for a marked piece. Returns a list of nodes.
 */
export function markedText(text, spans, wrap) {
  const bytes = encoder.encode(text);
  const sorted = [...spans].filter((s) => s.start < s.end && s.end <= bytes.length).sort((a, b) => a.start - b.start);
  const nodes = [];
  let at = 0;
  for (const span of sorted) {
    if (span.start < at) continue;
    if (span.start > at) nodes.push(document.createTextNode(decoder.decode(bytes.subarray(at, span.start))));
    nodes.push(wrap(decoder.decode(bytes.subarray(span.start, span.end)), span));
    at = span.end;
  }
  if (at < bytes.length) nodes.push(document.createTextNode(decoder.decode(bytes.subarray(at))));
  return nodes;
}

/** A link target that is safe to put in href: only http(s) URLs. */
export function safeUrl(url) {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}
