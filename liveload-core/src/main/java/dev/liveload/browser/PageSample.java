package dev.liveload.browser;

/**
 * One measurement the page made on its own (a network request, a Web Vital, a WebSocket frame, a LiveView loading
 * span), handed back by a {@link BrowserPage} and recorded by LiveLoad under the user's scenario.
 *
 * <p>LiveLoad records a sample under the iteration's scenario and the step that were active at its
 * {@link #nanoTime()}: a frame that arrived while the user was thinking inside a step counts in that step, even
 * though the page hands it back with a later batch. Only a sample without a time ({@link #NO_TIME}) falls back to
 * its {@link #step()}.
 *
 * <pre>{@code
 * long at = System.nanoTime();   // when it happened, mapped from the page's clock
 * new PageSample("webvital.lcp", null, "http://127.0.0.1:8080/shop", 0, null, 812.4, "open shop", at);
 * new PageSample("browser.request.duration", "img", "http://127.0.0.1:8080/hero.jpg", 200, null, 95.0, null, at);
 * }</pre>
 *
 * @param metric   metric name, one of {@link BrowserMetrics}
 * @param kind     what kind of sample it is (resource type, loading kind, action...); recorded as the {@code method}
 *                 tag; null for none
 * @param url      the page's or the request's raw URL (LiveLoad templates it), or null
 * @param status   HTTP status where one applies, else 0
 * @param error    error kind for a failed sample, else null
 * @param value    the value in the metric's unit (ms for durations, bytes for sizes, the score for CLS)
 * @param step     the step the page was in when it measured it (the {@code step} given to {@link BrowserPage#run}),
 *                 or null; used only when {@code nanoTime} is {@link #NO_TIME}
 * @param nanoTime when it happened (for a span: when it began; for a page view's metrics: when its navigation
 *                 began), on this JVM's {@link System#nanoTime()} clock, as the connection maps its page's clock
 *                 onto it; {@link #NO_TIME} when unknown
 * @since 0.1
 */
public record PageSample(String metric, String kind, String url, int status, String error, double value,
    String step, long nanoTime) {

  /** {@link #nanoTime()} of a sample whose time is not known. */
  public static final long NO_TIME = Long.MIN_VALUE;

  /** Checks the name. */
  public PageSample {
    if (metric == null || metric.isBlank()) {
      throw new IllegalArgumentException("metric must not be blank");
    }
  }

  /**
   * A sample without a time: recorded under {@code step} and the user's current scenario.
   *
   * @param metric metric name
   * @param kind   kind, or null
   * @param url    raw URL, or null
   * @param status status, or 0
   * @param error  error kind, or null
   * @param value  the value
   * @param step   the step, or null
   */
  public PageSample(String metric, String kind, String url, int status, String error, double value, String step) {
    this(metric, kind, url, status, error, value, step, NO_TIME);
  }

  /** @return whether the sample has a time */
  public boolean timed() {
    return nanoTime != NO_TIME;
  }
}
