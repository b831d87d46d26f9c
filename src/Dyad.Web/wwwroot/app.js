// Dyad's web interface: plain DOM and SVG, no libraries. Every piece of article or event text goes into the page
// as a text node (el() never parses HTML), so news text cannot inject markup or script.
'use strict';

const main = document.getElementById('main');
const SVG = 'http://www.w3.org/2000/svg';
let types = [];

// ---- DOM helpers ------------------------------------------------------------------------------------------------

function build(node, attrs, children) {
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

const el = (tag, attrs, ...children) => build(document.createElement(tag), attrs, children);
const svg = (tag, attrs, ...children) => build(document.createElementNS(SVG, tag), attrs, children);

/** GET or POST to the API; throws an Error with the problem's title and field messages on failure. */
async function api(path, params, body) {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) if (v !== undefined && v !== null && v !== '') query.set(k, v);
  const url = 'api/' + path + (query.toString() ? '?' + query : '');
  const response = await fetch(url, body === undefined ? {} : {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
  });
  const data = await response.json().catch(() => null);
  if (!response.ok) {
    const fields = data && data.errors ? Object.entries(data.errors).map(([f, m]) => `${f}: ${m.join('; ')}`) : [];
    throw new Error([(data && (data.title || data.detail)) || `HTTP ${response.status}`, ...fields].join(' — '));
  }
  return data;
}

function showError(error) {
  main.replaceChildren(el('div', { class: 'error', role: 'alert' }, String(error.message || error)));
}

const codes = entities => entities.map(a => a.sector ? `${a.code}:${a.sector}` : a.code).join(', ');
const link = (hash, text) => el('a', { href: hash }, text);
const safeUrl = url => /^https?:\/\//i.test(url || '') ? url : null;

function scoreCell(score) {
  return el('td', { class: 'num ' + (score > 0 ? 'score-pos' : score < 0 ? 'score-neg' : '') }, score.toFixed(1));
}

/** Red for conflict (-10), grey for 0, green for cooperation (+10). */
function tone(score) {
  const t = Math.max(-1, Math.min(1, score / 10));
  const mix = (a, b) => Math.round(a + (b - a) * Math.abs(t));
  const [r, g, b] = t < 0 ? [mix(150, 198), mix(150, 40), mix(150, 40)] : [mix(150, 46), mix(150, 125), mix(150, 50)];
  return `rgb(${r},${g},${b})`;
}

/** A hash such as #/events?actor=KOR from a view name and parameters. */
function hashOf(view, params) {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) if (v !== undefined && v !== null && v !== '' && v !== false) query.set(k, v);
  return '#/' + view + (query.toString() ? '?' + query : '');
}

/** A filter form whose fields come from params; submitting moves to the view with the new values. */
function filterForm(view, params, fields, extra) {
  const inputs = {};
  const field = (name, label, input) => { inputs[name] = input; return el('label', {}, label, input); };
  const controls = fields.map(name => {
    switch (name) {
      case 'type':
        return field('type', 'Event type', el('select', { name: 'type' }, el('option', { value: '' }, 'any'),
          types.map(t => el('option', { value: t, selected: params.type === t }, t))));
      case 'from': case 'to':
        return field(name, name === 'from' ? 'From' : 'To', el('input', { name, type: 'date', value: params[name] || '' }));
      case 'reports':
        return field('reports', 'Every report', el('input', { name, type: 'checkbox', checked: params.reports === 'true' }));
      case 'by':
        return field('by', 'Period', el('select', { name: 'by' },
          ['day', 'week', 'month', 'year'].map(p => el('option', { value: p, selected: (params.by || 'month') === p }, p))));
      default: {
        const labels = { actor: 'Actor (KOR, KOR:GOV)', recipient: 'Recipient', place: 'Place', text: 'Words' };
        return field(name, labels[name] || name, el('input', { name, value: params[name] || '', size: name === 'text' ? 18 : 10 }));
      }
    }
  });
  const form = el('form', { class: 'filters panel', role: 'search' }, controls, el('button', { type: 'submit' }, 'Apply'), extra || null);
  form.addEventListener('submit', event => {
    event.preventDefault();
    const next = {};
    for (const [name, input] of Object.entries(inputs)) next[name] = input.type === 'checkbox' ? (input.checked ? 'true' : '') : input.value.trim();
    location.hash = hashOf(view, next);
  });
  return form;
}

