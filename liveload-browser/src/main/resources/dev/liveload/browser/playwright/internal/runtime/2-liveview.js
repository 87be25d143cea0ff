// Phoenix LiveView and WebSockets, observed from the DOM and the sockets the page opens.
// ---- LiveView: loading spans, views' connection state, joins -------------------------------------------------
const LOADING = /^phx-(click|change|submit|keydown|keyup|blur|focus|hook)-loading$/;
// One loading span per event: LiveView marks every element an event concerns (a form and its submit button, say)
// with the same ref; the span runs from the class appearing on the first to its removal from the last.
const openSpans = new Map();      // element -> Map(kind -> its event)
const openEvents = new Map();     // kind + view + ref -> event {kind, start, els, open}
const spans = [];                 // recently ended events: {els, kind, start, end} (epoch ms)
const joins = new Map();          // view id -> time phx_join was sent
const viewState = new Map();      // view id -> {connectedAt, errorAt}
let lostAt = null;                // when the LiveView socket closed under the page
let mark = -Infinity;             // start of the last action that acts on the page (epoch ms)
let lastChange = 0;               // when the DOM or the URL last changed (performance.now() time)
const frames = { sent: 0, received: 0 }; // WebSocket frames so far, both ways (a timed-out wait tells what it saw)
// When a loading class was added, stamped as LiveView adds it (classList.add, in the handler that sends the event
// to the server), not when the MutationObserver gets to run: that is after the rest of the task (the page's other
// listeners of the same event), which would start the span late, shorter than the server's work.
const addedAt = new WeakMap();    // an element's classList -> Map(class -> when it was added, frames by then)
const stampAdd = (list, token) => {
  if (typeof token !== 'string' || !LOADING.test(token) || list.contains(token)) return;
  let m = addedAt.get(list);
  if (!m) addedAt.set(list, m = new Map());
  m.set(token, { t: now(), sent: frames.sent, received: frames.received });
};
const tokens = DOMTokenList.prototype;
const nativeAdd = tokens.add;
const nativeToggle = tokens.toggle;
const nativeReplace = tokens.replace;
tokens.add = function (...names) {
  for (const n of names) stampAdd(this, n);
  return nativeAdd.apply(this, names);
};
tokens.toggle = function (name, force) {
  if (force !== false) stampAdd(this, name);
  return nativeToggle.apply(this, arguments);
};
tokens.replace = function (from, to) {
  if (this.contains(from)) stampAdd(this, to);
  return nativeReplace.apply(this, arguments);
};
const loadingStarted = (el, kind, cls, t) => {
  const m = addedAt.get(el.classList);
  const stamp = m && m.get(cls);
  if (m) m.delete(cls);
  const stamped = stamp && stamp.t <= t;
  const start = stamped ? stamp.t : t;
  const ref = el.getAttribute('data-phx-ref-loading') || el.getAttribute('data-phx-ref');
  const key = ref == null ? null : kind + ' ' + (el.getAttribute('data-phx-ref-src') || '') + ' ' + ref;
  let ev = key == null ? null : openEvents.get(key);
  if (!ev) {
    ev = { kind, key, start, els: new Set(), open: 0, sent: stamped ? stamp.sent : frames.sent,
      received: stamped ? stamp.received : frames.received };
    if (key != null) openEvents.set(key, ev);
  } else if (start < ev.start) {
    ev.start = start;
  }
  ev.els.add(el);
  ev.open++;
  let k = openSpans.get(el);
  if (!k) openSpans.set(el, k = new Map());
  k.set(kind, ev);
};
const loadingEnded = (el, kind, t) => {
  const k = openSpans.get(el);
  const ev = k && k.get(kind);
  if (!ev) return;
  k.delete(kind);
  if (k.size === 0) openSpans.delete(el);
  if (--ev.open > 0) return;
  if (ev.key != null) openEvents.delete(ev.key);
  spans.push({ els: Array.from(ev.els), kind, start: T0 + ev.start, end: T0 + t });
  if (spans.length > 200) spans.shift();
  sample('liveview.loading', kind, location.href, 0, null, t - ev.start, ev.start);
};
// Per element, the classes before the first change in a batch of records and now (several records for one element
// in one task count once).
const classChanged = (el, old, t) => {
  const before = new Set((old || '').split(/\s+/).filter(Boolean));
  const after = el.classList;
  for (const c of after) {
    if (!before.has(c)) {
      const m = LOADING.exec(c);
      if (m) {
        loadingStarted(el, m[1], c, t);
      } else if (c === 'phx-connected' && el.hasAttribute('data-phx-session')) {
        viewConnected(el, t);
      } else if (c === 'phx-error' && el.hasAttribute('data-phx-session')) {
        const v = viewState.get(el.id) || {};
        if (v.errorAt == null) {
          v.errorAt = t;
          viewState.set(el.id, v);
          sample('liveview.error', el.classList.contains('phx-server-error') ? 'server' : 'client',
              location.href, 0, null, 1, t);
        }
      }
    }
  }
  for (const c of before) {
    if (!after.contains(c)) {
      const m = LOADING.exec(c);
      if (m) loadingEnded(el, m[1], t);
    }
  }
};
// An element LiveView removed from the page while it was loading never loses the class: its event ends with it.
const detachedEnd = (t) => {
  for (const [el, k] of Array.from(openSpans)) {
    if (!el.isConnected) for (const kind of Array.from(k.keys())) loadingEnded(el, kind, t);
  }
};
const viewConnected = (el, t) => {
  const id = el.id;
  const j = joins.get(id);
  if (j != null) {
    joins.delete(id);
    sample('liveview.mount', null, location.href, 0, null, t - j, j);
  }
  const v = viewState.get(id) || {};
  const since = v.errorAt != null && lostAt != null ? Math.min(v.errorAt, lostAt) : v.errorAt != null ? v.errorAt : lostAt;
  if (since != null) {
    sample('liveview.reconnect', null, location.href, 0, null, t - since, since);
    v.errorAt = null;
    lostAt = null;
  }
  v.connectedAt = t;
  viewState.set(id, v);
};
const pageLoading = new Map();    // kind -> [start...]
window.addEventListener('phx:page-loading-start', (e) => {
  const kind = (e.detail && e.detail.kind) || 'unknown';
  const list = pageLoading.get(kind) || [];
  list.push(now());
  pageLoading.set(kind, list);
});
window.addEventListener('phx:page-loading-stop', (e) => {
  const kind = (e.detail && e.detail.kind) || 'unknown';
  const list = pageLoading.get(kind);
  if (!list || !list.length) return;
  const from = list.shift();
  const d = now() - from;
  sample('liveview.page_loading', kind, location.href, 0, null, d, from);
  if (kind === 'patch' || kind === 'redirect') sample('liveview.navigation', kind, location.href, 0, null, d, from);
});

