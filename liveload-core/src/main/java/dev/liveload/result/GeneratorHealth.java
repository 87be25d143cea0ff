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
 * @param cold            true when the generator's JVM was still compiling its own code (JIT) while the
 *                        measured part of the run began, so the first measured seconds include that delay (a
 *                        warning says how much); null in files from older versions, read as false. Avoid it with
 *                        {@code RunOptions.Builder.warmUp}
 * @param workers         null for one generator. For several merged (a distributed run, whose nodes each keep
 *                        their own figures in {@code RunResult.nodes()}), how many: then every figure is the
 *                        <em>busiest</em> generator's — the highest mean CPU, the highest per-interval CPU, the
 *                        largest heap and heap in use, the most GC time, the scheduling lag of the one with the
 *                        highest p99, and per timeline interval the highest of each — while {@code cores} counts
 *                        each host's cores once (two workers on one 2-core host: 2), {@code saturated} is true when
 *                        any was, and {@code warnings} gathers theirs. Absent in older files (read as null)
 * @since 0.1
 */
public record GeneratorHealth(
    boolean saturated, List<String> warnings, int cores, double cpuMeanPercent, double cpuMaxPercent,
    long heapMaxBytes, long heapUsedMaxBytes, long gcMillis, Histogram schedulerLag, List<HealthPoint> timeline,
    Boolean cold, Integer workers) {

  /** Creates a health record; lists are copied; a missing {@code cold} is false. */
  public GeneratorHealth {
    warnings = List.copyOf(warnings);
    timeline = List.copyOf(timeline);
    cold = Boolean.TRUE.equals(cold);
  }

  /**
   * One generator's health record.
   *
   * @param saturated        whether the generator limited the load or the timings
   * @param warnings         human-readable reasons
   * @param cores            cores available
   * @param cpuMeanPercent   mean process CPU, percent of one core
   * @param cpuMaxPercent    highest per-interval process CPU
   * @param heapMaxBytes     maximum heap
   * @param heapUsedMaxBytes highest heap in use
   * @param gcMillis         total garbage-collection time
   * @param schedulerLag     the probe's wake-up lag, in ms
   * @param timeline         one point per interval
   * @param cold             whether the generator was still compiling its own code as the measured part began
   */
  public GeneratorHealth(boolean saturated, List<String> warnings, int cores, double cpuMeanPercent,
      double cpuMaxPercent, long heapMaxBytes, long heapUsedMaxBytes, long gcMillis, Histogram schedulerLag,
      List<HealthPoint> timeline, Boolean cold) {
    this(saturated, warnings, cores, cpuMeanPercent, cpuMaxPercent, heapMaxBytes, heapUsedMaxBytes, gcMillis,
        schedulerLag, timeline, cold, null);
  }

  /** @return true when the figures are the busiest of several generators' ({@link #workers()} is set) */
  public boolean merged() {
    return workers != null;
  }

  /**
   * A health record that does not say whether the generator was cold.
   *
   * @param saturated        whether the generator limited the load or the timings
   * @param warnings         human-readable reasons
   * @param cores            cores available
   * @param cpuMeanPercent   mean process CPU, percent of one core
   * @param cpuMaxPercent    highest per-interval process CPU
   * @param heapMaxBytes     maximum heap
   * @param heapUsedMaxBytes highest heap in use
   * @param gcMillis         total garbage-collection time
   * @param schedulerLag     the probe's wake-up lag, in ms
   * @param timeline         one point per interval
   */
  public GeneratorHealth(boolean saturated, List<String> warnings, int cores, double cpuMeanPercent,
      double cpuMaxPercent, long heapMaxBytes, long heapUsedMaxBytes, long gcMillis, Histogram schedulerLag,
      List<HealthPoint> timeline) {
    this(saturated, warnings, cores, cpuMeanPercent, cpuMaxPercent, heapMaxBytes, heapUsedMaxBytes, gcMillis,
        schedulerLag, timeline, false, null);
  }
}