/** A table whose columns sort on click: columns are {label, key (row -> value), cell (row -> td), num}. */
function sortableTable(columns, rows, onRow) {
  let sortBy = null;
  let descending = false;
  const body = el('tbody');
  const headers = columns.map((c, i) => el('th', {
    class: 'sortable' + (c.num ? ' num' : ''), scope: 'col', tabindex: 0,
    onclick: () => sort(i), onkeydown: e => { if (e.key === 'Enter') sort(i); },
  }, c.label));
  function render() {
    const ordered = rows.slice();
    if (sortBy !== null) {
      const key = columns[sortBy].key;
      ordered.sort((a, b) => {
        const x = key(a), y = key(b);
        const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
        return descending ? -order : order;
      });
    }
    body.replaceChildren(...ordered.map(row => {
      const tr = el('tr', onRow ? { class: 'clickable' } : {}, columns.map(c => c.cell(row)));
      if (onRow) tr.addEventListener('click', event => { if (event.target.tagName !== 'A') onRow(row, tr); });
      return tr;
    }));
    headers.forEach((h, i) => h.setAttribute('aria-sort', i === sortBy ? (descending ? 'descending' : 'ascending') : 'none'));
  }
  function sort(i) {
    descending = sortBy === i ? !descending : false;
    sortBy = i;
    render();
  }
  render();
  return el('table', {}, el('thead', {}, el('tr', {}, headers)), body);
}

/** The columns of an event table over API event items. */
function eventColumns() {
  const r = e => e.record;
  return [
    { label: 'date', key: e => r(e).date || '', cell: e => el('td', {}, r(e).date || '—') },
    { label: 'event', key: e => r(e).event, cell: e => el('td', {}, link(`#/event/${e.id}`, r(e).event + (r(e).mode.length ? ` (${r(e).mode.join(', ')})` : ''))) },
    { label: 'actor', key: e => codes(r(e).actor), cell: e => el('td', {}, codes(r(e).actor)) },
    { label: 'recipient', key: e => codes(r(e).recipient), cell: e => el('td', {}, codes(r(e).recipient)) },
    { label: 'trigger', key: e => r(e).event_text, cell: e => el('td', {}, r(e).event_text) },
    { label: 'place', key: e => r(e).event_loc.resolved_place || '', cell: e => el('td', {}, r(e).event_loc.resolved_place || '') },
    { label: 'score', num: true, key: e => r(e).score, cell: e => scoreCell(r(e).score) },
    { label: 'reports', num: true, key: e => e.num_reports, cell: e => el('td', { class: 'num' }, `${e.num_reports} in ${e.num_articles}`) },
    { label: 'source', key: e => e.source, cell: e => el('td', {}, e.source) },
  ];
}

// ---- evidence highlighting ----------------------------------------------------------------------------------------

const MARKS = ['trigger', 'actor', 'recipient', 'place', 'date'];

/** The spans of one record by mark: text_info offsets point into the original article text. */
function spansOf(record) {
  const info = record.text_info;
  const spans = [{ mark: 'in-sentence', start: info.start, end: info.end }];
  for (const s of info.more_sentences) spans.push({ mark: 'in-other', start: s.start, end: s.end });
  if (info.event_text) spans.push({ mark: 'm-trigger', ...info.event_text });
  for (const s of info.actor) if (s) spans.push({ mark: 'm-actor', ...s });
  for (const s of info.recipient) if (s) spans.push({ mark: 'm-recipient', ...s });
  if (info.date) spans.push({ mark: 'm-date', ...info.date });
  if (info.place) spans.push({ mark: 'm-place', ...info.place });
  return spans;
}

