package dev.liveload.report;

import dev.liveload.report.internal.Fmt;

/**
 * One figure compared between a baseline run and the current run, with its verdict. Immutable.
 *
 * <pre>{@code
 * for (Delta d : Comparison.of(baseline, current).regressions()) {
 *   System.out.println(d.describe());   // all · step checkout · p95: 210 ms → 262 ms (+24.8%) regressed
 * }
 * }</pre>
 *
 * @param scenario  the scenario name, or {@code "all"} for the whole run; never null
 * @param subject   what kind of thing was compared
 * @param name      its name: a metric ({@code http.duration}), a step, a request ({@code GET /items/{id}}), or
 *                  {@code requests} / {@code iterations} for the run's own figures; never null
 * @param statistic which figure
 * @param unit      unit of both values ({@code ms}, {@code /s}, {@code ratio}); never null
 * @param baseline  the baseline's value; NaN when the baseline did not have it
 * @param current   the current value; NaN when the current run does not have it
 * @param verdict   the judgement against the comparison's {@link Tolerance}
 * @since 0.1
 */
public record Delta(String scenario, Subject subject, String name, Statistic statistic, String unit,
    double baseline, double current, Verdict verdict) {

  /** What a delta is about. */
  public enum Subject {
    /** The run or scenario as a whole: throughput and error ratio. */
    RUN,
    /** A metric over all its passed samples, such as {@code http.duration}. */
    METRIC,
    /** A named step ({@code step.duration} by step). */
    STEP,
    /** A request: method and URL template ({@code http.duration} by request). */
    REQUEST
  }

  /** Which figure is compared, and which direction is worse. */
  public enum Statistic {
    /** Median latency; higher is worse. */
    P50("p50", true),
    /** 95th percentile latency; higher is worse. */
    P95("p95", true),
    /** 99th percentile latency; higher is worse. */
    P99("p99", true),
    /** Requests (or iterations) per second over the running time; lower is worse. */
    THROUGHPUT("throughput", false),
    /** Failed over all requests (or iterations); higher is worse. */
    ERROR_RATIO("error ratio", true);

    private final String label;
    private final boolean higherIsWorse;

    Statistic(String label, boolean higherIsWorse) {
      this.label = label;
      this.higherIsWorse = higherIsWorse;
    }

    /** @return how reports name it */
    public String label() {
      return label;
    }

    /** @return true when a higher value is worse (latency, errors), false when lower is worse (throughput) */
    public boolean higherIsWorse() {
      return higherIsWorse;
    }
  }

  /** The judgement on a delta. */
  public enum Verdict {
    /** Worse by more than the tolerance. */
    REGRESSED,
    /** Better by more than the tolerance. */
    IMPROVED,
    /** Within the tolerance. */
    UNCHANGED,
    /** Only in the current run. */
    ADDED,
    /** Only in the baseline. */
    REMOVED
  }

  /** @return (current - baseline) / baseline; NaN when either is missing or the baseline is 0 */
  public double change() {
    return baseline == 0 || Double.isNaN(baseline) || Double.isNaN(current) ? Double.NaN
        : (current - baseline) / baseline;
  }

  /** @return current - baseline, in {@link #unit()}; NaN when either is missing */
  public double difference() {
    return current - baseline;
  }

  /** @return whether this delta is a regression */
  public boolean regressed() {
    return verdict == Verdict.REGRESSED;
  }

  /** @return what was compared, as people read it: {@code all · step checkout · p95} */
  public String label() {
    String what = switch (subject) {
      case RUN -> name;
      case METRIC -> name;
      case STEP -> "step " + name;
      case REQUEST -> name;
    };
    return scenario + " · " + what + " · " + statistic.label();
  }

  /** @return one line: {@code all · http.duration · p95: 100 ms → 120 ms (+20.0%) regressed} */
  public String describe() {
    return label() + ": " + value(baseline) + " → " + value(current) + " (" + Fmt.change(change()) + ") "
        + verdict.name().toLowerCase(java.util.Locale.ROOT);
  }

  /**
   * A value of this delta as people read it, with its unit.
   *
   * @param v {@link #baseline()} or {@link #current()}
   * @return e.g. {@code 12.3 ms}, {@code 1.20%}, {@code 812/s}, or {@code -} when missing
   */
  public String value(double v) {
    if (Double.isNaN(v)) {
      return "-";
    }
    return switch (statistic) {
      case ERROR_RATIO -> Fmt.percent(v);
      case THROUGHPUT -> Fmt.rate(v);
      default -> Fmt.value(v, unit);
    };
  }
}
