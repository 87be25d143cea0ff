package dev.liveload.result;

import java.util.Map;

/**
 * One load generator's part of a distributed run.
 *
 * <pre>{@code
 * for (NodeResult n : result.nodes()) {
 *   System.out.printf("%s on %s: %s, %d requests, woke %.1f ms late, first action at %s ms%n",
 *       n.id(), n.host(), n.status(), n.counters().getOrDefault("requests", 0L), n.startSkewMillis(),
 *       n.firstActionSkewMillis());
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
 * @param startSkewMillis how late it woke up against the planned start, in ms (negative: early): the precision
 *                        of its start gate
 * @param counters        its counters (requests, iterations, ...)
 * @param metrics         its distributions of passed samples by metric
 * @param generator       its own health
 * @param firstActionSkewMillis when its first action (request, WebSocket exchange or browser action) began, against
 *                        the planned start, in ms: what the target saw. The spread of these across nodes is how far
 *                        apart the workers' load really began. Null when it ran no action, and in older files
 * @since 0.1
 */
public record NodeResult(String id, String host, int cores, int maxUsers, String status, String reason,
    double startSkewMillis, Map<String, Long> counters, Map<String, Histogram> metrics, GeneratorHealth generator,
    Double firstActionSkewMillis) {

  /** Creates a node result; maps are copied. */
  public NodeResult {
    counters = Maps.sortedCopy(counters);
    metrics = Maps.sortedCopy(metrics);
  }

  /**
   * A node result without a first-action figure.
   *
   * @param id              node id
   * @param host            host name
   * @param cores           cores available to it
   * @param maxUsers        most users it ran at once
   * @param status          its status
   * @param reason          why it did not complete, empty otherwise
   * @param startSkewMillis how late it woke up against the planned start, ms
   * @param counters        its counters
   * @param metrics         its distributions by metric
   * @param generator       its own health
   */
  public NodeResult(String id, String host, int cores, int maxUsers, String status, String reason,
      double startSkewMillis, Map<String, Long> counters, Map<String, Histogram> metrics, GeneratorHealth generator) {
    this(id, host, cores, maxUsers, status, reason, startSkewMillis, counters, metrics, generator, null);
  }
}
