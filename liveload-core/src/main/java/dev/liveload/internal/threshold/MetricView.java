package dev.liveload.internal.threshold;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.HdrHistogram.AbstractHistogram;

/** What thresholds are evaluated on: the run so far (live) or a finished {@code RunResult}. */
public interface MetricView {

  /**
   * One tag combination of one metric in one scenario.
   *
   * @param scenario scenario name
   * @param metric   metric name
   * @param tags     tags (step, method, url, status, error)
   * @param count    samples
   * @param scale    recorded units per reported unit
   * @param histogram the samples (may be decoded on first use)
   */
  record Row(String scenario, String metric, Map<String, String> tags, long count, int scale,
      java.util.function.Supplier<AbstractHistogram> histogram) {}

  /** @return every row */
  List<Row> rows();

  /** @return every scenario's name */
  Set<String> scenarios();

  /**
   * A counter that is not a histogram count ({@code iterations.dropped}, {@code iterations.queued}).
   *
   * @param scenario scenario name
   * @param name     counter name
   * @return its total so far
   */
  long counter(String scenario, String name);

  /**
   * Seconds of running time to divide counts by for rates.
   *
   * @param scenario a scenario name, or null for the whole run
   * @return seconds, > 0 once anything ran
   */
  double seconds(String scenario);
}
