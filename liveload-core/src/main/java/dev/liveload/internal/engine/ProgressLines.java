package dev.liveload.internal.engine;

import dev.liveload.Population;
import dev.liveload.Progress;
import dev.liveload.ProgressSnapshot;
import dev.liveload.internal.Logs;
import dev.liveload.internal.metrics.Sampler;
import dev.liveload.internal.threshold.LiveView;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;

/**
 * Progress snapshots from a sampler's window and the run so far, and where they go: one way to make them for a
 * run in one JVM and for a distributed run's controller, so both print the same line.
 */
public final class ProgressLines {
  private static final Logger PROGRESS = Logs.get("dev.liveload.progress");
  /** Latency metrics a snapshot's p95 is of, in order of preference. */
  public static final List<String> LATENCY = List.of("http.duration", "browser.action.duration",
      "iteration.duration");
  /** Browser metrics whose p95 a snapshot shows. */
  public static final List<String> BROWSER = List.of("browser.action.duration", "liveview.loading");

  private ProgressLines() {}

  /** What the load models are doing at {@code at}: one model's phase, or each population's by name. */
  public static String phase(List<Population> populations, Duration at) {
    return populations.size() == 1 ? populations.get(0).load().phaseAt(at)
        : populations.stream().map(p -> p.name() + ": " + p.load().phaseAt(at)).collect(Collectors.joining("; "));
  }

  /**
   * A snapshot.
   *
   * @param w       the window since the previous snapshot
   * @param live    the run so far (totals)
   * @param at      time since the run's start
   * @param phase   the load models' phase
   * @param users   active users now
   * @param workers live and started workers of a distributed run, or null
   */
  public static ProgressSnapshot snapshot(Sampler.Window w, LiveView live, Duration at, String phase, int users,
      ProgressSnapshot.Workers workers) {
    long requests = w.count("requests");
    long failed = w.count("requests.failed");
    if (requests == 0) {
      requests = w.count("iterations");
      failed = w.count("iterations.failed");
    }
    long dropped = 0;
    for (String scenario : live.scenarios()) {
      dropped += live.counter(scenario, "iterations.dropped");
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
        allRequests, allIterations, dropped, browser, workers);
  }

  /**
   * A line about the run itself (for example who joined a distributed run), where its progress goes: printed with
   * the console's lines, logged to {@code dev.liveload.progress} with SLF4J's, else logged at INFO by LiveLoad.
   */
  public static void note(Progress p, String line, PrintStream out) {
    switch (p.sink()) {
      case "console" -> out.println(line);
      default -> PROGRESS.info(line);
    }
  }

  /** Sends a snapshot where the run's progress goes (a failing callback is logged, not rethrown). */
  public static void emit(Progress p, ProgressSnapshot s, PrintStream out) {
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
}
