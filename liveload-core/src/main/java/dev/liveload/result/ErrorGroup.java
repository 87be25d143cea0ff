package dev.liveload.result;

import java.time.Instant;
import java.util.Map;

/**
 * Failures of one kind with one message, counted.
 *
 * <p>Kinds: {@code connect} (refused, unreachable, connect timeout), {@code dns}, {@code tls}, {@code timeout}
 * (no response in time), {@code io} (connection reset or closed mid-exchange), {@code status} (a 4xx/5xx
 * response no check accepted), {@code check} (a failed check), {@code usage} (a scenario bug, such as a
 * relative URL without a base URL), {@code exception} (scenario code threw), {@code iteration_timeout},
 * {@code interrupted} (cut off by the end of the run), plus kinds added by browser and WebSocket users.
 *
 * <p>The list in a result is bounded: past the limit, further distinct messages are counted in one group per
 * kind whose message says so.
 *
 * @param kind    error kind, never null
 * @param message what happened, never null, at most 500 characters
 * @param count   occurrences, at least 1
 * @param first   when it first happened
 * @param tags    where it happened ({@code step}, {@code method}, {@code url}); never null
 * @since 0.1
 */
public record ErrorGroup(String kind, String message, long count, Instant first, Map<String, String> tags) {
  /** Creates a group; the tag map is copied. */
  public ErrorGroup {
    tags = Maps.sortedCopy(tags);
  }
}