const observer = new NativeMutationObserver((records) => {
  const t = now();
  lastChange = t;
  let changed = null;
  let removed = false;
  for (const r of records) {
    if (r.type === 'attributes' && r.attributeName === 'class') {
      if (!changed) changed = new Map();
      if (!changed.has(r.target)) changed.set(r.target, r.oldValue);
    } else if (r.type === 'childList' && r.removedNodes.length) {
      removed = true;
    }
  }
  if (changed) for (const [el, old] of changed) classChanged(el, old, t);
  if (removed && openSpans.size) detachedEnd(t);
  poke();
});
const observe = () => observer.observe(document, { subtree: true, childList: true, attributes: true,
  characterData: true, attributeOldValue: true });
observe();
for (const ev of ['popstate', 'hashchange']) window.addEventListener(ev, () => { lastChange = now(); poke(); });
for (const fn of ['pushState', 'replaceState']) {
  const orig = history[fn];
  history[fn] = function () {
    const r = orig.apply(this, arguments);
    lastChange = now();
    queueMicrotask(poke);
    return r;
  };
}

// ---- WebSockets: frames and bytes both ways; LiveView joins and disconnects ------------------------------------
const utf8 = (s) => {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 0x7f) { n += c > 0x7ff ? (c >= 0xd800 && c <= 0xdbff ? 1 : 2) : 1; if (c >= 0xd800 && c <= 0xdbff) i++; }
  }
  return n;
};
const size = (d) => typeof d === 'string' ? utf8(d) : d instanceof Blob ? d.size
    : d && d.byteLength !== undefined ? d.byteLength : 0;
if (NativeWebSocket) {
  const Wrapped = class WebSocket extends NativeWebSocket {
    constructor(url, protocols) {
      super(url, protocols);
      const info = { t0: now(), url: String(this.url || url), opened: null, lv: false };
      this.addEventListener('open', () => {
        info.opened = now();
        sample('browser.ws.connect', null, info.url, 0, null, info.opened - info.t0, info.t0);
      });
      this.addEventListener('message', (e) => {
        frames.received++;
        sample('browser.ws.received.bytes', null, info.url, 0, null, size(e.data));
      });
      this.addEventListener('close', (e) => {
        const t = now();
        if (info.opened == null) {
          sample('browser.ws.connect', null, info.url, 0, 'ws_connect', t - info.t0, info.t0);
          return;
        }
        sample('browser.ws.session', null, info.url, 0, e.wasClean || leaving ? null : 'closed_' + e.code,
            t - info.opened, info.opened);
        if (info.lv && !leaving) {
          sample('liveview.disconnect', null, location.href, 0, null, t - info.opened);
          if (lostAt == null) lostAt = t;
        }
      });
      Object.defineProperty(this, '__liveload', { value: info });
    }
    send(data) {
      const info = this.__liveload;
      if (this.readyState === 1) {
        frames.sent++;
        sample('browser.ws.sent.bytes', null, info.url, 0, null, size(data));
        if (typeof data === 'string' && data.indexOf('"phx_join"') > 0) {
          try {
            const m = JSON.parse(data);
            if (Array.isArray(m) && m[3] === 'phx_join' && String(m[2]).startsWith('lv:')) {
              if (!info.lv) {
                info.lv = true;
                sample('liveview.connect', null, location.href, 0, null, info.opened - info.t0, info.t0);
              }
              joins.set(String(m[2]).slice(3), now());
            }
          } catch (e) { /* not JSON */ }
        }
      }
      return super.send(data);
    }
  };
  window.WebSocket = Wrapped;
}
