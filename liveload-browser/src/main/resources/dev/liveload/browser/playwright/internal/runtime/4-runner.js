// Running the user's actions: one batch at a time, reported back in as few binding calls as possible.
// ---- running actions ---------------------------------------------------------------------------------------------
const WAITS = new Set(['waitFor', 'waitForText', 'waitForUrl', 'waitForLiveView', 'waitForLoading']);
const pendingDone = [];
let current = null;
const isVisibleNow = (sel) => all(sel).some(visible);

const exec = async (a, base) => {
  switch (a.op) {
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
  }
  throw new Fail('script', 'unknown action ' + a.op);
};

// Results of finished actions ride along with the next message (the batch's end, a failure, a navigation, a host
// action), so a click-and-wait batch costs the owner thread one binding call. A document about to be replaced
// reports what it finished at once (the Navigation API's navigate event fires as the navigation starts), so the
// next document never runs an action again; without that API, actions that may navigate report at once.
const navigationApi = typeof window.navigation === 'object' && window.navigation !== null
    && typeof window.navigation.addEventListener === 'function';
const MAY_NAVIGATE = new Set(['click', 'press', 'submit', 'check']);
let leavingDocument = false;
if (navigationApi) {
  window.navigation.addEventListener('navigate', (e) => {
    if (e.destination && e.destination.sameDocument) return;
    leavingDocument = true;
    if (pendingDone.length) send({ t: 'done', done: pendingDone.splice(0) });
  });
}
const runBatch = async (batch, me) => {
  step = batch.step;
  let prevEnd = batch.since;
  const done = pendingDone;
  const flush = (msg) => { msg.done = done.splice(0); send(msg); };
  for (const a of batch.actions) {
    if (me.cancelled) return;
    const start = epoch();
    if (!WAITS.has(a.op) && a.op !== 'read' && a.op !== 'host') mark = start;
    const base = WAITS.has(a.op) && prevEnd != null ? prevEnd : start;
    if (a.op === 'navigate') {
      flush({ t: 'nav', id: a.id, at: start });
      if (a.reload) location.reload(); else location.href = a.url;
      return;
    }
    if (a.op === 'host') {
      flush({ t: 'host', id: a.id, start });
      return;
    }
    let r;
    try {
      r = await exec(a, base);
    } catch (e) {
      if (me.cancelled || e === cancelled) return;
      const fail = e instanceof Fail ? e : e instanceof Usage ? new Fail('invalid_selector', e.message)
          : new Fail('script', String(e && e.stack || e));
      flush({ t: 'fail', id: a.id, kind: fail.kind, msg: fail.message, ms: epoch() - start, url: location.href });
      return;
    }
    if (me.cancelled) return;
    const end = r.end != null ? r.end : epoch();
    const from = r.span ? r.start : base;
    done.push({ id: a.id, ms: Math.max(0, end - from), start, end, url: location.href,
      v: r.value === undefined ? null : r.value });
    prevEnd = end;
    if (leavingDocument || (!navigationApi && MAY_NAVIGATE.has(a.op))) flush({ t: 'done' });
  }
  if (!me.cancelled) flush({ t: 'done' });
};

// Runs fn in a new task, ahead of timers (a message to ourselves; setTimeout may be clamped).
const laterQueue = [];
const laterChannel = new MessageChannel();
laterChannel.port1.onmessage = () => { const fn = laterQueue.shift(); if (fn) fn(); };
const later = (fn) => { laterQueue.push(fn); laterChannel.port2.postMessage(0); };

Object.defineProperty(window, '__liveload', { value: Object.freeze({
  doc,
  run(batch) {
    if (current) current.cancelled = true;
    for (const w of Array.from(waiters)) w.cancel();
    const me = { cancelled: false };
    current = me;
    pendingDone.length = 0;
    if (batch.mark != null && batch.mark > mark) mark = batch.mark;
    // Start in a task of its own, so that the evaluate that armed the batch returns at once: the owner thread
    // is not held while the first action (and what the page does in response) runs.
    later(() => runBatch(batch, me));
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