/** The article text cut at every span edge; each piece carries the marks covering it, as text nodes only. */
function highlighted(text, spans) {
  const cuts = new Set([0, text.length]);
  for (const s of spans) { cuts.add(Math.max(0, Math.min(text.length, s.start))); cuts.add(Math.max(0, Math.min(text.length, s.end))); }
  const points = [...cuts].sort((a, b) => a - b);
  const pieces = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [from, to] = [points[i], points[i + 1]];
    const marks = [...new Set(spans.filter(s => s.start <= from && s.end >= to && s.end > s.start).map(s => s.mark))];
    const piece = text.slice(from, to);
    if (!marks.length) { pieces.push(piece); continue; }
    const strongest = MARKS.find(m => marks.includes('m-' + m));
    pieces.push(strongest
      ? el('mark', { class: marks.join(' '), title: strongest }, piece)
      : el('span', { class: marks.join(' ') }, piece));
  }
  return el('div', { class: 'article', 'data-testid': 'article' }, pieces);
}

function legend() {
  return el('div', { class: 'legend' }, MARKS.map(m => el('span', { class: 'm-' + m }, m)), el('span', { class: 'in-sentence' }, 'evidence sentence'));
}

// ---- views --------------------------------------------------------------------------------------------------------

async function eventsView(params) {
  const limit = 50;
  const offset = Number(params.offset || 0);
  const page = await api('events', { ...params, limit, offset });
  const pager = el('div', { class: 'pager' },
    el('button', { class: 'plain', disabled: offset === 0, onclick: () => { location.hash = hashOf('events', { ...params, offset: Math.max(0, offset - limit) || '' }); } }, '‹ Newer'),
    el('span', { class: 'muted' }, page.items.length ? `events ${offset + 1}–${offset + page.items.length}` : 'no events match'),
    el('button', { class: 'plain', disabled: !page.has_more, onclick: () => { location.hash = hashOf('events', { ...params, offset: offset + limit }); } }, 'Older ›'));
  main.replaceChildren(
    el('h1', {}, 'Events'),
    filterForm('events', params, ['actor', 'recipient', 'type', 'from', 'to', 'place', 'text', 'reports']),
    pager,
    sortableTable(eventColumns(), page.items));
}

async function eventView(params, id) {
  const detail = await api(`events/${encodeURIComponent(id)}`);
  const e = detail.event;
  const r = e.record;
  const doc = detail.document;
  const url = safeUrl(e.url);
  const article = doc ? highlighted(doc.text, spansOf(r)) : el('p', { class: 'muted' }, 'The article is not stored.');
  const chain = r.reported_by.length
    ? el('div', { class: 'chain', 'data-testid': 'reported-by' }, r.reported_by.flatMap((who, i) => [i ? el('span', { class: 'muted' }, '◂ reported by') : null, el('span', { class: 'link' }, who)]))
    : el('span', { class: 'muted' }, 'no attribution');
  const entities = (role, list) => list.map(a => el('tr', {},
    el('td', {}, role), el('td', {}, a.entity_text || '(implied)'), el('td', {}, a.sector ? `${a.code}:${a.sector}` : a.code),
    el('td', {}, a.office), el('td', { class: 'muted' }, a.why)));
  const others = detail.reports.filter(x => x.id !== e.id);
  main.replaceChildren(
    el('h1', {}, `${r.event}${r.mode.length ? ` (${r.mode.join(', ')})` : ''}: ${codes(r.actor) || '?'} → ${codes(r.recipient) || '—'}`),
    el('div', { class: 'two' },
      el('section', { class: 'panel' },
        el('h2', {}, doc && doc.title ? doc.title : e.doc_key),
        el('p', { class: 'muted' }, e.source, doc && doc.date ? ` · published ${doc.date}` : '', url ? [' · ', el('a', { href: url, rel: 'noopener noreferrer' }, 'original')] : ''),
        legend(), article),
      el('section', {},
        el('div', { class: 'panel' },
          el('dl', { class: 'facts' },
            el('dt', {}, 'date'), el('dd', {}, r.date || 'unknown'),
            el('dt', {}, 'trigger'), el('dd', {}, r.event_text),
            el('dt', {}, 'place'), el('dd', {}, r.event_loc.resolved_place ? `${r.event_loc.resolved_place} (${r.event_loc.country_code})` : 'unknown'),
            el('dt', {}, 'score'), el('dd', {}, `${r.score} (quad ${r.quad_code}), CAMEO ${r.cameo}`),
            el('dt', {}, 'modality'), el('dd', {}, r.modality + (r.negated ? ', negated' : '')),
            el('dt', {}, 'reported by'), el('dd', {}, chain),
            el('dt', {}, 'reports'), el('dd', {}, `${e.num_reports} in ${e.num_articles} article(s), ${e.num_sources} source(s)`))),
        el('div', { class: 'panel' }, el('h2', {}, 'Who'),
          el('table', {}, el('tbody', {}, entities('actor', r.actor), entities('recipient', r.recipient)))),
        others.length ? el('div', { class: 'panel' }, el('h2', {}, 'Other reports of this event'),
          el('ul', {}, others.map(o => el('li', {}, link(`#/event/${o.id}`, o.title || o.doc_key), ` (${o.source})`)))) : null)));
  const sentence = main.querySelector('.m-trigger');
  if (sentence) sentence.scrollIntoView({ block: 'center' });
}

