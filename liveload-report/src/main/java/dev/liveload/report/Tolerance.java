package dev.liveload.report;

import dev.liveload.InvalidOptionException;

/**
 * How much worse a figure may get before a {@link Comparison} calls it a regression. Immutable.
 *
 * <p>A change counts only when it is larger than the relative tolerance <em>and</em> larger than the absolute
 * floor for its kind of figure, so that noise on tiny values (a p95 of 0.8 ms becoming 0.9 ms, an error ratio of
 * 0.01% becoming 0.02%) is not flagged:
 * <ul>
 *   <li>latency percentiles (metrics in ms): worse by more than {@code relative} × baseline and by more than
 *       {@code latencyMillis};</li>
 *   <li>throughput (requests per second): lower by more than {@code relative} × baseline;</li>
 *   <li>error ratio: higher by more than {@code relative} × baseline and by more than {@code errorRatio}
 *       (an absolute share: 0.001 = 0.1 percentage points).</li>
 * </ul>
 * Improvements are judged the same way in the other direction.
 *
 * <pre>{@code
 * Comparison.of(baseline, current, Tolerance.percent(10));                     // 10%, default floors
 * Comparison.of(baseline, current, Tolerance.percent(5).latencyMillis(0));      // no latency floor
 * }</pre>
 *
 * @param relative      allowed relative change, a fraction (0.05 = 5%); between 0 and 10
 * @param latencyMillis smallest latency change that counts, in ms; between 0 and 60,000
 * @param errorRatio    smallest error-ratio change that counts, a fraction of requests; between 0 and 1
 * @since 0.1
 */
public record Tolerance(double relative, double latencyMillis, double errorRatio) {

  /** 5%, latency changes under 1 ms and error-ratio changes under 0.1 percentage points ignored. */
  public static final Tolerance DEFAULT = new Tolerance(0.05, 1, 0.001);

  /** Validates the values; see the class description for the ranges. */
  public Tolerance {
    check("tolerance.relative", relative, 10, "a fraction between 0 and 10 (0.05 = 5%)");
    check("tolerance.latencyMillis", latencyMillis, 60_000, "milliseconds between 0 and 60000");
    check("tolerance.errorRatio", errorRatio, 1, "a fraction between 0 and 1 (0.001 = 0.1 percentage points)");
  }

  /**
   * A relative tolerance in percent, with the default floors.
   *
   * @param percent e.g. 5 for 5%; between 0 and 1000
   * @return the tolerance
   */
  public static Tolerance percent(double percent) {
    if (!Double.isFinite(percent) || percent < 0 || percent > 1000) {
      throw new InvalidOptionException("tolerance", percent + "%", "a percentage between 0 and 1000");
    }
    return new Tolerance(percent / 100, DEFAULT.latencyMillis, DEFAULT.errorRatio);
  }

  /**
   * This tolerance with another latency floor.
   *
   * @param millis smallest latency change that counts, in ms (0: every change beyond the relative tolerance)
   * @return a new tolerance
   */
  public Tolerance latencyMillis(double millis) {
    return new Tolerance(relative, millis, errorRatio);
  }

  /**
   * This tolerance with another error-ratio floor.
   *
   * @param ratio smallest error-ratio change that counts, a fraction (0.001 = 0.1 percentage points)
   * @return a new tolerance
   */
  public Tolerance errorRatio(double ratio) {
    return new Tolerance(relative, latencyMillis, ratio);
  }

  private static void check(String option, double value, double max, String allowed) {
    if (!Double.isFinite(value) || value < 0 || value > max) {
      throw new InvalidOptionException(option, value, "must be " + allowed);
    }
  }
}
