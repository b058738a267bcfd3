// The month histogram: an SVG bar chart built with DOM calls. Click a month or drag across
// months to filter the search to that period. Time runs left to right in both languages.
import { el, svg, clear } from './dom.js';
import { strings } from './i18n.js';

const W = 720, H = 100, PAD_BOTTOM = 0;

function nextMonth(month) {
  let [y, m] = month.split('-').map(Number);
  m += 1;
  if (m > 12) { m = 1; y += 1; }
  return `${y}-${String(m).padStart(2, '0')}`;
}

/** Every month from the first to the last bucket, gaps filled with zero (capped for sanity). */
export function fillMonths(histogram) {
  const valid = (histogram || []).filter((b) => /^\d{4}-\d{2}$/.test(b.month));
  if (!valid.length) return [];
  const counts = new Map(valid.map((b) => [b.month, b.count]));
  const out = [];
  for (let m = valid[0].month; out.length < 600; m = nextMonth(m)) {
    out.push({ month: m, count: counts.get(m) || 0 });
    if (m === valid[valid.length - 1].month) break;
  }
  return out;
}

export function renderHistogram(node, result, state, actions) {
  clear(node);
  const months = fillMonths(result.histogram);
  if (months.length === 0) return;
  const t = strings(state.lang);
  const max = Math.max(1, ...months.map((b) => b.count));
  const step = W / months.length;
  // Stretched to the box (bars only); the month labels are HTML below, so text never distorts.
  const chart = svg('svg', { viewBox: `0 0 ${W} ${H}`, preserveAspectRatio: 'none', role: 'img',
                             'aria-label': t.histogramHint, class: 'chart' });
  const selection = svg('rect', { class: 'selection', x: 0, y: 0, width: 0, height: H - PAD_BOTTOM });
  chart.append(selection);
  const inRange = (m) => (!state.from || m >= state.from.slice(0, 7)) && (!state.to || m <= state.to.slice(0, 7));
  months.forEach((b, i) => {
    const h = Math.max(b.count ? 2 : 0, ((H - PAD_BOTTOM - 4) * b.count) / max);
    const bar = svg('rect', { class: inRange(b.month) ? 'bar' : 'bar dim', x: i * step + step * 0.1,
                              y: H - PAD_BOTTOM - h, width: Math.max(1, step * 0.8), height: h, 'data-month': b.month });
    const tip = svg('title', {});
    tip.textContent = `${b.month}: ${b.count}`;
    bar.append(tip);
    chart.append(bar);
  });
  attachDrag(chart, selection, months, step, actions);
  node.append(el('div', { class: 'histogram-head' }, el('h3', {}, t.dates), el('span', { class: 'hint' }, t.histogramHint)),
              chart, el('div', { class: 'axis' }, el('span', {}, months[0].month),
                        el('span', {}, months[months.length - 1].month)));
}

function attachDrag(chart, selection, months, step, actions) {
  const indexAt = (ev) => {
    const box = chart.getBoundingClientRect();
    const x = ((ev.clientX - box.left) / box.width) * W;
    return Math.min(months.length - 1, Math.max(0, Math.floor(x / step)));
  };
  let start = null;
  const show = (a, b) => {
    const lo = Math.min(a, b), hi = Math.max(a, b);
    selection.setAttribute('x', lo * step);
    selection.setAttribute('width', (hi - lo + 1) * step);
  };
  chart.addEventListener('pointerdown', (ev) => {
    start = indexAt(ev);
    chart.setPointerCapture?.(ev.pointerId);
    show(start, start);
  });
  chart.addEventListener('pointermove', (ev) => { if (start !== null) show(start, indexAt(ev)); });
  chart.addEventListener('pointerup', (ev) => {
    if (start === null) return;
    const end = indexAt(ev);
    const lo = Math.min(start, end), hi = Math.max(start, end);
    start = null;
    actions.setDates(months[lo].month, months[hi].month);
  });
  chart.addEventListener('pointercancel', () => { start = null; selection.setAttribute('width', 0); });
}
