// Resource and navigation timing, Web Vitals, and the document's lifecycle reports.
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
  send({ t: 'samples', done: pendingDone.splice(0) });
});
