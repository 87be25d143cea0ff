package dev.liveload.internal.engine;

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
import org.slf4j.Logger;

/**
 * Watches a run once a second, on the metrics thread: evaluates thresholds on the run so far (aborting the run
 * when one that aborts on failure fails), and emits progress snapshots at the configured interval.
 */
final class RunMonitor {
  private static final Logger PROGRESS = Logs.get("dev.liveload.progress");

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
    if (engine.registry.firstAction().startNanos() != Long.MIN_VALUE) {
      engine.registry.firstAction().close(); // the first actions are in: stop watching
    }
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
    Sampler.Window w = sampler.takeWindow(nowEpochMillis, ProgressLines.LATENCY, ProgressLines.BROWSER);
    Duration at = Duration.ofNanos(elapsed);
    String phase = ProgressLines.phase(runners.stream().map(r -> r.population).toList(), at);
    int users = runners.stream().mapToInt(LoadRunner::liveCount).sum();
    return ProgressLines.snapshot(w, live, at, phase, users, null);
  }

  private void emit(ProgressSnapshot s) {
    ProgressLines.emit(options.progress(), s, out);
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
