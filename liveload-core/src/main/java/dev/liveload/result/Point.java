package dev.liveload.result;

import java.util.Map;

/**
 * One interval of a {@link TimeSeries}.
 *
 * <p>Counters are counts within the interval (not totals): {@code requests}, {@code requests.failed},
 * {@code iterations}, {@code iterations.failed}, {@code iterations.dropped}, and any a connection adds.
 * Metrics are the distributions of successful samples recorded in the interval, by metric name
 * ({@code http.duration}, {@code iteration.duration}, ...), each with its encoded HDR histogram.
 *
 * <pre>{@code
 * double rps = point.rate("requests");
 * double p99 = point.metric("http.duration").p99();
 * }</pre>
 *
 * @param time     start of the interval, epoch milliseconds
 * @param millis   how long the interval covered, in milliseconds (shorter than a full interval at the edges)
 * @param users    active users at the end of the interval
 * @param counters counts within the interval, by name; never null
 * @param metrics  distributions within the interval, by metric name; never null
 * @since 0.1
 */
public record Point(long time, long millis, int users, Map<String, Long> counters, Map<String, Histogram> metrics) {
  /** Creates a point; the maps are copied. */
  public Point {
    counters = Maps.sortedCopy(counters);
    metrics = Maps.sortedCopy(metrics);
  }

  /**
   * A counter's value in this interval.
   *
   * @param counter counter name, e.g. {@code "requests"}
   * @return the count, 0 when absent
   */
  public long count(String counter) {
    return counters.getOrDefault(counter, 0L);
  }

  /**
   * A counter per second over this interval.
   *
   * @param counter counter name, e.g. {@code "requests"}
   * @return count divided by the interval's length in seconds; 0 for an empty interval
   */
  public double rate(String counter) {
    return millis <= 0 ? 0 : count(counter) * 1000.0 / millis;
  }

  /**
   * A metric's distribution in this interval.
   *
   * @param metric metric name, e.g. {@code "http.duration"}
   * @return the histogram, or null when nothing was recorded under that name in this interval
   */
  public Histogram metric(String metric) {
    return metrics.get(metric);
  }
}
