package dev.liveload.result;

import java.util.List;

/**
 * Figures per fixed interval, aligned on wall-clock boundaries (a point starting at 12:00:03.000 covers up to
 * 12:00:04.000 with a 1 s interval), so series from several generators line up and merge.
 *
 * <p>The interval is 1 s for runs up to an hour; longer runs use a longer interval so that a series never has
 * more than about 3,600 points. The first and last points may cover less than an interval: each point says how
 * long it covered ({@link Point#millis()}), so a rate is {@code count / (millis / 1000)}. Over an edge point of a
 * few milliseconds that rate is true but noisy (5 requests in 29 ms are 172/s): LiveLoad's HTML report draws an edge
 * point shorter than half an interval together with its neighbour.
 *
 * <pre>{@code
 * for (Point p : result.total().timeSeries().points()) {
 *   System.out.printf("%tT  %.0f req/s  p95 %.1f ms%n",
 *       p.time(), p.rate("requests"), p.metric("http.duration").p95());
 * }
 * }</pre>
 *
 * @param intervalMillis length of a full interval in milliseconds, at least 1000
 * @param points         points in time order, never null, possibly empty
 * @since 0.1
 */
public record TimeSeries(long intervalMillis, List<Point> points) {
  /** Creates a series; the list is copied. */
  public TimeSeries {
    points = List.copyOf(points);
  }

  /** An empty series with a 1 s interval. */
  public static TimeSeries empty() {
    return new TimeSeries(1000, List.of());
  }
}
