package dev.liveload.internal.engine;

import dev.liveload.internal.metrics.IntervalData;

/**
 * What a distributed run's worker adds to a local run: a gate that holds the start until the cluster-wide start
 * time, a stream of per-second intervals, and the node's name.
 *
 * @param beforeStart runs right before the run's start time is taken (blocks until the planned start); may be null
 * @param intervals   receives every sampled interval, with error groups; may be null
 * @param runId       the run id to record (the distributed run's), or null for a new one
 */
public record EngineHooks(Runnable beforeStart, IntervalData.Listener intervals, String runId) {
  /** No hooks: a plain local run. */
  public static final EngineHooks NONE = new EngineHooks(null, null, null);
}
