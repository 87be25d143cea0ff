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
  sample('browser.request.duration', e.initiatorType, e.name, status, error, e.responseEnd - e.startTime, e.startTime);
  if (!error && e.responseStart > 0) {
    sample('browser.request.ttfb', e.initiatorType, e.name, status, null, e.responseStart - e.startTime, e.startTime);
  }
  if (!error) sample('browser.request.bytes', e.initiatorType, e.name, status, null, e.transferSize, e.startTime);
});
// ---- Web Vitals, one set per page view: a document, from its navigation until it is left. A LiveView live
// navigation (patch or redirect over the same socket) stays in the page view, as Chrome's Core Web Vitals count it;
// it is measured as liveview.navigation. Every page-view metric is tagged with the URL the document was loaded
// from, at the navigation's start (at 0).
const realPage = () => location.protocol === 'http:' || location.protocol === 'https:';
const pageSample = (metric, status, value) => sample(metric, null, pageUrl, status, null, value, 0);
observeEntries('paint', (e) => {
  if (e.name === 'first-contentful-paint' && realPage()) pageSample('webvital.fcp', 0, e.startTime);
});
let lcp = null;
let lcpDone = false;
const pendingLcp = observeEntries('largest-contentful-paint', (e) => {
  if (!lcpDone) lcp = e.renderTime || e.startTime || e.loadTime;
});
// LCP is final at the first interaction (the browser stops looking then) or when the page is left.
const finalizeLcp = () => {
  if (lcpDone || !realPage()) return;
  pendingLcp();
  lcpDone = true;
  if (lcp != null) pageSample('webvital.lcp', 0, lcp);
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
// INP: the page view's worst interaction, ignoring the worst one per 50 (as web-vitals does); none without one.
const INTERACTIONS_KEPT = 10;
let worst = [];
let interactions = 0;
let left = false;
const interactionLatency = (ms) => {
  if (left) return;
  interactions++;
  worst.push(ms);
  worst.sort((a, b) => b - a);
  if (worst.length > INTERACTIONS_KEPT) worst.length = INTERACTIONS_KEPT;
};
// The page is left (a navigation starts, the page is hidden for good, the user's context closes): its CLS and INP
// are final, and LCP if no interaction made it final before.
const leavePage = () => {
  if (left || !realPage()) return;
  finalizeLcp();
  pendingShifts();
  left = true;
  pageSample('webvital.cls', 0, cls);
  if (interactions > 0) {
    pageSample('webvital.inp', 0, worst[Math.min(worst.length - 1, Math.floor(interactions / 50))]);
  }
};
const navigation = () => {
  const n = perf.getEntriesByType('navigation')[0];
  if (!n || !realPage()) return null;
  const status = n.responseStatus || 0;
  const ttfb = Math.max(0, n.responseStart - (n.activationStart || 0));
  pageSample('webvital.ttfb', status, ttfb);
  sample('browser.request.duration', 'document', pageUrl, status, status >= 400 ? 'status' : null,
      n.responseEnd - n.startTime, 0);
  sample('browser.request.ttfb', 'document', pageUrl, status, null, n.responseStart - n.startTime, 0);
  sample('browser.request.bytes', 'document', pageUrl, status, null, n.transferSize, 0);
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
    pageSample('browser.navigation.dom_content_loaded', n.responseStatus || 0, n.domContentLoadedEventEnd);
    pageSample('browser.navigation.load', n.responseStatus || 0, n.loadEventEnd);
  }
  send({ t: 'doc', phase: 'load', url: location.href, status: n ? n.responseStatus || 0 : 0,
    end: T0 + (n ? n.loadEventEnd : now()),
    error: location.protocol === 'chrome-error:' ? errorCode() || 'network error' : null });
}, 0));
// The last resort for a page left in a way the runtime did not see start (the Navigation API reports the others as
// they begin, while the document can still report): a report sent this late may not reach the driver.
window.addEventListener('pagehide', () => {
  leaving = true;
  leavePage();
  send({ t: 'samples', done: pendingDone.splice(0) });
});
