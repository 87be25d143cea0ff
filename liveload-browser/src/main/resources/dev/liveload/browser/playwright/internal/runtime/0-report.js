// Shared by the runtime's parts: the binding, the clock, samples and reports.
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
// The page view's URL, as the document was loaded: its Web Vitals and navigation timing are tagged with it, even after
// a LiveView live navigation (patch or redirect) changed location.href.
const pageUrl = location.href;

// A sample: [metric, kind, url, status, error, value, step, at]. `at` is when it happened (a span: when it began; a
// page view's metrics: 0, the navigation's start), in performance.now() time; it is sent as epoch ms (the page
// clock: timeOrigin + at), which the owner thread maps onto the JVM's clock to tag the sample with its step.
const sample = (metric, kind, url, status, error, value, at) => {
  if (samples.length >= MAX_SAMPLES) { dropped++; return; }
  samples.push([metric, kind, url, status, error, value, step, T0 + (at == null ? now() : at)]);
};
const drain = () => {
  const s = samples;
  samples = [];
  return s;
};
const send = (msg) => {
  msg.doc = doc;
  msg.sent = epoch();
  msg.s = drain();
  if (dropped) { msg.dropped = dropped; dropped = 0; }
  try { report(msg); } catch (e) { /* binding gone: the context is closing */ }
};
