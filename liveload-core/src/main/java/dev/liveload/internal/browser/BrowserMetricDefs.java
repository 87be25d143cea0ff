package dev.liveload.internal.browser;

import static dev.liveload.browser.BrowserMetrics.*;

import dev.liveload.internal.metrics.Hdr;
import dev.liveload.internal.metrics.MetricDef;

/** Units and counters of the browser metrics ({@link dev.liveload.browser.BrowserMetrics}). */
public final class BrowserMetricDefs {
  private static final int MS = Hdr.MICROS_PER_MILLI;

  private BrowserMetricDefs() {}

  public static void define() {
    MetricDef.define(ACTION, "ms", MS, "browser.actions", false);
    MetricDef.define(QUEUE, "ms", MS, null, false);
    MetricDef.define(REQUEST, "ms", MS, "browser.requests", false);
    MetricDef.define(REQUEST_TTFB, "ms", MS, null, false);
    MetricDef.define(REQUEST_BYTES, "bytes", 1, null, false);
    MetricDef.define(DOM_CONTENT_LOADED, "ms", MS, null, false);
    MetricDef.define(LOAD, "ms", MS, null, false);
    MetricDef.define(TTFB, "ms", MS, PAGE_VIEWS, false);
    MetricDef.define(FCP, "ms", MS, null, false);
    MetricDef.define(LCP, "ms", MS, null, false);
    MetricDef.define(CLS, "score", 1000, null, false);
    MetricDef.define(INP, "ms", MS, null, false);
    MetricDef.define(WS_CONNECT, "ms", MS, "browser.ws.connections", false);
    MetricDef.define(WS_SESSION, "ms", MS, "browser.ws.closed", false);
    MetricDef.define(WS_SENT, "bytes", 1, "browser.ws.frames.sent", false);
    MetricDef.define(WS_RECEIVED, "bytes", 1, "browser.ws.frames.received", false);
    MetricDef.define(LIVEVIEW_CONNECT, "ms", MS, null, false);
    MetricDef.define(LIVEVIEW_MOUNT, "ms", MS, "liveview.mounts", false);
    MetricDef.define(LIVEVIEW_LOADING, "ms", MS, null, false);
    MetricDef.define(LIVEVIEW_PAGE_LOADING, "ms", MS, null, false);
    MetricDef.define(LIVEVIEW_NAVIGATION, "ms", MS, "liveview.navigations", false);
    MetricDef.define(LIVEVIEW_DISCONNECT, "ms", MS, "liveview.disconnects", false);
    MetricDef.define(LIVEVIEW_RECONNECT, "ms", MS, "liveview.reconnects", false);
    MetricDef.define(LIVEVIEW_ERROR, "events", 1, "liveview.errors", false);
  }
}
