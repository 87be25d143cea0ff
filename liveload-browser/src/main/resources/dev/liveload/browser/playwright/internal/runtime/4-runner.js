// Running the user's actions: one batch at a time, reported back in as few binding calls as possible.
// ---- running actions ---------------------------------------------------------------------------------------------
const WAITS = new Set(['waitFor', 'waitForText', 'waitForUrl', 'waitForLiveView', 'waitForLoading']);
const pendingDone = [];
let current = null;
// The action whose event is being dispatched right now (click, press, submit, check): a navigation it starts
// reports it done at once, in the one report the leaving document is sure to get out (see the navigate listener).
let dispatching = null;
const dispatch = (a, fn) => {
  dispatching = a;
  try { fn(); } finally { dispatching = null; }
};
const isVisibleNow = (sel) => all(sel).some(visible);
// What check, uncheck and isChecked act on: a checkbox or radio input (or the one a label is for), or an element
// with a checkable ARIA role and aria-checked; anything else fails with not_checkable.
const ARIA_CHECKABLE = ['checkbox', 'radio', 'switch', 'menuitemcheckbox', 'menuitemradio'];
const checkable = (el, selector) => {
  const box = el.tagName === 'LABEL' && el.control ? el.control : el;
  if (box.tagName === 'INPUT' && (box.type === 'checkbox' || box.type === 'radio')) return box;
  if (ARIA_CHECKABLE.includes(box.getAttribute('role')) && box.hasAttribute('aria-checked')) return box;
  throw new Fail('not_checkable', selector + ' is ' + (box.tagName === 'INPUT' ? 'an input of type ' + box.type
      : 'a ' + describe(box)) + ', not a checkbox or radio button (nor an element with role checkbox, radio or '
      + 'switch and aria-checked)');
};
const checked = (box) => box.tagName === 'INPUT' ? box.checked : box.getAttribute('aria-checked') === 'true';

