package dev.liveload.browser;

/**
 * One measurement the page made on its own (a network request, a Web Vital, a WebSocket frame, a LiveView loading
 * span), handed back by a {@link BrowserPage} and recorded by LiveLoad under the user's scenario.
 *
 * <pre>{@code
 * new PageSample("webvital.lcp", null, "http://127.0.0.1:8080/shop", 0, null, 812.4, "open shop");
 * new PageSample("browser.request.duration", "img", "http://127.0.0.1:8080/hero.jpg", 200, null, 95.0, null);
 * }</pre>
 *
 * @param metric metric name, one of {@link BrowserMetrics}
 * @param kind   what kind of sample it is (resource type, loading kind, action...); recorded as the {@code method}
 *               tag; null for none
 * @param url    the page's or the request's raw URL (LiveLoad templates it), or null
 * @param status HTTP status where one applies, else 0
 * @param error  error kind for a failed sample, else null
 * @param value  the value in the metric's unit (ms for durations, bytes for sizes, the score for CLS)
 * @param step   the step the page was in when it measured it (the {@code step} given to
 *               {@link BrowserPage#run}), or null
 * @since 0.1
 */
public record PageSample(String metric, String kind, String url, int status, String error, double value,
    String step) {
  /** Checks the name. */
  public PageSample {
    if (metric == null || metric.isBlank()) {
      throw new IllegalArgumentException("metric must not be blank");
    }
  }
}
