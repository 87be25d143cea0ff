package dev.liveload;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Locale;

/**
 * The run's state at one moment, as shown in progress lines. Rates, p95 and error % cover the window since the
 * previous snapshot; {@code requests}, {@code iterations} and {@code dropped} are totals so far. A run with browser
 * users leads with what they did ({@link Browser}); HTTP figures follow when the run made HTTP requests.
 *
 * <pre>{@code
 * RunOptions.builder().progress(Progress.to(s -> {
 *   if (s.browser() != null) {
 *     dashboard.set("actions/s", s.browser().actionsPerSecond());
 *   }
 *   dashboard.set("p95 " + s.p95Metric(), s.p95Millis());
 * }))
 * }</pre>
 *
 * @param elapsed       time since the run started
 * @param window        the window the rates cover
 * @param phase         what the load models are doing, e.g. {@code Checkout: ramp 0→50 users}
 * @param users         active users now
 * @param requestsPerSecond HTTP requests per second in the window
 * @param p95Millis     p95 of {@code p95Metric} in the window, ms; NaN when it had no samples
 * @param p95Metric     what {@code p95Millis} is of: {@code http.duration}, else {@code browser.action.duration},
 *                      else {@code iteration.duration}; null when none had samples
 * @param errorPercent  failed requests in the window, percent (of iterations when there are no requests)
 * @param requests      HTTP requests so far
 * @param iterations    iterations so far
 * @param dropped       open-model arrivals dropped so far
 * @param browser       what browser users did in the window, or null when no browser action ran in it
 * @param workers       in a distributed run (at the controller), how many workers are alive of how many started;
 *                      null in a run in one JVM. There, {@code users} counts only live workers' users and the
 *                      other figures are the whole cluster's, merged at the same second of every worker
 * @since 0.1
 */
public record ProgressSnapshot(Duration elapsed, Duration window, String phase, int users, double requestsPerSecond,
    double p95Millis, String p95Metric, double errorPercent, long requests, long iterations, long dropped,
    Browser browser, Workers workers) {

  /**
   * The workers of a distributed run at the moment of a snapshot.
   *
   * @param alive workers still running the run (not failed)
   * @param total workers the run started with
   * @since 0.1
   */
  public record Workers(int alive, int total) {}

  /**
   * A snapshot of a run in one JVM (no workers).
   *
   * @param elapsed           time since the run started
   * @param window            the window the rates cover
   * @param phase             the load models' phase
   * @param users             active users
   * @param requestsPerSecond requests per second
   * @param p95Millis         p95, ms
   * @param p95Metric         what {@code p95Millis} is of
   * @param errorPercent      failed requests, percent
   * @param requests          requests so far
   * @param iterations        iterations so far
   * @param dropped           arrivals dropped so far
   * @param browser           browser figures, or null
   */
  public ProgressSnapshot(Duration elapsed, Duration window, String phase, int users, double requestsPerSecond,
      double p95Millis, String p95Metric, double errorPercent, long requests, long iterations, long dropped,
      Browser browser) {
    this(elapsed, window, phase, users, requestsPerSecond, p95Millis, p95Metric, errorPercent, requests, iterations,
        dropped, browser, null);
  }

  /**
   * What browser users did in a progress window.
   *
   * @param pageViewsPerSecond documents that loaded, per second
   * @param actionsPerSecond   browser actions, per second
   * @param actionP95Millis    p95 of {@code browser.action.duration} (every action, timed in the page), ms, or NaN
   * @param loadingP95Millis   p95 of {@code liveview.loading} (one span per LiveView event), ms, or NaN
   * @param actions            browser actions so far
   * @since 0.1
   */
  public record Browser(double pageViewsPerSecond, double actionsPerSecond, double actionP95Millis,
      double loadingP95Millis, long actions) {}

  /**
   * A snapshot without browser figures, whose p95 is of {@code http.duration}.
   *
   * @param elapsed           time since the run started
   * @param window            the window the rates cover
   * @param phase             the load models' phase
   * @param users             active users
   * @param requestsPerSecond requests per second
   * @param p95Millis         p95, ms
   * @param errorPercent      failed requests, percent
   * @param requests          requests so far
   * @param iterations        iterations so far
   * @param dropped           arrivals dropped so far
   */
  public ProgressSnapshot(Duration elapsed, Duration window, String phase, int users, double requestsPerSecond,
      double p95Millis, double errorPercent, long requests, long iterations, long dropped) {
    this(elapsed, window, phase, users, requestsPerSecond, p95Millis, "http.duration", errorPercent, requests,
        iterations, dropped, null, null);
  }

  /**
   * @return one compact line, e.g. {@code [00:42] hold 50 users | users 50 | 812.4 req/s | p95 http 23.1 ms | ...},
   *     or for browser users {@code [00:42] hold 20 users | users 20 | 3.1 page views/s | 18.2 actions/s | p95
   *     action 68.1 ms | p95 loading 55.0 ms | errors 0.00% of iterations | actions 812 | iterations 300}; a
   *     distributed run's ends with {@code | workers 2/2}
   */
  public String line() {
    long s = elapsed.toSeconds();
    var parts = new ArrayList<String>();
    parts.add(String.format(Locale.ROOT, "[%02d:%02d] %s", s / 60, s % 60, phase));
    parts.add("users " + users);
    boolean http = browser == null || requests > 0;
    if (browser != null) {
      parts.add(String.format(Locale.ROOT, "%.1f page views/s", browser.pageViewsPerSecond()));
      parts.add(String.format(Locale.ROOT, "%.1f actions/s", browser.actionsPerSecond()));
      parts.add("p95 action " + ms(browser.actionP95Millis()));
      if (!Double.isNaN(browser.loadingP95Millis())) {
        parts.add("p95 loading " + ms(browser.loadingP95Millis()));
      }
    }
    if (http) {
      parts.add(String.format(Locale.ROOT, "%.1f req/s", requestsPerSecond));
      if (browser == null || "http.duration".equals(p95Metric)) {
        parts.add("p95 " + label(p95Metric) + ms(p95Millis));
      }
    }
    parts.add(String.format(Locale.ROOT, "errors %.2f%%%s", errorPercent, requests > 0 ? ""
        : iterations > 0 || browser != null ? " of iterations" : ""));
    if (http) {
      parts.add("requests " + requests);
    }
    if (browser != null) {
      parts.add("actions " + browser.actions());
    }
    parts.add("iterations " + iterations);
    if (dropped > 0) {
      parts.add("dropped " + dropped);
    }
    if (workers != null) {
      parts.add("workers " + workers.alive() + "/" + workers.total());
    }
    return String.join(" | ", parts);
  }

  private static String label(String metric) {
    if (metric == null) {
      return "";
    }
    int dot = metric.indexOf('.');
    String name = dot < 0 ? metric : metric.substring(0, dot);
    return switch (metric) {
      case "browser.action.duration" -> "action ";
      default -> name + " ";
    };
  }

  private static String ms(double v) {
    return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.1f ms", v);
  }
}
