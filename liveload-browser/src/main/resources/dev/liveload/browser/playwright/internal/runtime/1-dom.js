// Finding elements, judging whether they take an action, waiting in the page, dispatching events.
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
let heldAtOnce = false;  // whether the last wait that ended held at its first check
const watch = (check, timeoutMs, onTimeout) => new Promise((resolve, reject) => {
  let checks = 0;
  const w = {
    check() {
      let v;
      checks++;
      try { v = check(); } catch (e) { this.done(); reject(e); return; }
      if (v !== undefined && v !== false && v !== null) { this.done(); heldAtOnce = checks === 1; resolve(v); }
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
// An interaction's time to the next frame after its handlers ran: its INP latency as far as script can see it.
const interaction = (start) => {
  interacted = true;
  finalizeLcp();
  requestAnimationFrame(() => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => interactionLatency(now() - start);
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
  interaction(start);
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
  interaction(start);
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
  interaction(start);
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
