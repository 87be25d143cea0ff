package dev.liveload.internal.threshold;

import dev.liveload.InvalidOptionException;
import dev.liveload.browser.BrowserMetrics;
import dev.liveload.internal.browser.BrowserMetricDefs;
import dev.liveload.internal.metrics.MetricDef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The names a threshold may use, checked before any load: the metrics and counters LiveLoad's connections record
 * (HTTP, WebSocket, browser, the engine's own), the run's scenario names, and metric names declared as custom.
 * A threshold on a name nothing records would run the whole load and then fail with "no data".
 */
public final class ThresholdNames {
  /** Metrics (distributions) by the kind of user that records them. */
  private static final Map<String, List<String>> METRICS = new LinkedHashMap<>();
  /** Counter names a connection or the engine adds that are not the count of some metric. */
  private static final List<String> PLAIN_COUNTERS = List.of("iterations.dropped", "iterations.queued",
      "http.retries", "ws.frames.sent", "ws.frames.received", "ws.bytes.sent", "ws.bytes.received");
  private static final Set<String> ALL_METRICS = new LinkedHashSet<>();
  private static final Set<String> COUNTERS = new LinkedHashSet<>();

  static {
    BrowserMetricDefs.define();
    METRICS.put("HTTP", List.of("http.duration", "http.connect"));
    METRICS.put("every user", List.of("iteration.duration", "step.duration"));
    METRICS.put("WebSocket", List.of("ws.connect", "ws.roundtrip"));
    METRICS.put("browser", BrowserMetrics.ALL);
    METRICS.values().forEach(ALL_METRICS::addAll);
    for (String m : ALL_METRICS) {
      MetricDef def = MetricDef.of(m);
      if (def.counter() != null) {
        COUNTERS.add(def.counter());
        COUNTERS.add(def.counter() + ".failed");
        if (def.interruptedApart()) {
          COUNTERS.add(def.counter() + ".interrupted");
        }
      }
    }
    COUNTERS.addAll(PLAIN_COUNTERS);
  }

  private ThresholdNames() {}

  /**
   * @param e         a parsed threshold
   * @param scenarios the run's scenario names
   * @param custom    metric and counter names declared as recorded by a custom connection
   * @throws InvalidOptionException when the threshold names a metric, counter or scenario the run cannot have
   */
  public static void check(Expression e, Set<String> scenarios, Set<String> custom) {
    String scenario = e.selector().get("scenario");
    if (scenario != null && !scenarios.contains(scenario)) {
      throw new InvalidOptionException("threshold", e.text(), "the run has no scenario '" + scenario
          + "'; its scenarios are " + scenarios);
    }
    String status = e.selector().get("status");
    if (status != null && !status.matches("\\d{1,3}")) {
      throw new InvalidOptionException("threshold", e.text(), "status is an HTTP status code such as 200 or 503, "
          + "not '" + status + "'");
    }
    String target = e.target();
    if (custom.contains(target)) {
      return;
    }
    switch (e.function()) {
      case "percentile", "avg", "min", "max" -> {
        if (ALL_METRICS.contains(target)) {
          return;
        }
        if (COUNTERS.contains(target) || Evaluator.isAlias(target)) {
          throw new InvalidOptionException("threshold", e.text(), target + " is a count, not a distribution: use "
              + "count(" + target + ") or rate(" + target + ")");
        }
        throw unknown(e, target, ALL_METRICS);
      }
      case "count", "rate" -> {
        if (ALL_METRICS.contains(target) || COUNTERS.contains(target) || Evaluator.isAlias(target)) {
          return;
        }
        var known = new LinkedHashSet<>(COUNTERS);
        known.addAll(ALL_METRICS);
        throw unknown(e, target, known);
      }
      default -> {
        // error_ratio and rps name no metric
      }
    }
  }

  private static InvalidOptionException unknown(Expression e, String target, Set<String> candidates) {
    String near = nearest(target, candidates);
    boolean counts = e.function().equals("count") || e.function().equals("rate");
    var sb = new StringBuilder("no user records a ").append(counts ? "metric or counter" : "metric")
        .append(" named '").append(target).append("'");
    if (near != null) {
      sb.append("; did you mean ").append(near).append('?');
    }
    sb.append(" Metrics: ");
    var groups = new ArrayList<String>();
    METRICS.forEach((kind, names) -> groups.add(kind + ": " + String.join(", ", names)));
    sb.append(String.join("; ", groups));
    if (counts) {
      sb.append(". Counters: ").append(String.join(", ", COUNTERS)).append(", dropped, queued, interrupted, errors");
    }
    sb.append(". A name that a custom connection records is declared with RunOptions.builder().customMetrics(\"")
        .append(target).append("\")");
    return new InvalidOptionException("threshold", e.text(), sb.toString());
  }

  /** The candidate within 3 edits of {@code name}, if any (typos). */
  static String nearest(String name, Set<String> candidates) {
    String best = null;
    int bestDistance = 4;
    for (String c : candidates) {
      int d = distance(name, c);
      if (d < bestDistance) {
        bestDistance = d;
        best = c;
      }
    }
    return best;
  }

  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
