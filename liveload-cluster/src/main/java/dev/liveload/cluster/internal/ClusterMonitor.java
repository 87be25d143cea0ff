package dev.liveload.cluster.internal;

import dev.liveload.RunOptions;
import dev.liveload.internal.metrics.Counters;
import dev.liveload.internal.metrics.IntervalData;
import dev.liveload.internal.metrics.MetricRegistry;
import dev.liveload.internal.metrics.Sampler;
import dev.liveload.internal.threshold.LiveThresholds;
import dev.liveload.internal.threshold.LiveView;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole cluster as the controller sees it live: every worker's intervals replayed into one sampler, on which
 * thresholds are evaluated each second (an abort-on-fail one stops every worker) and progress lines are made.
 */
final class ClusterMonitor {
  private static final Logger PROGRESS = LoggerFactory.getLogger("dev.liveload.progress");

  private final RunOptions options;
  private final MetricRegistry registry = new MetricRegistry();
  private final Counters counters = new Counters();
  private final Sampler sampler;
  private final LiveView live;
  private final long startMillis;
  private final Collection<NodeState> nodes;
  private final LiveThresholds thresholds;
  private long nextEvaluation;
  private long nextProgress;

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
    this.nextProgress = startMillis + options.progress().every().toMillis();
  }

  void ingest(IntervalData data) {
    synchronized (sampler) {
      sampler.ingest(data);
    }
  }

  /** Called often by the controller; returns a reason to abort the run, or null. */
  String tick() {
    long now = System.currentTimeMillis();
    String abort = null;
    if (now >= nextEvaluation) {
      nextEvaluation += 1000;
      synchronized (sampler) {
        abort = thresholds.evaluate(live, now - startMillis);
      }
    }
    if (now >= nextProgress && !options.progress().sink().equals("none")) {
      nextProgress += options.progress().every().toMillis();
      progress(now);
    }
    return abort;
  }

  private void progress(long now) {
    Sampler.Window w;
    synchronized (sampler) {
      w = sampler.takeWindow(now, List.of("http.duration", "browser.action.duration", "iteration.duration"));
    }
    long requests = w.count("requests");
    long failed = w.count("requests.failed");
    int users = nodes.stream().mapToInt(NodeState::users).sum();
    long alive = nodes.stream().filter(n -> n.failure == null).count();
    long s = Math.max(0, (now - startMillis) / 1000);
    String line = String.format(Locale.ROOT, "[%02d:%02d] %d/%d workers | users %d | %.1f req/s | p95 %s%s | "
        + "errors %.2f%%", s / 60, s % 60, alive, nodes.size(), users, requests * 1000.0 / w.millis(),
        w.p95Of() == null ? "" : w.p95Of() + " ",
        Double.isNaN(w.p95()) ? "n/a" : String.format(Locale.ROOT, "%.1f ms", w.p95()),
        requests == 0 ? 0 : 100.0 * failed / requests);
    switch (options.progress().sink()) {
      case "slf4j" -> PROGRESS.info(line);
      case "console" -> System.out.println(line);
      default -> {
        // callbacks get local snapshots only
      }
    }
  }

  /** The final verdicts on the merged result, with what the live evaluation saw. */
  List<dev.liveload.result.ThresholdResult> verdicts(dev.liveload.result.RunResult result) {
    return thresholds.verdicts(result);
  }
}
