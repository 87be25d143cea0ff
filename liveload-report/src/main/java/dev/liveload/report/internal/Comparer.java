package dev.liveload.report.internal;

import dev.liveload.report.Delta;
import dev.liveload.report.Delta.Statistic;
import dev.liveload.report.Delta.Subject;
import dev.liveload.report.Delta.Verdict;
import dev.liveload.report.Tolerance;
import dev.liveload.report.internal.Groups.Group;
import dev.liveload.result.Histogram;
import dev.liveload.result.RunResult;
import dev.liveload.result.ScenarioResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/** Computes a comparison's deltas; see {@link dev.liveload.report.Comparison} for what is compared. */
public final class Comparer {
  private static final List<Statistic> PERCENTILES = List.of(Statistic.P50, Statistic.P95, Statistic.P99);

  private Comparer() {}

  public static List<Delta> compare(RunResult baseline, RunResult current, Tolerance tolerance) {
    var out = new ArrayList<Delta>();
    new Scope(ScenarioResult.TOTAL, tolerance, out).compare(baseline.total(), current.total());
    if (baseline.scenarios().size() == 1 && current.scenarios().size() == 1
        && baseline.scenarios().get(0).name().equals(current.scenarios().get(0).name())) {
      return out; // one scenario on both sides: its figures are the run's
    }
    var names = new java.util.LinkedHashSet<String>();
    current.scenarios().forEach(s -> names.add(s.name()));
    baseline.scenarios().forEach(s -> names.add(s.name()));
    for (String name : names) {
      ScenarioResult b = find(baseline, name);
      ScenarioResult c = find(current, name);
      var scope = new Scope(name, tolerance, out);
      if (b != null && c != null) {
        scope.compare(b, c);
      } else {
        ScenarioResult only = b != null ? b : c;
        double rate = only.throughput();
        out.add(scope.delta(Subject.RUN, unitOfWork(only), Statistic.THROUGHPUT, "/s",
            b != null ? rate : Double.NaN, c != null ? rate : Double.NaN));
      }
    }
    return out;
  }

  private static ScenarioResult find(RunResult r, String name) {
    return r.scenarios().stream().filter(s -> s.name().equals(name)).findFirst().orElse(null);
  }

  private static String unitOfWork(ScenarioResult s) {
    return s.requests() > 0 ? "requests" : "iterations";
  }

  /** Judges one value pair. */
  static Verdict judge(Statistic statistic, String unit, double baseline, double current, Tolerance t) {
    if (Double.isNaN(baseline)) {
      return Verdict.ADDED;
    }
    if (Double.isNaN(current)) {
      return Verdict.REMOVED;
    }
    double diff = current - baseline;
    double floor = switch (statistic) {
      case ERROR_RATIO -> t.errorRatio();
      case THROUGHPUT -> 0;
      default -> "ms".equals(unit) ? t.latencyMillis() : 0;
    };
    double allowed = Math.max(t.relative() * Math.abs(baseline), floor);
    if (Math.abs(diff) <= allowed) {
      return Verdict.UNCHANGED;
    }
    boolean worse = statistic.higherIsWorse() ? diff > 0 : diff < 0;
    return worse ? Verdict.REGRESSED : Verdict.IMPROVED;
  }

  /** The deltas of one scenario (or the total). */
  private record Scope(String scenario, Tolerance tolerance, List<Delta> out) {
    void compare(ScenarioResult b, ScenarioResult c) {
      String work = b.requests() > 0 || c.requests() > 0 ? "requests" : "iterations";
      double bRate = work.equals("requests") ? b.throughput() : rate(b.iterations(), b.durationMillis());
      double cRate = work.equals("requests") ? c.throughput() : rate(c.iterations(), c.durationMillis());
      out.add(delta(Subject.RUN, work, Statistic.THROUGHPUT, "/s", bRate, cRate));
      out.add(delta(Subject.RUN, work, Statistic.ERROR_RATIO, "ratio", b.errorRatio(), c.errorRatio()));
      var metrics = new TreeSet<String>();
      metrics.addAll(b.metrics().keySet());
      metrics.addAll(c.metrics().keySet());
      for (String m : metrics) {
        Histogram hb = b.metric(m);
        Histogram hc = c.metric(m);
        String unit = (hc != null ? hc : hb).unit();
        if (!"ms".equals(unit)) {
          continue; // sizes and counts have no better direction
        }
        percentiles(Subject.METRIC, m, unit, stats(hb), stats(hc));
      }
      groups(Subject.STEP, "step.duration", Groups.byStep(), b, c);
      groups(Subject.REQUEST, "http.duration", Groups.byRequest(), b, c);
    }

    private void groups(Subject subject, String metric, Function<dev.liveload.result.Breakdown, String> key,
        ScenarioResult b, ScenarioResult c) {
      Map<String, Group> gb = index(Groups.of(b, metric, key));
      Map<String, Group> gc = index(Groups.of(c, metric, key));
      var keys = new TreeSet<String>(gc.keySet());
      keys.addAll(gb.keySet());
      for (String k : keys) {
        Group xb = gb.get(k);
        Group xc = gc.get(k);
        percentiles(subject, k, xc != null ? xc.passed().unit() : xb.passed().unit(),
            xb == null ? null : xb.passed(), xc == null ? null : xc.passed());
        if (xb != null && xc != null) {
          out.add(delta(subject, k, Statistic.ERROR_RATIO, "ratio", xb.errorRatio(), xc.errorRatio()));
        }
      }
    }

    private void percentiles(Subject subject, String name, String unit, Stats b, Stats c) {
      boolean hasB = b != null && b.count() > 0;
      boolean hasC = c != null && c.count() > 0;
      if (!hasB && !hasC) {
        return;
      }
      if (!hasB || !hasC) { // one line says it appeared or went away
        out.add(delta(subject, name, Statistic.P95, unit, hasB ? b.p95() : Double.NaN, hasC ? c.p95() : Double.NaN));
        return;
      }
      for (Statistic s : PERCENTILES) {
        out.add(delta(subject, name, s, unit, pick(b, s), pick(c, s)));
      }
    }

    Delta delta(Subject subject, String name, Statistic statistic, String unit, double b, double c) {
      return new Delta(scenario, subject, name, statistic, unit, b, c, judge(statistic, unit, b, c, tolerance));
    }
  }

  private static Map<String, Group> index(List<Group> groups) {
    var m = new LinkedHashMap<String, Group>();
    groups.forEach(g -> m.put(g.key(), g));
    return m;
  }

  private static Stats stats(Histogram h) {
    return h == null ? null : Stats.of(h);
  }

  private static double pick(Stats s, Statistic statistic) {
    return switch (statistic) {
      case P50 -> s.p50();
      case P95 -> s.p95();
      case P99 -> s.p99();
      default -> throw new IllegalArgumentException(statistic.name());
    };
  }

  private static double rate(long n, long millis) {
    return millis <= 0 ? 0 : n * 1000.0 / millis;
  }
}