async function dyadView(params) {
  const form = filterForm('dyad', params, ['actor', 'recipient', 'type', 'from', 'to', 'by']);
  if (!params.actor && !params.recipient) {
    const top = await api('stats/top-dyads', { type: params.type, from: params.from, to: params.to, top: 30 });
    main.replaceChildren(el('h1', {}, 'Dyads'), form, el('h2', {}, 'Most active dyads'),
      sortableTable([
        { label: 'dyad', key: d => `${d.actor} → ${d.recipient}`, cell: d => el('td', {}, link(hashOf('dyad', { ...params, actor: d.actor, recipient: d.recipient }), `${d.actor} → ${d.recipient}`)) },
        { label: 'events', num: true, key: d => d.events, cell: d => el('td', { class: 'num' }, d.events) },
        { label: 'reports', num: true, key: d => d.reports, cell: d => el('td', { class: 'num' }, d.reports) },
        { label: 'mean score', num: true, key: d => d.mean_score, cell: d => scoreCell(d.mean_score) },
      ], top));
    return;
  }
  const periods = await api('stats', params);
  const list = el('div', { 'data-testid': 'period-events' }, el('p', { class: 'muted' }, 'Click a period to list its events.'));
  const name = `${params.actor || 'any'} → ${params.recipient || 'any'}`;
  main.replaceChildren(el('h1', {}, `Dyad ${name}`), form,
    periods.length ? timeline(periods, period => showPeriod(params, period, list)) : el('p', {}, 'No dated events for this dyad.'),
    list);
}

async function showPeriod(params, period, target) {
  const page = await api('events', { actor: params.actor, recipient: params.recipient, type: params.type, from: period.from, to: period.to, limit: 200 });
  target.replaceChildren(el('h2', {}, `${period.period}: ${period.events} event(s), mean score ${period.mean_score}`), sortableTable(eventColumns(), page.items));
}

