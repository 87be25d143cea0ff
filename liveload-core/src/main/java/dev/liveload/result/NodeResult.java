package dev.liveload.result;

import java.util.Map;

/**
 * One load generator's part of a distributed run.
 *
 * <pre>{@code
 * for (NodeResult n : result.nodes()) {
 *   System.out.printf("%s on %s: %s, %d requests, start skew %.1f ms%n",
 *       n.id(), n.host(), n.status(), n.counters().getOrDefault("requests", 0L), n.startSkewMillis());
 * }
 * }</pre>
 *
 * @param id              node id (the worker's name in the cluster)
 * @param host            host name
 * @param cores           cores available to it
 * @param maxUsers        most users it ran at once
 * @param status          {@code completed}, {@code failed} (its data up to its last snapshot is included),
 *                        {@code interrupted} or {@code aborted}
 * @param reason          why it did not complete, empty otherwise
 * @param startSkewMillis how late it started against the planned start, in ms (negative: early)
 * @param counters        its counters (requests, iterations, ...)
 * @param metrics         its distributions of passed samples by metric
 * @param generator       its own health
 * @since 0.1
 */
public record NodeResult(String id, String host, int cores, int maxUsers, String status, String reason,
    double startSkewMillis, Map<String, Long> counters, Map<String, Histogram> metrics, GeneratorHealth generator) {

  /** Creates a node result; maps are copied. */
  public NodeResult {
    counters = Maps.sortedCopy(counters);
    metrics = Maps.sortedCopy(metrics);
  }
}
