package dev.liveload.browser;

import java.util.List;

/**
 * The names of the metrics browser users record. A {@link BrowserConnection} reports them as {@link PageSample}s
 * and declares in {@link BrowserConnection#measurements()} which it measures, estimates or cannot produce.
 * Durations are in ms (recorded in µs), sizes in bytes. The {@code method} tag of a sample holds its kind:
 * the action for actions, the resource type ({@code document}, {@code script}, {@code img}, {@code fetch}, ...) for
 * requests (pages do not expose the HTTP method of their requests), the loading kind for LiveView loading spans.
 *
 * <p>A sample's {@code step} tag is the step the user was in when the page measured it: a request or a span when it
 * began, a frame or an event when it happened, a page view's metrics (TTFB, FCP, LCP, CLS, INP, navigation timing)
 * when its navigation began. A page view is one document, tagged with the URL it was loaded from; a LiveView live
 * navigation (patch or redirect over the same socket) stays in its page view, as Chrome's Core Web Vitals count it,
 * and is measured as {@link #LIVEVIEW_NAVIGATION}.
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

  /**
   * Web Vitals: time to first byte of the document, one sample per page view that loaded; counts
   * {@value #PAGE_VIEWS}.
   */
  public static final String TTFB = "webvital.ttfb";
  /** The counter of page views: documents that loaded (one {@link #TTFB} sample each). */
  public static final String PAGE_VIEWS = "browser.page_views";
  /** Web Vitals: first contentful paint. */
  public static final String FCP = "webvital.fcp";
  /**
   * Web Vitals: largest contentful paint, one sample per page view: the last candidate before the first
   * interaction, or before the page was left.
   */
  public static final String LCP = "webvital.lcp";
  /**
   * Web Vitals: cumulative layout shift (the largest session window), a score; one sample per page view, final when
   * the page is left (a navigation, a reload, a click that navigates, the user's context closing).
   */
  public static final String CLS = "webvital.cls";
  /**
   * Web Vitals: interaction to next paint, one sample per page view that had an interaction: its worst interaction
   * (ignoring the worst one per 50), final when the page is left.
   */
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
  /**
   * LiveView: one sample per event that carried a {@code phx-*-loading} class (LiveView puts it on every element the
   * event concerns, such as a form and its submit button): from the class being added to the first element, as
   * LiveView sent the event, to its removal from the last; kind {@code click}, ...
   */
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

  /**
   * The generator's own time, not the page's: per batch of actions, how long the user waited beyond the batch's time
   * in the page (handing it to the browser thread and the result back). Measured by LiveLoad for every connection;
   * step and iteration durations leave it out (and the opening of a user's page, which is set-up), and browser
   * users that spend much of their time in it mark the generator saturated.
   */
  public static final String QUEUE = "browser.queue";

  /** Every name above. */
  public static final List<String> ALL = List.of(ACTION, QUEUE, REQUEST, REQUEST_TTFB, REQUEST_BYTES,
      DOM_CONTENT_LOADED, LOAD, TTFB, FCP, LCP, CLS, INP, WS_CONNECT, WS_SESSION, WS_SENT, WS_RECEIVED,
      LIVEVIEW_CONNECT, LIVEVIEW_MOUNT, LIVEVIEW_LOADING, LIVEVIEW_PAGE_LOADING, LIVEVIEW_NAVIGATION,
      LIVEVIEW_DISCONNECT, LIVEVIEW_RECONNECT, LIVEVIEW_ERROR);
}
