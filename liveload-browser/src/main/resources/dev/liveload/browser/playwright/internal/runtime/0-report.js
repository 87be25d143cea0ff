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
