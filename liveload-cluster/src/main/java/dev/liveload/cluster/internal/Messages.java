package dev.liveload.cluster.internal;

import dev.liveload.internal.metrics.IntervalData;

/** What travels between controller and workers (as JSON). */
public final class Messages {
  private Messages() {}

  /**
   * A worker's description, registered when it starts.
   *
   * @param name     worker name
   * @param host     host name
   * @param address  its cluster address
   * @param cores    available processors
   * @param capacity relative capacity used to split load (cores unless configured)
   */
  public record WorkerInfo(String name, String host, String address, int cores, double capacity) {}

  /**
   * One second of a worker's run.
   *
   * @param runId the run
   * @param node  the worker's name
   * @param seq   sequence number from 0
   * @param data  the interval
   */
  public record NodeInterval(String runId, String node, long seq, IntervalData data) {}

  /**
   * What a worker's run task returns.
   *
   * @param node        worker name
   * @param host        host name
   * @param cores       available processors
   * @param skewMillis  actual start minus planned start, in cluster time, ms
   * @param firstActionSkewMillis when its first action began, minus the planned start, ms; null when none ran
   * @param result      the node's result JSON, or null on error
   * @param error       why it did not run, or null
   */
  public record NodeOutcome(String node, String host, int cores, double skewMillis, Double firstActionSkewMillis,
      String result, String error) {}

  /**
   * The answer to a prepare request.
   *
   * @param node  worker name
   * @param error null when the plan was accepted, else why it was refused
   */
  public record Prepared(String node, String error) {}
}