/** Bars of cooperation (up, green) and conflict (down, red) per period, with the mean score as a line. */
function timeline(periods, onSelect) {
  const band = Math.min(60, Math.max(12, 1000 / periods.length));
  const left = 60, right = 40, top = 20, mid = 140, half = 110, base = mid + half + 14;
  const width = left + right + band * periods.length, height = base + 70;
  const most = Math.max(1, ...periods.map(p => Math.max(p.cooperation, p.conflict)));
  const barY = n => n / most * half;
  const scoreY = s => mid - s / 10 * half;
  const chart = svg('svg', { class: 'chart sized', width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': 'Events per period: cooperation above, conflict below; line: mean score', 'data-testid': 'timeline' },
    svg('line', { x1: left, x2: width - right, y1: mid, y2: mid, stroke: '#999' }),
    svg('text', { x: 4, y: top + 4 }, `${most} coop.`), svg('text', { x: 4, y: mid + half }, `${most} confl.`),
    svg('text', { x: width - right + 4, y: scoreY(10) + 4 }, '+10'), svg('text', { x: width - right + 4, y: scoreY(-10) + 4 }, '−10'));
  const points = [];
  periods.forEach((p, i) => {
    const x = left + i * band;
    const w = Math.max(2, band * 0.7);
    const group = svg('g', { class: 'period', tabindex: 0, 'data-period': p.period },
      svg('title', {}, `${p.period}: ${p.events} event(s), ${p.cooperation} cooperation, ${p.conflict} conflict, mean score ${p.mean_score}`),
      svg('rect', { class: 'hit', x, y: top, width: band, height: 2 * half + 10, fill: 'transparent' }),
      svg('rect', { x: x + (band - w) / 2, y: mid - barY(p.cooperation), width: w, height: barY(p.cooperation), fill: '#2e7d32' }),
      svg('rect', { x: x + (band - w) / 2, y: mid, width: w, height: barY(p.conflict), fill: '#c62828' }));
    if (periods.length <= 40 || i % Math.ceil(periods.length / 40) === 0)
      group.append(svg('text', { x: x + band / 2 - 3, y: base, transform: `rotate(50 ${x + band / 2 - 3} ${base})` }, p.period));
    const select = () => {
      chart.querySelectorAll('.period.selected').forEach(g => g.classList.remove('selected'));
      group.classList.add('selected');
      onSelect(p);
    };
    group.addEventListener('click', select);
    group.addEventListener('keydown', e => { if (e.key === 'Enter') select(); });
    chart.append(group);
    points.push(`${x + band / 2},${scoreY(p.mean_score)}`);
  });
  chart.append(svg('polyline', { points: points.join(' '), fill: 'none', stroke: '#1d2330', 'stroke-width': 1.5, 'pointer-events': 'none' }));
  for (const pt of points) {
    const [cx, cy] = pt.split(',');
    chart.append(svg('circle', { cx, cy, r: 3, fill: '#1d2330', 'pointer-events': 'none' }));
  }
  return el('div', {}, chart, el('p', { class: 'muted' }, 'Bars: events of cooperation (green, up) and conflict (red, down) per period. Line: mean PLOVER score (−10 … +10).'));
}

async function networkView(params) {
  const network = await api('network', { ...params, top: 60 });
  const size = 640, centre = size / 2, ring = size / 2 - 70;
  const place = new Map(network.nodes.map((n, i) => {
    const angle = 2 * Math.PI * i / Math.max(1, network.nodes.length) - Math.PI / 2;
    return [n.id, { x: centre + ring * Math.cos(angle), y: centre + ring * Math.sin(angle), angle, node: n }];
  }));
  const most = Math.max(1, ...network.edges.map(e => e.events));
  const chart = svg('svg', { class: 'chart', viewBox: `0 0 ${size} ${size}`, role: 'img', 'aria-label': 'Actor network', 'data-testid': 'network' },
    svg('defs', {}, svg('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 6, markerHeight: 6, orient: 'auto-start-reverse' },
      svg('path', { d: 'M0 0L10 5L0 10z', fill: '#666' }))));
  const radius = n => 5 + Math.sqrt(n.events) * 2.5;
  for (const e of network.edges) {
    const a = place.get(e.actor), b = place.get(e.recipient);
    const width = 1 + 5 * e.events / most;
    const go = () => { location.hash = hashOf('events', { actor: e.actor, recipient: e.recipient, type: params.type, from: params.from, to: params.to }); };
    let shape;
    if (a === b) {
      const r = radius(a.node) + 10;
      const cx = a.x + Math.cos(a.angle) * r, cy = a.y + Math.sin(a.angle) * r;
      shape = svg('circle', { cx, cy, r: 10, fill: 'none', stroke: tone(e.mean_score), 'stroke-width': width });
    } else {
      // A curve bending to one side keeps A→B and B→A apart.
      const mx = (a.x + b.x) / 2 + (b.y - a.y) * 0.15, my = (a.y + b.y) / 2 - (b.x - a.x) * 0.15;
      const rb = radius(b.node) + 3, len = Math.hypot(b.x - mx, b.y - my) || 1;
      const ex = b.x - (b.x - mx) / len * rb, ey = b.y - (b.y - my) / len * rb;
      shape = svg('path', { d: `M${a.x} ${a.y}Q${mx} ${my} ${ex} ${ey}`, fill: 'none', stroke: tone(e.mean_score), 'stroke-width': width, 'marker-end': 'url(#arrow)' });
    }
    chart.append(svg('g', { class: 'edge', onclick: go }, svg('title', {}, `${e.actor} → ${e.recipient}: ${e.events} event(s), mean score ${e.mean_score}`), shape));
  }
  for (const { x, y, angle, node } of place.values()) {
    const r = radius(node);
    const out = r + 26;
    chart.append(svg('g', { class: 'node', onclick: () => { location.hash = hashOf('dyad', { actor: node.id, from: params.from, to: params.to }); } },
      svg('title', {}, `${node.id}: ${node.events} event(s)`),
      svg('circle', { cx: x, cy: y, r, fill: '#dfe7f5', stroke: '#2557a7' }),
      svg('text', { x: x + Math.cos(angle) * out, y: y + Math.sin(angle) * out + 4, 'text-anchor': 'middle', 'font-weight': 600 }, node.id)));
  }
  main.replaceChildren(el('h1', {}, 'Actor network'), filterForm('network', params, ['type', 'from', 'to']),
    network.edges.length ? el('div', { class: 'two' }, chart,
      el('div', {}, el('p', { class: 'muted' }, 'Nodes: actors (country codes), sized by events. Edges: events from actor to recipient, width by count, colour by mean score (red conflict, green cooperation); a loop is an actor acting on its own country. Click an edge for its events, a node for its timeline.'),
        sortableTable([
          { label: 'actor', key: e => e.actor, cell: e => el('td', {}, e.actor) },
          { label: 'recipient', key: e => e.recipient, cell: e => el('td', {}, e.recipient) },
          { label: 'events', num: true, key: e => e.events, cell: e => el('td', { class: 'num' }, e.events) },
          { label: 'mean score', num: true, key: e => e.mean_score, cell: e => scoreCell(e.mean_score) },
        ], network.edges)))
      : el('p', {}, 'No events between actors in this period.'));
}

let world = null;

async function mapView(params) {
  const [places, outline] = await Promise.all([api('places', params), world || fetch('world.json').then(r => r.json())]);
  world = outline;
  const most = Math.max(1, ...places.map(p => p.events));
  const chart = svg('svg', { class: 'chart', viewBox: '0 0 360 150', role: 'img', 'aria-label': 'Map of event locations', 'data-testid': 'map' },
    svg('rect', { x: 0, y: 0, width: 360, height: 150, fill: '#eaf2fb' }),
    svg('path', { d: world.land, fill: '#f4f1ea', stroke: '#b9b2a3', 'stroke-width': 0.15 }),
    svg('path', { d: world.borders, fill: 'none', stroke: '#cfc8b8', 'stroke-width': 0.12 }));
  for (const p of places.slice().sort((a, b) => b.events - a.events)) {
    chart.append(svg('g', { class: 'place', onclick: () => { location.hash = hashOf('events', { ...params, place: p.place }); } },
      svg('title', {}, `${p.place} (${p.country_code}): ${p.events} event(s), mean score ${p.mean_score}`),
      svg('circle', { cx: p.lon + 180, cy: 90 - p.lat, r: 0.8 + 2.2 * Math.sqrt(p.events / most), fill: tone(p.mean_score), 'fill-opacity': 0.75, stroke: '#fff', 'stroke-width': 0.2 })));
  }
  main.replaceChildren(el('h1', {}, 'Where events happened'), filterForm('map', params, ['actor', 'recipient', 'type', 'from', 'to']),
    chart, el('p', { class: 'muted' }, 'Circles: places with events, sized by count, coloured by mean score. Outline: Natural Earth 1:110m (public domain).'),
    sortableTable([
      { label: 'place', key: p => p.place, cell: p => el('td', {}, link(hashOf('events', { ...params, place: p.place }), p.place)) },
      { label: 'country', key: p => p.country_code || '', cell: p => el('td', {}, p.country_code || '') },
      { label: 'events', num: true, key: p => p.events, cell: p => el('td', { class: 'num' }, p.events) },
      { label: 'mean score', num: true, key: p => p.mean_score, cell: p => scoreCell(p.mean_score) },
    ], places));
}

let draft = { text: '', date: '' };

function codeView() {
  const text = el('textarea', { 'aria-label': 'Article text', placeholder: 'Paste a news article…', 'data-testid': 'code-text' }, draft.text);
  const date = el('input', { type: 'date', value: draft.date, 'aria-label': 'Publication date' });
  const status = el('span', { class: 'muted' });
  const output = el('div', { 'data-testid': 'code-output' });
  let timer = null, sequence = 0;
  async function run() {
    draft = { text: text.value, date: date.value };
    if (!text.value.trim()) { output.replaceChildren(); status.textContent = ''; return; }
    const mine = ++sequence;
    status.textContent = 'coding…';
    try {
      const records = await api('code', {}, { id: 'pasted', text: text.value, date: date.value || null });
      if (mine !== sequence) return;
      status.textContent = `${records.length} event(s)`;
      const source = text.value;
      const all = records.flatMap(spansOf).filter(s => !s.mark.startsWith('in-'));
      const article = el('div', { class: 'panel' }, legend(), highlighted(source, all));
      const focus = (record, row) => {
        output.querySelectorAll('tr.selected').forEach(tr => tr.classList.remove('selected'));
        row.classList.add('selected');
        article.replaceChildren(legend(), highlighted(source, spansOf(record)));
      };
      output.replaceChildren(el('div', { class: 'two' }, article,
        el('div', {}, el('p', { class: 'muted' }, 'Click an event to see only its evidence.'),
          sortableTable(eventColumns().filter(c => !['reports', 'source'].includes(c.label)).map(c => ({ ...c, key: r => c.key({ record: r }), cell: r => c.label === 'event' ? el('td', {}, r.event) : c.cell({ record: r }) })), records, focus))));
    } catch (error) {
      if (mine === sequence) { status.textContent = ''; output.replaceChildren(el('div', { class: 'error', role: 'alert' }, error.message)); }
    }
  }
  const later = () => { clearTimeout(timer); timer = setTimeout(run, 700); };
  text.addEventListener('input', later);
  date.addEventListener('change', later);
  main.replaceChildren(el('h1', {}, 'Code this text'),
    el('div', { class: 'panel' }, text, el('div', { class: 'pager' }, el('label', {}, 'Published ', date), el('button', { onclick: run }, 'Code'), status),
      el('p', { class: 'muted' }, 'Nothing is stored. Events update as you type.')),
    output);
  if (draft.text) run();
}

// ---- routing ------------------------------------------------------------------------------------------------------

const views = { events: eventsView, event: eventView, dyad: dyadView, network: networkView, map: mapView, code: codeView };

async function route() {
  const [path, query] = location.hash.replace(/^#\/?/, '').split('?');
  const [name, arg] = path.split('/');
  const view = views[name] ? name : 'events';
  const params = Object.fromEntries(new URLSearchParams(query || ''));
  document.querySelectorAll('nav a').forEach(a => a.classList.toggle('active', a.dataset.view === view || (view === 'event' && a.dataset.view === 'events')));
  main.setAttribute('aria-busy', 'true');
  try {
    await views[view](params, arg ? decodeURIComponent(arg) : undefined);
  } catch (error) {
    showError(error);
  } finally {
    main.setAttribute('aria-busy', 'false');
  }
}

async function start() {
  try {
    const info = await api('info');
    types = info.types;
    document.getElementById('counts').textContent = `${info.documents} documents · ${info.clusters} events · ${info.reports} reports · dyad ${info.version}`;
  } catch (error) {
    showError(error);
    return;
  }
  window.addEventListener('hashchange', route);
  route();
}

start();
