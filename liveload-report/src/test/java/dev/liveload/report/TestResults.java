package dev.liveload.report;

import dev.liveload.internal.metrics.Hdr;
import dev.liveload.result.Breakdown;
import dev.liveload.result.Environment;
import dev.liveload.result.ErrorGroup;
import dev.liveload.result.GeneratorHealth;
import dev.liveload.result.HealthPoint;
import dev.liveload.result.Histogram;
import dev.liveload.result.Point;
import dev.liveload.result.RunInfo;
import dev.liveload.result.RunResult;
import dev.liveload.result.RunStatus;
import dev.liveload.result.ScenarioResult;
import dev.liveload.result.ThresholdResult;
import dev.liveload.result.TimeSeries;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Results built by hand from real HdrHistograms, for tests that need exact figures or hostile text. */
final class TestResults {
  static final Instant START = Instant.parse("2026-03-01T10:00:00Z");

  private TestResults() {}

  /** A histogram in ms of the given millisecond values (recorded in µs, as the engine does). */
  static Histogram ms(double... millis) {
    var h = Hdr.newHistogram();
    for (double v : millis) {
      h.recordValue(Math.round(v * 1000));
    }
    return Hdr.summarize(h, "ms", 1000);
  }

  /** {@code n} scores (a unit recorded in thousandths, like CLS) spread evenly from {@code lo} to {@code hi}. */
  static Histogram score(int n, double lo, double hi) {
    var h = Hdr.newHistogram();
    for (int i = 0; i < n; i++) {
      h.recordValue(Math.round((lo + (hi - lo) * i / (n - 1)) * 1000));
    }
    return Hdr.summarize(h, "score", 1000);
  }

  /** {@code n} values spread evenly from {@code lo} to {@code hi} ms, each multiplied by {@code factor}. */
  static Histogram spread(int n, double lo, double hi, double factor) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = (lo + (hi - lo) * i / (n - 1)) * factor;
    }
    return ms(v);
  }

  static GeneratorHealth health(boolean saturated, List<String> warnings, int seconds) {
    var timeline = new ArrayList<HealthPoint>();
    for (int i = 0; i < seconds; i++) {
      timeline.add(new HealthPoint(START.toEpochMilli() + i * 1000L, 30 + i, 50L << 20, i % 3, 0.5 + i * 0.1));
    }
    return new GeneratorHealth(saturated, warnings, 2, 35, 60, 1L << 30, 80L << 20, 12, ms(0.3, 0.4, 0.5, 2),
        timeline);
  }

  /**
   * A scenario whose {@code http.duration} rows are given per request key ({@code GET /path}), with steps and a
   * time series of {@code seconds} points.
   */
  static ScenarioResult scenario(String name, Map<String, Histogram> requests, Map<String, Histogram> steps,
      List<ErrorGroup> errors, long failed, int seconds) {
    var breakdown = new ArrayList<Breakdown>();
    var all = new ArrayList<Histogram>();
    requests.forEach((key, h) -> {
      String[] mu = key.split(" ", 2);
      breakdown.add(new Breakdown("http.duration", Map.of("method", mu[0], "url", mu[1], "status", "200"), h));
      all.add(h);
    });
    if (failed > 0) {
      String[] mu = requests.keySet().iterator().next().split(" ", 2);
      breakdown.add(new Breakdown("http.duration", Map.of("method", mu[0], "url", mu[1], "status", "500", "error",
          "status"), spread((int) failed, 1, 2, 1)));
    }
    steps.forEach((step, h) -> breakdown.add(new Breakdown("step.duration", Map.of("step", step), h)));
    Histogram http = Hdr.mergeAll(all);
    var metrics = new LinkedHashMap<String, Histogram>();
    metrics.put("http.duration", http);
    if (!steps.isEmpty()) {
      metrics.put("step.duration", Hdr.mergeAll(new ArrayList<>(steps.values())));
    }
    long requestsCount = http.count() + failed;
    var points = new ArrayList<Point>();
    for (int i = 0; i < seconds; i++) {
      points.add(new Point(START.toEpochMilli() + i * 1000L, 1000, 5, Map.of("requests", requestsCount / seconds,
          "requests.failed", failed / seconds, "iterations", requestsCount / seconds / 2), Map.of("http.duration",
          http)));
    }
    return new ScenarioResult(name, "5 users for " + seconds + "s", 5, seconds * 1000L, Map.of("requests",
        requestsCount, "requests.failed", failed, "iterations", requestsCount / 2, "iterations.failed", failed),
        metrics, breakdown, errors, new TimeSeries(1000, points));
  }

  static RunResult result(String name, List<ScenarioResult> scenarios, List<ThresholdResult> thresholds,
      GeneratorHealth health, Map<String, Object> options) {
    long millis = scenarios.stream().mapToLong(ScenarioResult::durationMillis).max().orElse(1000);
    var run = new RunInfo("run-" + name.hashCode(), name, START, START.plusMillis(millis), RunStatus.COMPLETED, "",
        options, new Environment("0.1.0-test", "25", "Test", "Linux", "generator-1", 2, 1L << 30));
    ScenarioResult first = scenarios.get(0);
    ScenarioResult total = new ScenarioResult(ScenarioResult.TOTAL, first.load(), first.maxUsers(),
        first.durationMillis(), first.counters(), first.metrics(), first.breakdown(), first.errors(),
        first.timeSeries());
    return new RunResult(RunResult.SCHEMA, run, total, scenarios, thresholds, health);
  }

  static ErrorGroup error(String kind, String message, long count, String url) {
    return new ErrorGroup(kind, message, count, START.plusMillis(1500), Map.of("method", "GET", "url", url));
  }
}
