// LiveLoad's in-page runtime, installed into every document of a user's context as an init script.
// It runs the user's actions in the page (actionability checks, event dispatch, waits on MutationObserver),
// times everything with performance.now(), measures the page (resource timing, Web Vitals, WebSocket frames,
// LiveView), and pushes results back to Java through the binding __liveload_report.
(() => {
  if (window !== window.top || window.__liveload) return;
  const report = window.__liveload_report;
  if (typeof report !== 'function') return;
  const perf = performance;
  const T0 = perf.timeOrigin;
  const now = () => perf.now();
  const epoch = () => T0 + perf.now();
  const doc = Math.random().toString(36).slice(2) + Date.now().toString(36);
  const MAX_SAMPLES = 5000;
  const NativeWebSocket = window.WebSocket;
  const NativeMutationObserver = window.MutationObserver;
  let samples = [];
  let dropped = 0;
  let step = null;
  let leaving = false;
  let interacted = false;

  const sample = (metric, kind, url, status, error, value) => {
    if (samples.length >= MAX_SAMPLES) { dropped++; return; }
    samples.push([metric, kind, url, status, error, value, step]);
  };
  const drain = () => {
    const s = samples;
    samples = [];
    return s;
  };
  const send = (msg) => {
    msg.doc = doc;
    msg.s = drain();
    if (dropped) { msg.dropped = dropped; dropped = 0; }
    try { report(msg); } catch (e) { /* binding gone: the context is closing */ }
  };

  // ---- selectors and element state -------------------------------------------------------------------------------
  class Usage extends Error {}
  const normalize = (s) => String(s).replace(/\s+/g, ' ').trim().toLowerCase();
  const all = (selector) => {
    if (selector.startsWith('text=')) {
      let want = selector.slice(5);
      let exact = false;
      if (want.length > 1 && want.startsWith('"') && want.endsWith('"')) { want = want.slice(1, -1); exact = true; }
      const w = exact ? want : normalize(want);
      const out = [];
      const walker = document.createTreeWalker(document.body || document.documentElement, NodeFilter.SHOW_ELEMENT);
      for (let n = walker.currentNode; n; n = walker.nextNode()) {
        if (n.tagName === 'SCRIPT' || n.tagName === 'STYLE' || n.tagName === 'HEAD') continue;
        const t = exact ? n.textContent.trim() : normalize(n.textContent);
        if (exact ? t === w : t.includes(w)) {
          // innermost: drop ancestors that only match through this element
          for (let i = out.length - 1; i >= 0; i--) if (out[i].contains(n)) out.splice(i, 1);
          out.push(n);
        }
      }
      return out;
    }
    if (selector.startsWith('xpath=') || selector.startsWith('//') || selector.startsWith('(//')) {
      const expr = selector.startsWith('xpath=') ? selector.slice(6) : selector;
      let r;
      try {
        r = document.evaluate(expr, document, null, XPathResult.ORDERED_NODE_SNAPSHOT_TYPE, null);
      } catch (e) { throw new Usage('invalid XPath: ' + e.message); }
      const out = [];
      for (let i = 0; i < r.snapshotLength; i++) if (r.snapshotItem(i).nodeType === 1) out.push(r.snapshotItem(i));
      return out;
    }
    try {
      return Array.from(document.querySelectorAll(selector));
    } catch (e) { throw new Usage('invalid selector: ' + e.message); }
  };
  const first = (selector) => all(selector)[0] || null;
  const visible = (el) => {
    if (!el || !el.isConnected) return false;
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden' || style.visibility === 'collapse') return false;
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0;
  };
  const disabled = (el) => {
    if (['BUTTON', 'INPUT', 'SELECT', 'TEXTAREA', 'OPTION', 'OPTGROUP', 'FIELDSET'].includes(el.tagName)
        && (el.disabled || el.matches(':disabled'))) return true;
    return el.getAttribute('aria-disabled') === 'true';
  };
  const editable = (el) => {
    if (el.isContentEditable) return true;
    if (el.tagName === 'TEXTAREA') return !el.readOnly;
    if (el.tagName === 'INPUT') {
      return !el.readOnly && !['checkbox', 'radio', 'button', 'submit', 'reset', 'file', 'image', 'hidden']
          .includes((el.type || '').toLowerCase());
    }
    return false;
  };
  const describe = (el) => {
    if (!el) return 'nothing';
    let s = el.tagName.toLowerCase();
    if (el.id) s += '#' + el.id;
    else if (el.classList && el.classList.length) s += '.' + Array.from(el.classList).slice(0, 2).join('.');
    return s;
  };
  // Why the element can't take a pointer action now, or null when it can (scrolls it into view first).
  const blocker = (el, needEditable) => {
    if (!el.isConnected) return 'detached';
    if (!visible(el)) return 'not visible';
    if (disabled(el)) return 'disabled';
    if (needEditable && !editable(el)) return 'not editable';
    let r = el.getBoundingClientRect();
    if (r.bottom <= 0 || r.right <= 0 || r.top >= innerHeight || r.left >= innerWidth) {
      el.scrollIntoView({ block: 'center', inline: 'center', behavior: 'instant' });
      r = el.getBoundingClientRect();
    }
    const x = r.left + r.width / 2;
    const y = r.top + r.height / 2;
    const hit = document.elementFromPoint(x, y);
    if (hit && hit !== el && !el.contains(hit) && !(hit.shadowRoot && hit.contains(el))) {
      // a label for the element also takes the click
      if (!(hit.tagName === 'LABEL' && hit.control === el)) return 'covered by ' + describe(hit);
    }
    return null;
  };

  // ---- waiting: one MutationObserver wakes every waiter; a slow poll catches style-only changes ---------------
  const waiters = new Set();
  let polling = 0;
  const poke = () => {
    for (const w of Array.from(waiters)) w.check();
  };
  const watch = (check, timeoutMs, onTimeout) => new Promise((resolve, reject) => {
    const w = {
      check() {
        let v;
        try { v = check(); } catch (e) { this.done(); reject(e); return; }
        if (v !== undefined && v !== false && v !== null) { this.done(); resolve(v); }
      },
      done() {
        waiters.delete(this);
        clearTimeout(this.timer);
        if (waiters.size === 0 && polling) { clearInterval(polling); polling = 0; }
      },
      cancel() { this.done(); reject(cancelled); }
    };
    w.timer = setTimeout(() => { w.done(); reject(onTimeout()); }, Math.max(0, timeoutMs));
    waiters.add(w);
    if (!polling) polling = setInterval(poke, 100);
    w.check();
  });
  const cancelled = { cancelled: true };
  class Fail {
    constructor(kind, message) { this.kind = kind; this.message = message; }
  }

  // Waits for an element matching the selector that passes `ready` (a blocker function returning null).
  const actionable = (a, needEditable) => {
    let last = null;
    let seen = false;
    return watch(() => {
      const els = all(a.selector);
      if (els.length === 0) return null;
      seen = true;
      for (const el of els) {
        last = blocker(el, needEditable);
        if (last === null) return el;
      }
      return null;
    }, a.timeout, () => seen
        ? new Fail('not_actionable', a.selector + ' stayed ' + last + ' for ' + a.timeout + ' ms')
        : new Fail('selector_not_found', 'no element matched ' + a.selector + ' within ' + a.timeout + ' ms'));
  };

  // ---- event dispatch ----------------------------------------------------------------------------------------------
  const center = (el) => {
    const r = el.getBoundingClientRect();
    return { clientX: r.left + r.width / 2, clientY: r.top + r.height / 2 };
  };
  const mouse = (el, type, extra) => {
    const init = Object.assign({ bubbles: true, cancelable: true, composed: true, view: window, button: 0,
      buttons: type.endsWith('down') ? 1 : 0, detail: 1 }, center(el), extra || {});
    const Ctor = type.startsWith('pointer') ? PointerEvent : MouseEvent;
    if (type.startsWith('pointer')) { init.pointerId = 1; init.pointerType = 'mouse'; init.isPrimary = true; }
    if (type.endsWith('enter') || type.endsWith('leave')) init.bubbles = false;
    return el.dispatchEvent(new Ctor(type, init));
  };
  const focusable = (el) => typeof el.focus === 'function';
  const hover = (el) => {
    for (const t of ['pointerover', 'pointerenter', 'mouseover', 'mouseenter', 'pointermove', 'mousemove']) {
      mouse(el, t);
    }
  };
  // An interaction's time to the next frame after its handlers ran: INP as far as script can see it.
  const interaction = (start, name) => {
    interacted = true;
    finalizeLcp();
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => sample('webvital.inp', name, location.href, 0, null, now() - start);
      ch.port2.postMessage(0);
    });
  };
  const click = (el) => {
    const start = now();
    hover(el);
    const down = mouse(el, 'pointerdown') & mouse(el, 'mousedown');
    if (down && focusable(el) && document.activeElement !== el) el.focus({ preventScroll: true });
    mouse(el, 'pointerup');
    mouse(el, 'mouseup');
    mouse(el, 'click');
    interaction(start, 'click');
  };
  const setValue = (el, value) => {
    if (el.isContentEditable) { el.textContent = value; return; }
    const proto = el.tagName === 'TEXTAREA' ? HTMLTextAreaElement.prototype
        : el.tagName === 'SELECT' ? HTMLSelectElement.prototype : HTMLInputElement.prototype;
    const setter = Object.getOwnPropertyDescriptor(proto, 'value').set;
    setter.call(el, value);
  };
  const input = (el, inputType, data) => el.dispatchEvent(new InputEvent('input',
      { bubbles: true, composed: true, inputType, data }));
  const change = (el) => el.dispatchEvent(new Event('change', { bubbles: true }));
  const fill = (el, value) => {
    const start = now();
    if (document.activeElement !== el) el.focus({ preventScroll: true });
    if (!el.isContentEditable && typeof el.select === 'function') { try { el.select(); } catch (e) {} }
    setValue(el, value);
    input(el, value === '' ? 'deleteContentBackward' : 'insertText', value === '' ? null : value);
    change(el);
    interaction(start, value === '' ? 'clear' : 'fill');
  };
  const KEY_CODES = { Enter: 'Enter', Tab: 'Tab', Escape: 'Escape', Backspace: 'Backspace', ' ': 'Space',
    ArrowDown: 'ArrowDown', ArrowUp: 'ArrowUp', ArrowLeft: 'ArrowLeft', ArrowRight: 'ArrowRight', Delete: 'Delete' };
  const key = (el, type, k) => el.dispatchEvent(new KeyboardEvent(type, { key: k, bubbles: true, cancelable: true,
    composed: true, code: KEY_CODES[k] || (k.length === 1 ? 'Key' + k.toUpperCase() : k),
    keyCode: k === 'Enter' ? 13 : k === 'Tab' ? 9 : k === 'Escape' ? 27 : k.length === 1 ? k.toUpperCase().charCodeAt(0) : 0 }));
  const nextFocusable = (from, back) => {
    const list = Array.from(document.querySelectorAll(
        'a[href],button,input,select,textarea,[tabindex]:not([tabindex="-1"]),[contenteditable=""],[contenteditable="true"]'))
        .filter((e) => !disabled(e) && visible(e));
    const i = list.indexOf(from);
    return list[(i + (back ? -1 : 1) + list.length) % list.length];
  };
  const press = (el, k) => {
    const start = now();
    if (document.activeElement !== el && focusable(el)) el.focus({ preventScroll: true });
    const go = key(el, 'keydown', k);
    if (go && (k.length === 1 || k === 'Enter')) key(el, 'keypress', k);
    if (go) {
      if (k.length === 1 && editable(el)) {
        setValue(el, (el.isContentEditable ? el.textContent : el.value) + k);
        input(el, 'insertText', k);
      } else if (k === 'Backspace' && editable(el)) {
        const v = el.isContentEditable ? el.textContent : el.value;
        setValue(el, v.slice(0, -1));
        input(el, 'deleteContentBackward', null);
      } else if (k === 'Enter') {
        if (el.tagName === 'TEXTAREA' || el.isContentEditable) {
          setValue(el, (el.isContentEditable ? el.textContent : el.value) + '\n');
          input(el, 'insertLineBreak', null);
        } else if (el.tagName === 'INPUT' && el.form && editable(el)) {
          change(el);
          el.form.requestSubmit();
        } else if (el.tagName === 'BUTTON' || el.tagName === 'A' || el.getAttribute('role') === 'button') {
          el.click();
        }
      } else if (k === ' ' && (el.tagName === 'BUTTON' || (el.tagName === 'INPUT'
          && ['checkbox', 'radio', 'button', 'submit'].includes(el.type)))) {
        el.click();
      } else if (k === 'Tab') {
        const n = nextFocusable(el, false);
        if (n) n.focus();
      }
    }
    key(document.activeElement || el, 'keyup', k);
    interaction(start, 'press');
  };
  const drag = (src, dst) => {
    const dt = new DataTransfer();
    const ev = (el, type) => el.dispatchEvent(new DragEvent(type, Object.assign({ bubbles: true, cancelable: true,
      composed: true, dataTransfer: dt }, center(el))));
    hover(src);
    mouse(src, 'pointerdown');
    mouse(src, 'mousedown');
    ev(src, 'dragstart');
    ev(src, 'drag');
    hover(dst);
    ev(dst, 'dragenter');
    ev(dst, 'dragover');
    ev(dst, 'drop');
    ev(src, 'dragend');
    mouse(dst, 'pointerup');
    mouse(dst, 'mouseup');
  };

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

  // ---- page measurements: resource and navigation timing, Web Vitals --------------------------------------------
  // Returns a function that hands over entries the browser made but has not delivered yet.
  const observeEntries = (type, fn, extra) => {
    try {
      const o = new PerformanceObserver((list) => list.getEntries().forEach(fn));
      o.observe(Object.assign({ type, buffered: true }, extra || {}));
      return () => o.takeRecords().forEach(fn);
    } catch (e) { return () => {}; /* not supported */ }
  };
  const sameOrigin = (url) => { try { return new URL(url).origin === location.origin; } catch (e) { return false; } };
  observeEntries('resource', (e) => {
    const status = e.responseStatus || 0;
    const failed = status === 0 && e.responseStart === 0 && e.transferSize === 0 && e.decodedBodySize === 0
        && sameOrigin(e.name);
    const error = status >= 400 ? 'status' : failed ? 'network' : null;
    sample('browser.request.duration', e.initiatorType, e.name, status, error, e.responseEnd - e.startTime);
    if (!error && e.responseStart > 0) {
      sample('browser.request.ttfb', e.initiatorType, e.name, status, null, e.responseStart - e.startTime);
    }
    if (!error) sample('browser.request.bytes', e.initiatorType, e.name, status, null, e.transferSize);
  });
  const realPage = () => location.protocol === 'http:' || location.protocol === 'https:';
  observeEntries('paint', (e) => {
    if (e.name === 'first-contentful-paint' && realPage()) sample('webvital.fcp', null, location.href, 0, null, e.startTime);
  });
  let lcp = null;
  let lcpDone = false;
  const pendingLcp = observeEntries('largest-contentful-paint', (e) => {
    if (!lcpDone) lcp = e.renderTime || e.startTime || e.loadTime;
  });
  const finalizeLcp = () => {
    if (lcpDone || !realPage()) return;
    pendingLcp();
    lcpDone = true;
    if (lcp != null) sample('webvital.lcp', null, location.href, 0, null, lcp);
  };
  let cls = 0;
  let win = 0;
  let winFirst = 0;
  let winLast = 0;
  const pendingShifts = observeEntries('layout-shift', (e) => {
    if (e.hadRecentInput) return;
    if (win && e.startTime - winLast < 1000 && e.startTime - winFirst < 5000) {
      win += e.value;
    } else {
      win = e.value;
      winFirst = e.startTime;
    }
    winLast = e.startTime;
    if (win > cls) cls = win;
  });
  let clsDone = false;
  const finalizeCls = () => {
    if (clsDone || !realPage()) return;
    pendingShifts();
    clsDone = true;
    sample('webvital.cls', null, location.href, 0, null, cls);
  };
  const navigation = () => {
    const n = perf.getEntriesByType('navigation')[0];
    if (!n || !realPage()) return null;
    const status = n.responseStatus || 0;
    const ttfb = Math.max(0, n.responseStart - (n.activationStart || 0));
    sample('webvital.ttfb', null, location.href, status, null, ttfb);
    sample('browser.request.duration', 'document', location.href, status, status >= 400 ? 'status' : null,
        n.responseEnd - n.startTime);
    sample('browser.request.ttfb', 'document', location.href, status, null, n.responseStart - n.startTime);
    sample('browser.request.bytes', 'document', location.href, status, null, n.transferSize);
    return n;
  };
  const errorCode = () => {
    const e = document.querySelector('.error-code') || document.querySelector('#error-code');
    return e ? e.textContent.trim() : '';
  };
  document.addEventListener('DOMContentLoaded', () => {
    const n = perf.getEntriesByType('navigation')[0];
    send({ t: 'doc', phase: 'dcl', url: location.href, status: n ? n.responseStatus || 0 : 0,
      end: T0 + (n ? n.domContentLoadedEventEnd : now()),
      error: location.protocol === 'chrome-error:' ? errorCode() || 'network error' : null });
  });
  window.addEventListener('load', () => setTimeout(() => {
    const n = navigation();
    if (n) {
      sample('browser.navigation.dom_content_loaded', null, location.href, n.responseStatus || 0, null,
          n.domContentLoadedEventEnd);
      sample('browser.navigation.load', null, location.href, n.responseStatus || 0, null, n.loadEventEnd);
    }
    send({ t: 'doc', phase: 'load', url: location.href, status: n ? n.responseStatus || 0 : 0,
      end: T0 + (n ? n.loadEventEnd : now()),
      error: location.protocol === 'chrome-error:' ? errorCode() || 'network error' : null });
  }, 0));
  window.addEventListener('pagehide', () => {
    leaving = true;
    finalizeLcp();
    finalizeCls();
    send({ t: 'samples' });
  });

  // ---- running actions ---------------------------------------------------------------------------------------------
  const WAITS = new Set(['waitFor', 'waitForText', 'waitForUrl', 'waitForLiveView', 'waitForLoading']);
  let current = null;
  const isVisibleNow = (sel) => all(sel).some(visible);

  const exec = async (a, base) => {
    switch (a.op) {
      case 'navigate': {
        send({ t: 'nav', id: a.id, at: epoch() });
        if (a.reload) location.reload(); else location.href = a.url;
        return { pending: true };
      }
      case 'click': { const el = await actionable(a); click(el); return {}; }
      case 'fill': { const el = await actionable(a, true); fill(el, a.value); return {}; }
      case 'press': { const el = await actionable(a); press(el, a.key); return {}; }
      case 'check': {
        const el = await actionable(a);
        if (el.checked !== a.checked) click(el);
        if (el.checked !== a.checked) throw new Fail('not_actionable', 'clicking ' + a.selector + ' did not '
            + (a.checked ? 'check' : 'uncheck') + ' it');
        return {};
      }
      case 'select': {
        let missing = '';
        const el = await watch(() => {
          const s = first(a.selector);
          if (!s) return null;
          if (s.tagName !== 'SELECT') throw new Fail('not_actionable', a.selector + ' is a ' + describe(s) + ', not a select');
          if (disabled(s)) return null;
          const opts = Array.from(s.options);
          for (const v of a.values) {
            if (!opts.some((o) => o.value === v || o.label === v || o.text.trim() === v)) { missing = v; return null; }
          }
          return s;
        }, a.timeout, () => missing ? new Fail('not_actionable', a.selector + ' has no option ' + missing)
            : new Fail('selector_not_found', 'no select matched ' + a.selector + ' within ' + a.timeout + ' ms'));
        const start = now();
        for (const o of el.options) o.selected = a.values.some((v) => o.value === v || o.label === v || o.text.trim() === v);
        input(el, 'insertReplacementText', null);
        change(el);
        interaction(start, 'select');
        return {};
      }
      case 'focus': { const el = await actionable(a); el.focus(); return {}; }
      case 'blur': {
        const el = await watch(() => first(a.selector), a.timeout,
            () => new Fail('selector_not_found', 'no element matched ' + a.selector + ' within ' + a.timeout + ' ms'));
        el.blur();
        return {};
      }
      case 'hover': { const el = await actionable(a); hover(el); return {}; }
      case 'drag': {
        const src = await actionable(a);
        const dst = await actionable({ selector: a.target, timeout: a.timeout });
        drag(src, dst);
        return {};
      }
      case 'submit': {
        const el = await watch(() => first(a.selector), a.timeout,
            () => new Fail('selector_not_found', 'no element matched ' + a.selector + ' within ' + a.timeout + ' ms'));
        const form = el.tagName === 'FORM' ? el : el.form || el.closest('form');
        if (!form) throw new Fail('not_actionable', a.selector + ' is not in a form');
        form.requestSubmit();
        return {};
      }
      case 'waitFor': {
        const cond = {
          ATTACHED: () => all(a.selector).length > 0,
          DETACHED: () => all(a.selector).length === 0,
          VISIBLE: () => isVisibleNow(a.selector),
          HIDDEN: () => !isVisibleNow(a.selector)
        }[a.state];
        await watch(() => cond() ? now() : null, a.timeout,
            () => new Fail('timeout', a.selector + ' did not become ' + a.state.toLowerCase() + ' within ' + a.timeout + ' ms'));
        return {};
      }
      case 'waitForText': {
        let last = null;
        await watch(() => {
          const els = all(a.selector);
          last = els.length ? els[0].textContent.trim().slice(0, 80) : null;
          return els.some((el) => el.textContent.includes(a.text)) ? true : null;
        }, a.timeout, () => new Fail('timeout', a.selector + ' did not contain "' + a.text + '" within ' + a.timeout
            + ' ms (' + (last === null ? 'no element matched' : 'text was "' + last + '"') + ')'));
        return {};
      }
      case 'waitForUrl': {
        const re = new RegExp(a.regex);
        await watch(() => re.test(location.href) ? true : null, a.timeout,
            () => new Fail('timeout', 'URL did not match ' + a.pattern + ' within ' + a.timeout + ' ms (it is ' + location.href + ')'));
        return {};
      }
      case 'waitForLiveView': {
        await watch(() => {
          const roots = document.querySelectorAll('[data-phx-session]');
          if (roots.length === 0) return null;
          for (const r of roots) if (!r.classList.contains('phx-connected')) return null;
          return true;
        }, a.timeout, () => {
          const roots = Array.from(document.querySelectorAll('[data-phx-session]'));
          return new Fail('timeout', roots.length === 0 ? 'no LiveView on the page within ' + a.timeout + ' ms'
              : 'LiveView did not connect within ' + a.timeout + ' ms (root classes: '
                + roots.map((r) => '"' + r.className + '"').join(', ') + ')');
        });
        return {};
      }
      case 'waitForLoading': {
        const cls = 'phx-' + a.kind + '-loading';
        const since = Math.min(mark, base) - 1;
        const matches = (el) => {
          try { return el.isConnected && (el.matches(a.selector) || all(a.selector).some((m) => m === el || el.contains(m))); }
          catch (e) { return all(a.selector).some((m) => m === el || el.contains(m)); }
        };
        let sawOpen = false;
        const span = await watch(() => {
          for (let i = spans.length - 1; i >= 0; i--) {
            const s = spans[i];
            if (s.kind === a.kind && s.start >= since && (matches(s.el) || !s.el.isConnected)) return s;
          }
          for (const [el, k] of openSpans) if (k.has(a.kind) && matches(el)) sawOpen = true;
          return null;
        }, a.timeout, () => new Fail('timeout', cls + ' on ' + a.selector + (sawOpen ? ' did not clear'
            : ' did not appear') + ' within ' + a.timeout + ' ms'));
        return { start: span.start, end: span.end, span: true };
      }
      case 'read': {
        if (a.what === 'URL') return { value: location.href };
        if (a.what === 'IS_VISIBLE') return { value: isVisibleNow(a.selector) };
        const el = await watch(() => first(a.selector), a.timeout,
            () => new Fail('selector_not_found', 'no element matched ' + a.selector + ' within ' + a.timeout + ' ms'));
        switch (a.what) {
          case 'TEXT': return { value: el.textContent };
          case 'INNER_HTML': return { value: el.innerHTML };
          case 'ATTRIBUTE': return { value: el.getAttribute(a.attribute) };
          case 'INPUT_VALUE':
            if (!('value' in el)) throw new Fail('not_actionable', a.selector + ' is a ' + describe(el) + ', not a form field');
            return { value: el.value };
          case 'IS_CHECKED':
            if (!('checked' in el)) throw new Fail('not_actionable', a.selector + ' is not a checkbox or radio');
            return { value: el.checked };
        }
        throw new Fail('script', 'unknown read ' + a.what);
      }
      case 'host': return { host: true };
    }
    throw new Fail('script', 'unknown action ' + a.op);
  };

  const runBatch = async (batch, me) => {
    step = batch.step;
    let prevEnd = batch.since;
    for (const a of batch.actions) {
      if (me.cancelled) return;
      const start = epoch();
      if (!WAITS.has(a.op) && a.op !== 'read' && a.op !== 'host') mark = start;
      const base = WAITS.has(a.op) && prevEnd != null ? prevEnd : start;
      let r;
      try {
        r = await exec(a, base);
      } catch (e) {
        if (me.cancelled || e === cancelled) return;
        const fail = e instanceof Fail ? e : e instanceof Usage ? new Fail('invalid_selector', e.message)
            : new Fail('script', String(e && e.stack || e));
        send({ t: 'fail', id: a.id, kind: fail.kind, msg: fail.message, ms: epoch() - start, url: location.href });
        return;
      }
      if (me.cancelled) return;
      if (r.pending || r.host) {
        if (r.host) send({ t: 'host', id: a.id, start });
        return;
      }
      const end = r.end != null ? r.end : epoch();
      const from = r.span ? r.start : base;
      send({ t: 'done', id: a.id, ms: Math.max(0, end - from), start, end, url: location.href,
        v: r.value === undefined ? null : r.value });
      prevEnd = end;
    }
  };

  Object.defineProperty(window, '__liveload', { value: Object.freeze({
    doc,
    run(batch) {
      if (current) current.cancelled = true;
      for (const w of Array.from(waiters)) w.cancel();
      const me = { cancelled: false };
      current = me;
      if (batch.mark != null && batch.mark > mark) mark = batch.mark;
      runBatch(batch, me);
      return doc;
    },
    cancel() {
      if (current) current.cancelled = true;
      current = null;
      for (const w of Array.from(waiters)) w.cancel();
    },
    // Samples so far; `final` closes the page's LCP and CLS (the user is leaving).
    drain(final) {
      if (final) { finalizeLcp(); finalizeCls(); }
      return { doc, s: drain(), dropped };
    },
    evaluate(id, fn, arg) {
      const start = epoch();
      Promise.resolve().then(() => typeof fn === 'function' ? fn(arg) : fn).then((v) => {
        let value = v === undefined ? null : v;
        try { value = JSON.parse(JSON.stringify(value)); } catch (e) {
          send({ t: 'fail', id, kind: 'script', msg: 'result is not JSON-like: ' + e.message, ms: epoch() - start, url: location.href });
          return;
        }
        const end = epoch();
        send({ t: 'done', id, ms: end - start, start, end, url: location.href, v: value });
      }, (e) => send({ t: 'fail', id, kind: 'script', msg: String(e && e.stack || e), ms: epoch() - start, url: location.href }));
    }
  }) });
  send({ t: 'doc', phase: 'init', url: location.href });
})();
