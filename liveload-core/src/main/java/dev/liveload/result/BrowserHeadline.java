package dev.liveload.result;

/**
 * The figures a scenario of browser users leads with, in reports, summaries and progress lines, derived from its
 * {@link ScenarioResult}: page views and actions per second, the p95 of the actions and of LiveView loading spans,
 * and the Web Vitals at p75 (the percentile their thresholds are defined on). Immutable.
 *
 * <pre>{@code
 * BrowserHeadline b = BrowserHeadline.of(result.scenario("Shop"));
 * if (b != null) {
 *   System.out.printf("%.1f page views/s, p95 action %.1f ms, LCP p75 %.0f ms%n",
 *       b.pageViewsPerSecond(), b.action().p95(), b.lcp() == null ? Double.NaN : b.lcp().p75());
 * }
 * }</pre>
 *
 * @param pageViews     documents that loaded ({@code browser.page_views})
 * @param actions       browser actions run, failed ones included ({@code browser.actions})
 * @param failedActions browser actions that failed ({@code browser.actions.failed})
 * @param requests      requests the pages made ({@code browser.requests})
 * @param seconds       the window the rates are over: how long the scenario's users were running, s
 * @param action        passed {@code browser.action.duration} samples (every action, timed in the page), never null
 * @param loading       {@code liveview.loading}, one span per LiveView event, or null when there was none
 * @param lcp           {@code webvital.lcp}, one per page view, or null
 * @param cls           {@code webvital.cls}, one per page view, or null
 * @param inp           {@code webvital.inp}, one per page view with an interaction, or null
 * @since 0.1
 */
public record BrowserHeadline(long pageViews, long actions, long failedActions, long requests, double seconds,
    Histogram action, Histogram loading, Histogram lcp, Histogram cls, Histogram inp) {

  /**
   * The headline of a scenario that drove browsers.
   *
   * @param s a scenario (or the run's total)
   * @return its browser figures, or null when it ran no browser action
   */
  public static BrowserHeadline of(ScenarioResult s) {
    Histogram action = s.metric("browser.action.duration");
    if (action == null && s.count("browser.actions") == 0) {
      return null;
    }
    if (action == null) {
      action = Histogram.empty("ms", 1000);
    }
    // results written before browser.page_views was counted: one webvital.ttfb per page view that loaded
    Histogram ttfb = s.metric("webvital.ttfb");
    long pageViews = s.counters().containsKey("browser.page_views") || ttfb == null ? s.count("browser.page_views")
        : ttfb.count();
    return new BrowserHeadline(pageViews, s.count("browser.actions"),
        s.count("browser.actions.failed"), s.count("browser.requests"), s.durationMillis() / 1000.0, action,
        s.metric("liveview.loading"), s.metric("webvital.lcp"), s.metric("webvital.cls"), s.metric("webvital.inp"));
  }

  /** @return page views per second over {@link #seconds()}, 0 when it did not run */
  public double pageViewsPerSecond() {
    return seconds <= 0 ? 0 : pageViews / seconds;
  }

  /** @return actions per second over {@link #seconds()}, 0 when it did not run */
  public double actionsPerSecond() {
    return seconds <= 0 ? 0 : actions / seconds;
  }
}