// What a waitForLoading that timed out still saw loading: the elements whose span of that kind is open (at most 2:
// an error message is cut at 500 characters), with LiveView's ref attributes, whether the element is still in the
// page and still has the class (or the runtime missed its removal), and the frames the page's WebSockets sent and
// received since the event began (whether the server's reply came at all).
const stillOpen = (kind) => {
  const out = [];
  let n = 0;
  for (const [el, k] of openSpans) {
    const ev = k.get(kind);
    if (!ev) continue;
    if (++n > 2) continue;
    let d = el.tagName.toLowerCase() + (el.id ? '#' + el.id : '');
    if (el.classList && el.classList.length) d += '.' + Array.from(el.classList).join('.');
    const attrs = ['data-phx-ref', 'data-phx-ref-loading', 'data-phx-ref-src', 'data-phx-ref-lock']
        .filter((n) => el.hasAttribute(n)).map((n) => n + '=' + el.getAttribute(n));
    out.push(d + ' [' + attrs.concat('isConnected=' + el.isConnected,
        'has the class now=' + (el.classList ? el.classList.contains('phx-' + kind + '-loading') : false),
        'event ' + ev.key + ' open on ' + ev.open,
        'WebSocket frames since: sent ' + (frames.sent - ev.sent) + ', received ' + (frames.received - ev.received))
        .join(', ') + ']');
  }
  return out.length ? ': still marked ' + out.join('; ') + (n > 2 ? ' and ' + (n - 2) + ' more' : '') : '';
};
const exec = async (a, base) => {
  switch (a.op) {
    case 'click': { const el = await actionable(a); dispatch(a, () => click(el)); return {}; }
    case 'fill': { const el = await actionable(a, true); fill(el, a.value); return {}; }
    case 'press': { const el = await actionable(a); dispatch(a, () => press(el, a.key)); return {}; }
    case 'check': {
      const el = await actionable(a);
      const box = checkable(el, a.selector);
      if (checked(box) === a.checked) return {};
      if (!a.checked && box.tagName === 'INPUT' && box.type === 'radio') {
        throw new Fail('not_checkable', a.selector + ' is a radio button: it cannot be unchecked by clicking it '
            + '(check another one of its group)');
      }
      dispatch(a, () => click(el));
      if (checked(box) !== a.checked) throw new Fail('not_actionable', 'clicking ' + a.selector + ' did not '
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
      interaction(start);
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
      dispatch(a, () => form.requestSubmit());
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
      if (a.selector == null) {
        // the whole page settled: an event of this kind began since the previous action, and none is still loading
        let open = false;
        const settled = await watch(() => {
          open = false;
          for (const k of openSpans.values()) if (k.has(a.kind)) { open = true; return null; }
          let from = null;
          let to = null;
          for (const s of spans) {
            if (s.kind !== a.kind || s.start < since) continue;
            from = from == null ? s.start : Math.min(from, s.start);
            to = to == null ? s.end : Math.max(to, s.end);
          }
          return from == null ? null : { start: from, end: to };
        }, a.timeout, () => new Fail('timeout', (open ? cls + ' did not clear' : 'no ' + cls + ' appeared')
            + ' within ' + a.timeout + ' ms' + (open ? stillOpen(a.kind) : '')));
        return { start: settled.start, end: settled.end, span: true };
      }
      const matches = (el) => {
        try { return el.isConnected && (el.matches(a.selector) || all(a.selector).some((m) => m === el || el.contains(m))); }
        catch (e) { return all(a.selector).some((m) => m === el || el.contains(m)); }
      };
      let sawOpen = false;
      const span = await watch(() => {
        for (let i = spans.length - 1; i >= 0; i--) {
          const s = spans[i];
          if (s.kind === a.kind && s.start >= since && (s.els.some(matches) || !s.els.some((el) => el.isConnected))) {
            return s;
          }
        }
        for (const [el, k] of openSpans) if (k.has(a.kind) && matches(el)) sawOpen = true;
        return null;
      }, a.timeout, () => new Fail('timeout', cls + ' on ' + a.selector + (sawOpen ? ' did not clear'
          : ' did not appear') + ' within ' + a.timeout + ' ms'));
      return { start: span.start, end: span.end, span: true };
    }
    case 'read': {
      if (a.what === 'URL') return { value: location.href };
      if (a.what === 'TITLE') return { value: document.title };
      if (a.what === 'CONTENT') {
        const type = document.doctype ? new XMLSerializer().serializeToString(document.doctype) : '';
        return { value: type + (document.documentElement ? document.documentElement.outerHTML : '') };
      }
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
        case 'IS_CHECKED': return { value: checked(checkable(el, a.selector)) };
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
// The action whose dispatch started the navigation (a click on a link, a submit) is reported done in that same
// report, ended as the navigation starts: a second report sent after the dispatch returns can be lost when the
// document goes away under a busy driver, and the next document would then run the click again.
const navigationApi = typeof window.navigation === 'object' && window.navigation !== null
    && typeof window.navigation.addEventListener === 'function';
const MAY_NAVIGATE = new Set(['click', 'press', 'submit', 'check']);
let leavingDocument = false;
if (navigationApi) {
  window.navigation.addEventListener('navigate', (e) => {
    if (e.destination && e.destination.sameDocument) return;
    leavingDocument = true;
    leavePage(); // the page view's Web Vitals are final: report them while the document can still report
    if (dispatching && dispatching.$start != null && dispatching.$end == null) {
      const a = dispatching;
      a.$end = epoch();
      pendingDone.push(finished(a, {}, a.$end));
    }
    if (pendingDone.length || samples.length) send({ t: 'done', done: pendingDone.splice(0) });
  });
}
// What the owner thread learns of a finished action.
const finished = (a, r, end) => {
  const from = r.span ? r.start : a.$base;
  return { id: a.id, ms: Math.max(0, end - from), from, start: a.$start, end, url: location.href,
    v: r.value === undefined ? null : r.value };
};
const runBatch = async (batch, me) => {
  step = batch.step;
  const armedAt = epoch();
  let prevEnd = batch.since;
  const done = pendingDone;
  const flush = (msg) => { msg.done = done.splice(0); send(msg); };
  for (const a of batch.actions) {
    if (me.cancelled) return;
    const start = epoch();
    if (!WAITS.has(a.op) && a.op !== 'read' && a.op !== 'host') mark = start;
    const base = WAITS.has(a.op) && prevEnd != null ? prevEnd : start;
    a.$start = start;
    a.$base = base;
    if (a.op === 'navigate') {
      leavePage(); // this page view ends here: its Web Vitals go with the report
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
      flush({ t: 'fail', id: a.id, kind: fail.kind, msg: fail.message, ms: epoch() - start, start,
        url: location.href });
      return;
    }
    if (me.cancelled) return;
    if (a.$end != null) {
      prevEnd = a.$end; // it started a navigation and was reported done with it
      continue;
    }
    let end = r.end != null ? r.end : epoch();
    if (WAITS.has(a.op) && !r.span && heldAtOnce && base < armedAt) {
      // A wait that held at once in a document the owner re-armed after a navigation: it became true by the page's
      // last change, not when the re-armed runner looked (the time in between is the driver's, not the page's).
      end = Math.max(base, Math.min(end, T0 + lastChange));
    }
    done.push(finished(a, r, end));
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
    return { doc, at: epoch() }; // the page's clock now: the owner maps it onto the JVM's from this call's timing
  },
  cancel() {
    if (current) current.cancelled = true;
    current = null;
    for (const w of Array.from(waiters)) w.cancel();
  },
  // Samples so far; `final` ends the page view (the user's context is closing): its Web Vitals are final.
  drain(final) {
    if (final) leavePage();
    return { doc, s: drain(), dropped, sent: epoch() };
  },
  evaluate(id, fn, arg) {
    const start = epoch();
    Promise.resolve().then(() => typeof fn === 'function' ? fn(arg) : fn).then((v) => {
      let value = v === undefined ? null : v;
      try { value = JSON.parse(JSON.stringify(value)); } catch (e) {
        send({ t: 'fail', id, kind: 'script', msg: 'result is not JSON-like: ' + e.message, ms: epoch() - start,
          start, url: location.href });
        return;
      }
      const end = epoch();
      send({ t: 'done', id, ms: end - start, start, end, url: location.href, v: value });
    }, (e) => send({ t: 'fail', id, kind: 'script', msg: String(e && e.stack || e), ms: epoch() - start, start,
      url: location.href }));
  }
}) });
send({ t: 'doc', phase: 'init', url: location.href });
