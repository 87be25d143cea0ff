package dev.liveload.cluster.internal;

import dev.liveload.internal.metrics.Counters;
import dev.liveload.internal.metrics.IntervalData;
import dev.liveload.internal.metrics.MetricRegistry;
import dev.liveload.internal.metrics.ResultMerger;
import dev.liveload.internal.metrics.Sampler;
import dev.liveload.result.ErrorGroup;
import dev.liveload.result.GeneratorHealth;
import dev.liveload.result.Histogram;
import dev.liveload.result.RunInfo;
import dev.liveload.result.RunResult;
import dev.liveload.result.RunStatus;
import dev.liveload.result.ScenarioResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;

/**
 * What the controller knows of one worker during a run: its description and, replayed from its per-second
 * intervals, its measurements up to the last one received (the node's result if it fails).
 */
final class NodeState {
  final String name;
  final com.hazelcast.cluster.Member member;
  final Messages.WorkerInfo info;
  private Sampler sampler;
  private int scenarios;
  private int[] maxUsers;
  private int[] users;
  private List<List<ErrorGroup>> errors = List.of();
  private long lastSeq = -1;
  private long firstTime = -1;
  private long lastTime = -1;
  volatile String failure;
  /** Set when the node sent its final interval: leaving after that is not a failure. */
  volatile boolean finished;
  volatile long failedAtMillis;

  NodeState(com.hazelcast.cluster.Member member, Messages.WorkerInfo info) {
    this.name = info.name();
    this.member = member;
    this.info = info;
  }

  /** Prepares to replay the run's intervals: how many scenarios, the interval length, the planned start. */
  synchronized NodeState withClock(int scenarios, long intervalMillis, long startEpochMillis) {
    this.scenarios = scenarios;
    this.maxUsers = new int[scenarios];
    this.users = new int[scenarios];
    IntSupplier[] none = new IntSupplier[scenarios];
    java.util.Arrays.fill(none, (IntSupplier) () -> 0);
    this.sampler = new Sampler(new MetricRegistry(), new Counters(), none, intervalMillis, startEpochMillis, null);
    return this;
  }

  /** Marks the node failed (first reason wins); its data stays what its intervals showed. */
  void fail(String reason, long atMillis) {
    if (failure == null) {
      failedAtMillis = atMillis;
      failure = reason;
    }
  }

  /** Replays one interval; intervals arrive in order per node (a duplicate or older one is ignored). */
  synchronized void ingest(long seq, IntervalData data) {
    if (seq <= lastSeq) {
      return;
    }
    lastSeq = seq;
    if (data.last()) {
      finished = true;
    }
    sampler.ingest(data);
    if (firstTime < 0) {
      firstTime = data.time();
    }
    lastTime = data.time();
    for (int i = 0; i < Math.min(scenarios, data.users().length); i++) {
      users[i] = data.users()[i];
      maxUsers[i] = Math.max(maxUsers[i], data.users()[i]);
    }
    if (data.errors() != null) {
      errors = data.errors();
    }
  }

  synchronized int users() {
    int sum = 0;
    for (int u : users) {
      sum += u;
    }
    return sum;
  }

  /** The node's result as far as its intervals go: for a node that failed before returning its own. */
  synchronized RunResult partialResult(String runId, String runName, List<String> names, List<String> loads,
      long plannedStartMillis, String reason) {
    var list = new ArrayList<ScenarioResult>();
    long end = lastTime < 0 ? plannedStartMillis : lastTime;
    for (int i = 0; i < scenarios; i++) {
      list.add(sampler.result(i, names.get(i), loads.get(i), maxUsers[i], Math.max(0, end - plannedStartMillis),
          i < errors.size() ? errors.get(i) : List.of()));
    }
    ScenarioResult merged = ResultMerger.mergeScenarios(list);
    ScenarioResult total = new ScenarioResult(ScenarioResult.TOTAL, merged.load(), merged.maxUsers(),
        merged.durationMillis(), merged.counters(), merged.metrics(), merged.breakdown(), merged.errors(),
        merged.timeSeries());
    var info = new RunInfo(runId, runName, Instant.ofEpochMilli(plannedStartMillis), Instant.ofEpochMilli(end),
        RunStatus.INTERRUPTED, reason, Map.of(), null);
    var health = new GeneratorHealth(false, List.of("no health figures: the node failed before reporting them"),
        this.info.cores(), 0, 0, 0, 0, 0, Histogram.empty("ms", 1000), List.of());
    return new RunResult(RunResult.SCHEMA, info, total, list, List.of(), health);
  }
}
