package dev.liveload;

import java.time.Duration;
import java.util.Locale;

/**
 * The run's state at one moment, as shown in progress lines. Rates, p95 and error % cover the window since the
 * previous snapshot; {@code requests}, {@code iterations} and {@code dropped} are totals so far.
 *
 * @param elapsed       time since the run started
 * @param window        the window the rates cover
 * @param phase         what the load models are doing, e.g. {@code Checkout: ramp 0→50 users}
 * @param users         active users now
 * @param requestsPerSecond requests per second in the window
 * @param p95Millis     p95 of passed requests in the window, ms (of iterations when there are no requests);
 *                      NaN when there were none
 * @param errorPercent  failed requests in the window, percent (of iterations when there are no requests)
 * @param requests      requests so far
 * @param iterations    iterations so far
 * @param dropped       open-model arrivals dropped so far
 * @since 0.1
 */
public record ProgressSnapshot(Duration elapsed, Duration window, String phase, int users, double requestsPerSecond,
    double p95Millis, double errorPercent, long requests, long iterations, long dropped) {

  /** @return one compact line, e.g. {@code [00:42] hold 50 users | users 50 | 812.4 req/s | p95 23.1 ms | ...} */
  public String line() {
    long s = elapsed.toSeconds();
    return String.format(Locale.ROOT, "[%02d:%02d] %s | users %d | %.1f req/s | p95 %s | errors %.2f%% | "
        + "requests %d | iterations %d%s", s / 60, s % 60, phase, users, requestsPerSecond,
        Double.isNaN(p95Millis) ? "n/a" : String.format(Locale.ROOT, "%.1f ms", p95Millis), errorPercent,
        requests, iterations, dropped > 0 ? " | dropped " + dropped : "");
  }
}
