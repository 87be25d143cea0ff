package dev.liveload.result;

import java.time.Instant;
import java.util.Map;

/**
 * What was run, when, and how it ended.
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
   * The run's wall-clock length.
   *
   * @return milliseconds from start to end
   */
  public long durationMillis() {
    return end.toEpochMilli() - start.toEpochMilli();
  }
}
