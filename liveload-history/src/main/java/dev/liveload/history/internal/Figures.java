package dev.liveload.history.internal;

import dev.liveload.report.Delta.Statistic;
import dev.liveload.report.Delta.Subject;
import dev.liveload.result.Breakdown;
import dev.liveload.result.Histogram;
import dev.liveload.result.RunResult;
import dev.liveload.result.ScenarioResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The headline figures the index keeps of a run, per scenario: its throughput and error ratio; p50, p95 and p99 of
 * every duration metric (passed samples); and per step ({@code step.duration} by step) p50, p95 and p99 of passed
 * samples, the error ratio and the rate of steps per second. A run of several scenarios also has them for all
 * scenarios together, as scenario {@code "all"}.
 */
public final class Figures {
  private static final String STEP_METRIC = "step.duration";

  private Figures() {}

  /**
   * @param r a result
   * @return its figures, never null
   */
  public static List<Figure> of(RunResult r) {
    var out = new ArrayList<Figure>();
    for (ScenarioResult s : r.scenarios()) {
      scope(s.name(), s, out);
    }
    if (r.scenarios().size() != 1) {
      scope(ScenarioResult.TOTAL, r.total(), out);
    }
    return out;
  }

  private static void scope(String scenario, ScenarioResult s, List<Figure> out) {
    boolean requests = s.requests() > 0;
    String work = requests ? "requests" : "iterations";
    long count = requests ? s.requests() : s.iterations();
    out.add(new Figure(scenario, Subject.RUN, work, Statistic.THROUGHPUT, "/s", perSecond(count, s), count));
    out.add(new Figure(scenario, Subject.RUN, work, Statistic.ERROR_RATIO, "ratio", s.errorRatio(), count));
    s.metrics().forEach((metric, h) -> {
      if (Histogram.MILLISECONDS.equals(h.unit()) && h.count() > 0) {
        percentiles(scenario, Subject.METRIC, metric, h, out);
      }
    });
    steps(s).forEach((step, g) -> {
      if (g.passed != null) {
        percentiles(scenario, Subject.STEP, step, g.passed, out);
      }
      long all = g.passedCount() + g.failed;
      out.add(new Figure(scenario, Subject.STEP, step, Statistic.ERROR_RATIO, "ratio", g.failed / (double) all, all));
      out.add(new Figure(scenario, Subject.STEP, step, Statistic.THROUGHPUT, "/s", perSecond(all, s), all));
    });
  }

  private static void percentiles(String scenario, Subject subject, String name, Histogram h, List<Figure> out) {
    out.add(new Figure(scenario, subject, name, Statistic.P50, h.unit(), h.p50(), h.count()));
    out.add(new Figure(scenario, subject, name, Statistic.P95, h.unit(), h.p95(), h.count()));
    out.add(new Figure(scenario, subject, name, Statistic.P99, h.unit(), h.p99(), h.count()));
  }

  private static double perSecond(long n, ScenarioResult s) {
    return s.durationMillis() <= 0 ? 0 : n * 1000.0 / s.durationMillis();
  }

  /** A step's rows together: the passed samples merged (losslessly, from their HDR data), the failed counted. */
  private static final class Step {
    Histogram passed;
    long failed;

    long passedCount() {
      return passed == null ? 0 : passed.count();
    }
  }

  private static Map<String, Step> steps(ScenarioResult s) {
    var steps = new TreeMap<String, Step>();
    for (Breakdown b : s.breakdown()) {
      String step = b.tag("step");
      if (!STEP_METRIC.equals(b.metric()) || step == null || b.histogram().count() == 0) {
        continue;
      }
      Step g = steps.computeIfAbsent(step, k -> new Step());
      if (b.tag("error") != null) {
        g.failed += b.histogram().count();
      } else {
        g.passed = g.passed == null ? b.histogram() : g.passed.merge(b.histogram());
      }
    }
    return steps;
  }
}
