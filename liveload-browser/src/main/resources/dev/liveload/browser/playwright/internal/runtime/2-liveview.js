// Phoenix LiveView and WebSockets, observed from the DOM and the sockets the page opens.
// ---- LiveView: loading spans, views' connection state, joins -------------------------------------------------
const LOADING = /^phx-(click|change|submit|keydown|keyup|blur|focus|hook)-loading$/;
const openSpans = new Map();      // element -> Map(kind -> start)
const spans = [];                 // recently closed: {el, kind, start, end}
const joins = new Map();          // view id -> time phx_join was sent
const viewState = new Map();      // view id -> {connectedAt, errorAt}
let lostAt = null;                // when the LiveView socket closed under the page
let mark = -Infinity;             // start of the last action that acts on the page (epoch ms)
const classChanged = (el, old) => {
  const before = new Set((old || '').split(/\s+/).filter(Boolean));
  const after = el.classList;
  const t = now();
  for (const c of after) {
    if (!before.has(c)) {
      const m = LOADING.exec(c);
      if (m) {
        let k = openSpans.get(el);
        if (!k) openSpans.set(el, k = new Map());
        k.set(m[1], t);
      } else if (c === 'phx-connected' && el.hasAttribute('data-phx-session')) {
        viewConnected(el, t);
      } else if (c === 'phx-error' && el.hasAttribute('data-phx-session')) {
        const v = viewState.get(el.id) || {};
        if (v.errorAt == null) {
          v.errorAt = t;
          viewState.set(el.id, v);
          sample('liveview.error', el.classList.contains('phx-server-error') ? 'server' : 'client',
              location.href, 0, null, 1);
        }
      }
    }
  }
  for (const c of before) {
    if (!after.contains(c)) {
      const m = LOADING.exec(c);
      if (m) {
        const k = openSpans.get(el);
        const start = k && k.get(m[1]);
        if (start != null) {
          k.delete(m[1]);
          if (k.size === 0) openSpans.delete(el);
          spans.push({ el, kind: m[1], start: T0 + start, end: T0 + t });
          if (spans.length > 200) spans.shift();
          sample('liveview.loading', m[1], location.href, 0, null, t - start);
        }
      }
    }
  }
};
const viewConnected = (el, t) => {
  const id = el.id;
  const j = joins.get(id);
  if (j != null) {
    joins.delete(id);
    sample('liveview.mount', null, location.href, 0, null, t - j);
  }
  const v = viewState.get(id) || {};
  const since = v.errorAt != null && lostAt != null ? Math.min(v.errorAt, lostAt) : v.errorAt != null ? v.errorAt : lostAt;
  if (since != null) {
    sample('liveview.reconnect', null, location.href, 0, null, t - since);
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
  const d = now() - list.shift();
  sample('liveview.page_loading', kind, location.href, 0, null, d);
  if (kind === 'patch' || kind === 'redirect') sample('liveview.navigation', kind, location.href, 0, null, d);
});

const observer = new NativeMutationObserver((records) => {
  for (const r of records) {
    if (r.type === 'attributes' && r.attributeName === 'class') classChanged(r.target, r.oldValue);
  }
  poke();
});
const observe = () => observer.observe(document, { subtree: true, childList: true, attributes: true,
  characterData: true, attributeOldValue: true });
observe();
for (const ev of ['popstate', 'hashchange']) window.addEventListener(ev, () => poke());
for (const fn of ['pushState', 'replaceState']) {
  const orig = history[fn];
  history[fn] = function () {
    const r = orig.apply(this, arguments);
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
        sample('browser.ws.connect', null, info.url, 0, null, info.opened - info.t0);
      });
      this.addEventListener('message', (e) => sample('browser.ws.received.bytes', null, info.url, 0, null, size(e.data)));
      this.addEventListener('close', (e) => {
        const t = now();
        if (info.opened == null) {
          sample('browser.ws.connect', null, info.url, 0, 'ws_connect', t - info.t0);
          return;
        }
        sample('browser.ws.session', null, info.url, 0, e.wasClean || leaving ? null : 'closed_' + e.code, t - info.opened);
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
        sample('browser.ws.sent.bytes', null, info.url, 0, null, size(data));
        if (typeof data === 'string' && data.indexOf('"phx_join"') > 0) {
          try {
            const m = JSON.parse(data);
            if (Array.isArray(m) && m[3] === 'phx_join' && String(m[2]).startsWith('lv:')) {
              if (!info.lv) {
                info.lv = true;
                sample('liveview.connect', null, location.href, 0, null, info.opened - info.t0);
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
