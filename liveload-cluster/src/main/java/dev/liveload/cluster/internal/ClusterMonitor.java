package dev.liveload.cluster.internal;

import dev.liveload.ProgressSnapshot;
import dev.liveload.RunOptions;
import dev.liveload.internal.engine.ProgressLines;
import dev.liveload.internal.metrics.Counters;
import dev.liveload.internal.metrics.IntervalData;
import dev.liveload.internal.metrics.MetricRegistry;
import dev.liveload.internal.metrics.Sampler;
import dev.liveload.internal.threshold.LiveThresholds;
import dev.liveload.internal.threshold.LiveView;
import dev.liveload.result.RunResult;
import dev.liveload.result.ThresholdResult;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntSupplier;

/**
 * The whole cluster as the controller sees it live. Workers sample at wall-clock seconds; their intervals are
 * gathered by that second and replayed into one sampler once every live worker has sent its own for it (or, for a
 * worker that is late but not yet declared failed, after {@link #LATE_MILLIS}). So each progress snapshot is the
 * whole cluster at one second: its users are the sum of the live workers' users then, its requests the sum of
 * theirs so far. Thresholds are evaluated on the same sampler (an abort-on-fail one stops every worker).
 */
final class ClusterMonitor {
  /** How long past its second an interval waits for the workers that have not sent theirs. */
  static final long LATE_MILLIS = 3_000;
  /** Samples are taken just after a wall-clock second (the ticker's lag); this much earlier still counts. */
  private static final long EARLY_MILLIS = 200;

  private final RunOptions options;
  private final MetricRegistry registry = new MetricRegistry();
  private final Counters counters = new Counters();
  private final Sampler sampler;
  private final LiveView live;
  private final long startMillis;
  private final Collection<NodeState> nodes;
  private final LiveThresholds thresholds;
  private final PrintStream out = System.out;
  /** Intervals not yet replayed, by second, then by worker. */
  private final TreeMap<Long, Map<String, List<IntervalData>>> pending = new TreeMap<>();
  /** Each worker's latest second received, and its users then. */
  private final Map<String, Long> lastSecond = new HashMap<>();
  private final Map<String, Integer> usersNow = new LinkedHashMap<>();
  private final java.util.Set<String> finished = new java.util.HashSet<>();
  private long released = Long.MIN_VALUE;
  private long nextEvaluation;
  /** The second of the next snapshot: one every {@code everySeconds} of the seconds workers sample at. */
  private long nextProgressSecond;
  private final long everySeconds;

  ClusterMonitor(RunOptions options, List<String> scenarioNames, long intervalMillis, long startMillis,
      Collection<NodeState> nodes) {
    this.options = options;
    this.startMillis = startMillis;
    this.nodes = nodes;
    IntSupplier[] none = new IntSupplier[scenarioNames.size()];
    java.util.Arrays.fill(none, (IntSupplier) () -> 0);
    this.sampler = new Sampler(registry, counters, none, intervalMillis, startMillis, null);
    this.live = new LiveView(registry, counters, scenarioNames,
        () -> Math.max(0, System.currentTimeMillis() - startMillis) / 1000.0);
    this.thresholds = new LiveThresholds(options.thresholds());
    this.nextEvaluation = startMillis + 1000;
    this.everySeconds = options.progress().every().toSeconds();
    this.nextProgressSecond = Math.ceilDiv(startMillis + options.progress().every().toMillis(), 1000);
  }

  static long secondOf(long sampleMillis) {
    return Math.floorDiv(sampleMillis + EARLY_MILLIS, 1000);
  }

  /** A worker's interval (a Hazelcast listener thread). */
  synchronized void ingest(String node, IntervalData data) {
    long second = secondOf(data.time());
    if (second <= released) {
      // later than its second's snapshot (a worker's final, partial second, or one that was late): counted now, in
      // the next snapshot
      sampler.ingest(data);
      usersNow.put(node, java.util.Arrays.stream(data.users()).sum());
      lastSecond.merge(node, second, Math::max);
      if (data.last()) {
        finished.add(node);
      }
      return;
    }
    pending.computeIfAbsent(second, k -> new HashMap<>()).computeIfAbsent(node, k -> new ArrayList<>()).add(data);
    lastSecond.merge(node, second, Math::max);
    if (data.last()) {
      finished.add(node);
    }
    release(System.currentTimeMillis());
  }

  /** Called often by the controller; returns a reason to abort the run, or null. */
  synchronized String tick() {
    long now = System.currentTimeMillis();
    release(now);
    String abort = null;
    if (now >= nextEvaluation) {
      nextEvaluation += 1000;
      abort = thresholds.evaluate(live, now - startMillis);
    }
    return abort;
  }

  /** Replays every second all live workers have sent (or that waited long enough), oldest first. */
  private void release(long now) {
    while (!pending.isEmpty()) {
      long second = pending.firstKey();
      boolean complete = nodes.stream().allMatch(n -> n.failure != null || finished.contains(n.name)
          || lastSecond.getOrDefault(n.name, Long.MIN_VALUE) >= second);
      if (!complete && now < second * 1000 + LATE_MILLIS) {
        return;
      }
      Map<String, List<IntervalData>> byNode = pending.pollFirstEntry().getValue();
      long sampledAt = Long.MIN_VALUE;
      for (var e : byNode.entrySet()) {
        for (IntervalData d : e.getValue()) {
          sampler.ingest(d);
          sampledAt = Math.max(sampledAt, d.time());
          usersNow.put(e.getKey(), java.util.Arrays.stream(d.users()).sum());
        }
      }
      released = second;
      if (second >= nextProgressSecond) {
        nextProgressSecond = second + everySeconds;
        if (!options.progress().sink().equals("none")) {
          ProgressLines.emit(options.progress(), snapshot(sampledAt), out);
        }
      }
    }
  }

  private ProgressSnapshot snapshot(long sampledAt) {
    Sampler.Window w = sampler.takeWindow(sampledAt, ProgressLines.LATENCY, ProgressLines.BROWSER);
    Duration at = Duration.ofMillis(Math.max(0, sampledAt - startMillis));
    int alive = 0;
    int users = 0;
    for (NodeState n : nodes) {
      if (n.failure == null) {
        alive++;
        users += usersNow.getOrDefault(n.name, 0);
      }
    }
    return ProgressLines.snapshot(w, live, at, ProgressLines.phase(options.populations(), at), users,
        new ProgressSnapshot.Workers(alive, nodes.size()));
  }

  /** The final verdicts on the merged result, with what the live evaluation saw. */
  synchronized List<ThresholdResult> verdicts(RunResult result) {
    return thresholds.verdicts(result);
  }
}
