package dev.liveload.internal.metrics;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a metric name means: its unit, its recording scale, and the counter its samples count toward
 * ({@code http.duration} samples count as {@code requests}, failed ones as {@code requests.failed}).
 *
 * @param name    metric name
 * @param unit    unit of reported figures
 * @param scale   recorded units per reported unit (1000: recorded in µs, reported in ms)
 * @param counter counter base name, or null when samples are not counted
 * @param interruptedApart whether samples with error {@code interrupted} count apart ({@code counter.interrupted})
 *     instead of as failures: an iteration cut off by the end of the run neither passed nor failed
 */
public record MetricDef(String name, String unit, int scale, String counter, boolean interruptedApart) {
  private static final Map<String, MetricDef> KNOWN = new ConcurrentHashMap<>();

  static {
    define("http.duration", "ms", Hdr.MICROS_PER_MILLI, "requests", false);
    define("http.connect", "ms", Hdr.MICROS_PER_MILLI, null, false);
    define("iteration.duration", "ms", Hdr.MICROS_PER_MILLI, "iterations", true);
    define("step.duration", "ms", Hdr.MICROS_PER_MILLI, null, false);
    define("ws.connect", "ms", Hdr.MICROS_PER_MILLI, "ws.connections", false);
    define("ws.roundtrip", "ms", Hdr.MICROS_PER_MILLI, "ws.roundtrips", false);
  }

  /** Declares a metric (connections add theirs, e.g. {@code ws.frame.bytes} in bytes). */
  public static MetricDef define(String name, String unit, int scale, String counter, boolean interruptedApart) {
    var def = new MetricDef(name, unit, scale, counter, interruptedApart);
    KNOWN.put(name, def);
    return def;
  }

  /** The definition of a name; unknown names are durations recorded in µs and not counted. */
  public static MetricDef of(String name) {
    MetricDef def = KNOWN.get(name);
    return def != null ? def : new MetricDef(name, "ms", Hdr.MICROS_PER_MILLI, null, false);
  }

  /**
   * Adds {@code count} samples with error kind {@code error} to counters, by this metric's counting rule.
   *
   * @param counters the counters to update
   * @param error    the samples' error kind, null when they passed
   * @param count    how many samples
   */
  public void count(java.util.Map<String, Long> counters, String error, long count) {
    if (counter == null || count == 0) {
      return;
    }
    if (error != null && interruptedApart && error.equals("interrupted")) {
      counters.merge(counter + ".interrupted", count, Long::sum);
      return;
    }
    counters.merge(counter, count, Long::sum);
    if (error != null) {
      counters.merge(counter + ".failed", count, Long::sum);
    }
  }

  /**
   * Whether a sample of this metric is a request-like action that carries an open-model iteration's start delay
   * (the first such sample of a late iteration is charged the delay): metrics counted as anything but iterations.
   *
   * @return true for counted, non-iteration metrics
   */
  public boolean chargesStartLag() {
    return counter != null && !counter.equals("iterations");
  }
}
