package dev.liveload.browser;

import java.util.List;

/**
 * The names of the metrics browser users record. A {@link BrowserConnection} reports them as {@link PageSample}s
 * and declares in {@link BrowserConnection#measurements()} which it measures, estimates or cannot produce.
 * Durations are in ms (recorded in µs), sizes in bytes. The {@code method} tag of a sample holds its kind:
 * the action for actions, the resource type ({@code document}, {@code script}, {@code img}, {@code fetch}, ...) for
 * requests (pages do not expose the HTTP method of their requests), the loading kind for LiveView loading spans.
 *
 * <pre>{@code
 * Histogram lcp = result.scenario("Shop").metric(BrowserMetrics.LCP);
 * if (lcp == null && result.measurement(BrowserMetrics.LCP) == Measurement.UNSUPPORTED) {
 *   System.out.println("LCP: not measured");
 * }
 * }</pre>
 *
 * @since 0.1
 */
public final class BrowserMetrics {
  private BrowserMetrics() {}

  /** Each DSL action, timed in the page; counts into {@code browser.actions} / {@code browser.actions.failed}. */
  public static final String ACTION = "browser.action.duration";

  /** Each network request the page made (resource timing: start to last byte); counts {@code browser.requests}. */
  public static final String REQUEST = "browser.request.duration";
  /** Each request's time to first byte. */
  public static final String REQUEST_TTFB = "browser.request.ttfb";
  /** Each request's transferred bytes (headers and body as received; 0 from cache). */
  public static final String REQUEST_BYTES = "browser.request.bytes";

  /** Navigation timing: start of the navigation to {@code DOMContentLoaded}. */
  public static final String DOM_CONTENT_LOADED = "browser.navigation.dom_content_loaded";
  /** Navigation timing: start of the navigation to the end of the {@code load} event. */
  public static final String LOAD = "browser.navigation.load";

  /** Web Vitals: time to first byte of the document. */
  public static final String TTFB = "webvital.ttfb";
  /** Web Vitals: first contentful paint. */
  public static final String FCP = "webvital.fcp";
  /** Web Vitals: largest contentful paint (the last candidate before the first interaction or leaving). */
  public static final String LCP = "webvital.lcp";
  /** Web Vitals: cumulative layout shift (largest session window), a score. */
  public static final String CLS = "webvital.cls";
  /** Web Vitals: interaction to next paint, one sample per interaction (INP is their high percentile). */
  public static final String INP = "webvital.inp";

  /** WebSocket connections the page opened: time to open; counts {@code browser.ws.connections}. */
  public static final String WS_CONNECT = "browser.ws.connect";
  /** WebSocket connections that closed: how long they were open; counts {@code browser.ws.closed}. */
  public static final String WS_SESSION = "browser.ws.session";
  /** Frames the page sent, by size; counts {@code browser.ws.frames.sent}. */
  public static final String WS_SENT = "browser.ws.sent.bytes";
  /** Frames the page received, by size; counts {@code browser.ws.frames.received}. */
  public static final String WS_RECEIVED = "browser.ws.received.bytes";

  /** LiveView: the socket's time to open. */
  public static final String LIVEVIEW_CONNECT = "liveview.connect";
  /** LiveView: a view's join, from {@code phx_join} sent to the view connected and rendered. */
  public static final String LIVEVIEW_MOUNT = "liveview.mount";
  /** LiveView: each {@code phx-*-loading} span, class added to class removed; kind {@code click}, ... */
  public static final String LIVEVIEW_LOADING = "liveview.loading";
  /** LiveView: each {@code phx:page-loading-start} to {@code -stop} span, by kind ({@code initial}, ...). */
  public static final String LIVEVIEW_PAGE_LOADING = "liveview.page_loading";
  /** LiveView: live navigations (patch and redirect page-loading spans); counts {@code liveview.navigations}. */
  public static final String LIVEVIEW_NAVIGATION = "liveview.navigation";
  /** LiveView: socket disconnects, by how long it had been connected; counts {@code liveview.disconnects}. */
  public static final String LIVEVIEW_DISCONNECT = "liveview.disconnect";
  /**
   * LiveView: time from losing the socket (or a view error) to the view connected again; counts
   * {@code liveview.reconnects}.
   */
  public static final String LIVEVIEW_RECONNECT = "liveview.reconnect";
  /** LiveView: a view entered an error state ({@code phx-error}; kind {@code client} or {@code server}). */
  public static final String LIVEVIEW_ERROR = "liveview.error";

  /** Every name above. */
  public static final List<String> ALL = List.of(ACTION, REQUEST, REQUEST_TTFB, REQUEST_BYTES, DOM_CONTENT_LOADED,
      LOAD, TTFB, FCP, LCP, CLS, INP, WS_CONNECT, WS_SESSION, WS_SENT, WS_RECEIVED, LIVEVIEW_CONNECT, LIVEVIEW_MOUNT,
      LIVEVIEW_LOADING, LIVEVIEW_PAGE_LOADING, LIVEVIEW_NAVIGATION, LIVEVIEW_DISCONNECT, LIVEVIEW_RECONNECT,
      LIVEVIEW_ERROR);
}
