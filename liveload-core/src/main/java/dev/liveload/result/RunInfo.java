package dev.liveload.result;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * What was run, when, and how it ended.
 *
 * <pre>{@code
 * RunInfo run = result.run();
 * for (Point p : result.total().timeSeries().points()) {
 *   System.out.printf("%s %s%n", Instant.ofEpochMilli(p.time()), run.inWarmUp(p) ? "(warm-up)" : "");
 * }
 * }</pre>
 *
 * @param id          unique run id
 * @param name        run name (from the options), never null
 * @param start       when load started
 * @param end         when the last user stopped
 * @param status      how the run ended
 * @param reason      why it ended early; empty when completed
 * @param options     the run's options as plain values (populations, load models, base URL, ...)
 * @param environment generator JVM and host
 * @since 0.1
 */
public record RunInfo(
    String id, String name, Instant start, Instant end, RunStatus status, String reason,
    Map<String, Object> options, Environment environment) {

  /**
   * How long the warm-up at the start lasted ({@code RunOptions.Builder.warmUp}, recorded in {@link #options()}
   * as {@code warmUp}): what was recorded in it is in the time series but in no total.
   *
   * @return the warm-up; {@link Duration#ZERO} for none (and for files from runs without one)
   */
  public Duration warmUp() {
    Object w = options == null ? null : options.get("warmUp");
    try {
      return w == null ? Duration.ZERO : Duration.parse(w.toString());
    } catch (java.time.format.DateTimeParseException e) {
      return Duration.ZERO;
    }
  }

  /**
   * Where the measured part of the run begins: the end of the warm-up, or the start.
   *
   * @return {@code start} plus the warm-up
   */
  public Instant measuredFrom() {
    return start.plus(warmUp());
  }

  /**
   * Whether a time-series point lies in the warm-up (such points are shown, but counted in no total).
   *
   * @param point a point of one of this run's time series
   * @return true when it starts before {@link #measuredFrom()}
   */
  public boolean inWarmUp(Point point) {
    return point.time() < measuredFrom().toEpochMilli();
  }

  /**
   * The run's wall-clock length.
   *
   * @return milliseconds from start to end
   */
  public long durationMillis() {
    return end.toEpochMilli() - start.toEpochMilli();
  }
}
