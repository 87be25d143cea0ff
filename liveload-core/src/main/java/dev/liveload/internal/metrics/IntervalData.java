package dev.liveload.internal.metrics;

import java.util.List;
import java.util.Map;

/**
 * One second of a generator's measurements as the {@link Sampler} took them: each series' interval histogram,
 * counter changes and users, per scenario. A distributed run streams these from workers to the controller, which
 * replays them into a sampler of its own ({@link Sampler#ingest}).
 *
 * @param time     when the sample was taken, epoch milliseconds
 * @param last     whether it is the generator's final sample
 * @param series   interval histograms of the series that had samples
 * @param counters counter changes, one map per scenario (by scenario index)
 * @param users    active users per scenario at the time of the sample
 * @param errors   each scenario's error groups so far (bounded), or null when not included
 */
public record IntervalData(long time, boolean last, List<SeriesInterval> series, List<Map<String, Long>> counters,
    int[] users, List<List<dev.liveload.result.ErrorGroup>> errors) {

  /** A copy carrying error groups. */
  public IntervalData withErrors(List<List<dev.liveload.result.ErrorGroup>> groups) {
    return new IntervalData(time, last, series, counters, users, groups);
  }

  /**
   * One series' samples in the interval.
   *
   * @param key the series
   * @param hdr the interval histogram, encoded ({@link Hdr#encode})
   */
  public record SeriesInterval(MetricKey key, String hdr) {}

  /** Receives each interval as it is sampled (on the ticker thread). */
  @FunctionalInterface
  public interface Listener {
    void onInterval(IntervalData data);
  }
}
