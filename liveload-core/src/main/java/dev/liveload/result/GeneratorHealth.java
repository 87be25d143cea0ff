package dev.liveload.result;

import java.util.List;

/**
 * How the load generator itself fared: when it was the bottleneck, latency figures include its own delay and
 * {@link #saturated()} says so.
 *
 * <p>A probe virtual thread asks to wake every 50 ms and records how late it woke ({@link #schedulerLag()}):
 * when carrier threads are saturated, user threads wait as long, and so do their timestamps.
 *
 * @param saturated       true when CPU or scheduling lag show the generator limited the load or the timings
 * @param warnings        human-readable reasons, never null
 * @param cores           cores available to the generator
 * @param cpuMeanPercent  mean process CPU, percent of one core
 * @param cpuMaxPercent   highest per-interval process CPU, percent of one core
 * @param heapMaxBytes    maximum heap
 * @param heapUsedMaxBytes highest heap in use seen at an interval end
 * @param gcMillis        total garbage-collection time
 * @param schedulerLag    distribution of the probe's wake-up lag, in ms
 * @param timeline        one point per time-series interval, never null
 * @since 0.1
 */
public record GeneratorHealth(
    boolean saturated, List<String> warnings, int cores, double cpuMeanPercent, double cpuMaxPercent,
    long heapMaxBytes, long heapUsedMaxBytes, long gcMillis, Histogram schedulerLag, List<HealthPoint> timeline) {

  /** Creates a health record; lists are copied. */
  public GeneratorHealth {
    warnings = List.copyOf(warnings);
    timeline = List.copyOf(timeline);
  }
}
