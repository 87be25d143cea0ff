package dev.liveload.report.internal;

import dev.liveload.result.Histogram;
import dev.liveload.result.Point;
import dev.liveload.result.TimeSeries;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A time series as the charts draw it. A run starts and ends at any moment, so its first and last points usually
 * cover less than an interval; a rate over a few milliseconds (5 requests in 29 ms: 172/s) would be drawn as a spike
 * beside per-second rates. So an edge point shorter than half an interval is drawn merged with its neighbour: its
 * counts added, its rates over the two points' real length, its distributions merged without loss. The result's own
 * time series is not changed; the note says what was merged.
 *
 * @param points the points to draw
 * @param note   what was merged, for people ("" when nothing was)
 */
public record ChartPoints(List<Point> points, String note) {

  /**
   * @param series a scenario's time series
   * @return its points as the charts draw them
   */
  public static ChartPoints of(TimeSeries series) {
    var points = new ArrayList<>(series.points());
    long half = series.intervalMillis() / 2;
    var notes = new ArrayList<String>();
    if (points.size() >= 2 && points.get(0).millis() < half) {
      notes.add("the first interval (" + Fmt.duration(points.get(0).millis()) + ") is drawn with the next");
      points.set(0, merge(points.get(0), points.remove(1)));
    }
    int n = points.size();
    if (n >= 2 && points.get(n - 1).millis() < half) {
      notes.add((notes.isEmpty() ? "the last interval (" : "the last (") + Fmt.duration(points.get(n - 1).millis())
          + (notes.isEmpty() ? ") is drawn with the one before" : ") with the one before"));
      points.set(n - 2, merge(points.get(n - 2), points.remove(n - 1)));
    }
    return new ChartPoints(List.copyOf(points), String.join(", ", notes));
  }

  /** Two adjacent points as one: from the first's start to the second's end, with the second's users. */
  static Point merge(Point a, Point b) {
    var counters = new TreeMap<String, Long>(a.counters());
    b.counters().forEach((k, v) -> counters.merge(k, v, Long::sum));
    var metrics = new TreeMap<String, Histogram>(a.metrics());
    for (Map.Entry<String, Histogram> e : b.metrics().entrySet()) {
      metrics.merge(e.getKey(), e.getValue(), Histogram::merge);
    }
    return new Point(a.time(), b.time() + b.millis() - a.time(), b.users(), counters, metrics);
  }
}
