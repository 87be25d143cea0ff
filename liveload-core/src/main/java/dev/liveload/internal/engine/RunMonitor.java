package dev.liveload.internal.engine;

import dev.liveload.Progress;
import dev.liveload.ProgressSnapshot;
import dev.liveload.RunOptions;
import dev.liveload.internal.Logs;
import dev.liveload.internal.metrics.Sampler;
import dev.liveload.internal.threshold.LiveThresholds;
import dev.liveload.internal.threshold.LiveView;
import dev.liveload.result.RunResult;
import dev.liveload.result.ThresholdResult;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;

/**
 * Watches a run once a second, on the metrics thread: evaluates thresholds on the run so far (aborting the run
 * when one that aborts on failure fails), and emits progress snapshots at the configured interval.
 */
final class RunMonitor {
  private static final Logger PROGRESS = Logs.get("dev.liveload.progress");
  private static final List<String> LATENCY = List.of("http.duration", "browser.action.duration",
      "iteration.duration");
  private static final List<String> BROWSER = List.of("browser.action.duration", "liveview.loading");

  private final Engine engine;
  private final RunOptions options;
  private final Sampler sampler;
  private final List<LoadRunner> runners;
  private final long startNanos;
  private final LiveView live;
  private final LiveThresholds thresholds;
  private long nextProgressNanos;
  private final PrintStream out = System.out;

  RunMonitor(Engine engine, RunOptions options, Sampler sampler, List<LoadRunner> runners, List<String> scenarioNames,
      long startNanos) {
    this.engine = engine;
    this.options = options;
    this.sampler = sampler;
    this.runners = runners;
    this.startNanos = startNanos;
    this.live = new LiveView(engine.registry, engine.counters, scenarioNames,
        () -> engine.measuredFromNanos() == Long.MIN_VALUE ? 0
            : (System.nanoTime() - engine.measuredFromNanos()) / 1e9); // rates over the measured time
    this.thresholds = new LiveThresholds(options.thresholds());
    this.nextProgressNanos = startNanos + options.progress().every().toNanos();
  }

  /** Called after each per-second sample. */
  void afterSample(long nowEpochMillis) {
    long now = System.nanoTime();
    long elapsed = now - startNanos;
    if (engine.measuredFromNanos() != Long.MIN_VALUE) { // nothing to judge during a warm-up
      String abort = thresholds.evaluate(live, elapsed / 1_000_000);
      if (abort != null) {
        engine.abort(abort);
      }
    }
    if (options.progress().sink().equals("none") || now < nextProgressNanos) {
      return;
    }
    nextProgressNanos += options.progress().every().toNanos();
    emit(snapshot(nowEpochMillis, elapsed));
  }

  private ProgressSnapshot snapshot(long nowEpochMillis, long elapsed) {
    Sampler.Window w = sampler.takeWindow(nowEpochMillis, LATENCY, BROWSER);
    long requests = w.count("requests");
    long failed = w.count("requests.failed");
    if (requests == 0) {
      requests = w.count("iterations");
      failed = w.count("iterations.failed");
    }
    Duration at = Duration.ofNanos(elapsed);
    String phase = runners.size() == 1 ? runners.get(0).load().phaseAt(at)
        : runners.stream().map(r -> r.population.name() + ": " + r.load().phaseAt(at)).collect(Collectors.joining("; "));
    int users = runners.stream().mapToInt(LoadRunner::liveCount).sum();
    long dropped = 0;
    for (int i = 0; i < live.scenarios().size(); i++) {
      dropped += engine.counters.total(i, "iterations.dropped");
    }
    var totals = live.rows();
    long allRequests = totals.stream().filter(r -> r.metric().equals("http.duration")).mapToLong(r -> r.count()).sum();
    long allIterations = totals.stream().filter(r -> r.metric().equals("iteration.duration")
        && !"interrupted".equals(r.tags().get("error"))).mapToLong(r -> r.count()).sum();
    // once browser users ran an action, the line leads with what they do (a window of thinking included)
    ProgressSnapshot.Browser browser = null;
    long allActions = totals.stream().filter(r -> r.metric().equals("browser.action.duration"))
        .mapToLong(r -> r.count()).sum();
    if (allActions > 0) {
      browser = new ProgressSnapshot.Browser(w.count("browser.page_views") * 1000.0 / w.millis(),
          w.count("browser.actions") * 1000.0 / w.millis(), w.p95("browser.action.duration"),
          w.p95("liveview.loading"), allActions);
    }
    return new ProgressSnapshot(at, Duration.ofMillis(w.millis()), phase, users,
        w.count("requests") * 1000.0 / w.millis(), w.p95(), w.p95Of(), requests == 0 ? 0 : 100.0 * failed / requests,
        allRequests, allIterations, dropped, browser);
  }

  private void emit(ProgressSnapshot s) {
    Progress p = options.progress();
    switch (p.sink()) {
      case "console" -> out.println(s.line());
      case "slf4j" -> PROGRESS.info(s.line());
      case "callback" -> {
        try {
          p.listener().accept(s);
        } catch (RuntimeException e) {
          PROGRESS.warn("progress listener failed: {}", e.toString());
        }
      }
      default -> {
        // none
      }
    }
  }

  /** The final verdicts, on the final result, noting when a threshold first failed or aborted the run. */
  List<ThresholdResult> verdicts(RunResult result) {
    return thresholds.verdicts(result);
  }

  void printSummary(RunResult result) {
    if (!options.progress().printsSummary()) {
      return;
    }
    String text = SummaryTable.render(result);
    if (options.progress().sink().equals("slf4j")) {
      PROGRESS.info(text);
    } else {
      out.print(text);
    }
  }
}
