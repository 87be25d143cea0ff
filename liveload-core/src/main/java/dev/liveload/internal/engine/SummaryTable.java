package dev.liveload.internal.engine;

import dev.liveload.result.BrowserHeadline;
import dev.liveload.result.Histogram;
import dev.liveload.result.NodeResult;
import dev.liveload.result.RunResult;
import dev.liveload.result.ScenarioResult;
import dev.liveload.result.ThresholdResult;
import java.util.Locale;

/** The end-of-test summary, in the manner of k6's: thresholds first, then each scenario's key figures. */
public final class SummaryTable {
  private SummaryTable() {}

  public static String render(RunResult r) {
    var sb = new StringBuilder("\n");
    var run = r.run();
    sb.append(String.format(Locale.ROOT, "  run '%s' %s after %.1f s%s%s%n", run.name(),
        run.status().name().toLowerCase(Locale.ROOT), run.durationMillis() / 1000.0,
        run.warmUp().isZero() ? "" : String.format(Locale.ROOT, " (the first %.1f s a warm-up, not counted)",
            run.warmUp().toMillis() / 1000.0),
        run.reason().isEmpty() ? "" : " — " + run.reason()));
    if (!r.thresholds().isEmpty()) {
      sb.append('\n');
      for (ThresholdResult t : r.thresholds()) {
        sb.append("    ").append(t.passed() ? "✓ " : "✗ ").append(dots(t.expression(), 44)).append(' ')
            .append(t.observedText()).append('\n');
      }
    }
    for (ScenarioResult s : r.scenarios()) {
      scenario(sb, s, r.scenarios().size() > 1);
    }
    if (r.scenarios().size() > 1) {
      scenario(sb, r.total(), false);
    }
    var g = r.generator();
    Histogram handOver = r.total().metric("browser.queue");
    sb.append(String.format(Locale.ROOT, "%n  %s: CPU mean %.0f%%, max %.0f%% of one core (%s); heap up "
        + "to %d MB; GC %d ms; scheduling lag p99 %.1f ms%s%s%n", generatorLabel(r), g.cpuMeanPercent(),
        g.cpuMaxPercent(), coresLabel(r), g.heapUsedMaxBytes() >> 20, g.gcMillis(), g.schedulerLag().p99(),
        handOver == null ? "" : String.format(Locale.ROOT, "; browser hand-over (browser.queue, left out of steps) "
            + "p95 %s", v(handOver.p95(), handOver.unit())),
        g.saturated() ? "\n  ! generator saturated: " + String.join("; ", g.warnings()) : g.cold()
            ? "\n  ! " + g.warnings().get(g.warnings().size() - 1) : ""));
    for (NodeResult n : r.nodes()) {
      node(sb, n);
    }
    var firsts = r.nodes().stream().map(NodeResult::firstActionSkewMillis).filter(java.util.Objects::nonNull)
        .mapToDouble(Double::doubleValue).summaryStatistics();
    if (firsts.getCount() > 1) {
      sb.append(String.format(Locale.ROOT, "  start skew: first actions %.1f ms apart across %d nodes; wake-ups "
          + "within %.1f ms%n", firsts.getMax() - firsts.getMin(), firsts.getCount(), r.nodes().stream()
          .mapToDouble(n -> Math.abs(n.startSkewMillis())).max().orElse(0)));
    }
    return sb.toString();
  }

  /** What the generator figures are of: the one generator, or the busiest of a distributed run's workers. */
  static String generatorLabel(RunResult r) {
    var g = r.generator();
    return g.merged() ? "generators (busiest of " + g.workers() + " workers, per figure)" : "generator";
  }

  private static String coresLabel(RunResult r) {
    var g = r.generator();
    if (!g.merged()) {
      return g.cores() + " cores";
    }
    long hosts = r.nodes().stream().map(NodeResult::host).distinct().count();
    return g.cores() + " cores on " + (hosts == 0 ? "its hosts" : hosts == 1 ? "1 host" : hosts + " hosts");
  }

  private static void node(StringBuilder sb, NodeResult n) {
    var g = n.generator();
    sb.append(String.format(Locale.ROOT, "  node %s on %s: %s%s, %d requests, max %d users", n.id(), n.host(),
        n.status(), n.reason().isEmpty() ? "" : " (" + n.reason() + ")", n.counters().getOrDefault("requests", 0L),
        n.maxUsers()));
    if (g != null) {
      sb.append(String.format(Locale.ROOT, "; CPU mean %.0f%%, max %.0f%%; heap up to %d MB; lag p99 %.1f ms",
          g.cpuMeanPercent(), g.cpuMaxPercent(), g.heapUsedMaxBytes() >> 20, g.schedulerLag().p99()));
    }
    sb.append(String.format(Locale.ROOT, "; woke %.1f ms after the planned start", n.startSkewMillis()));
    if (n.firstActionSkewMillis() != null) {
      sb.append(String.format(Locale.ROOT, ", first action at %+.1f ms", n.firstActionSkewMillis()));
    }
    sb.append('\n');
  }

  private static void scenario(StringBuilder sb, ScenarioResult s, boolean many) {
    sb.append(String.format(Locale.ROOT, "%n  %s — %s%n", s.name().equals(ScenarioResult.TOTAL) && many
        ? "all scenarios" : s.name(), s.load()));
    double seconds = s.durationMillis() / 1000.0;
    BrowserHeadline browser = BrowserHeadline.of(s);
    if (browser != null) {
      browser(sb, browser); // browser users lead with what they did
    }
    for (String metric : s.metrics().keySet()) {
      if (metric.equals("step.duration")) {
        // one line per step, which is what people look for
        s.breakdown().stream().filter(b -> b.metric().equals(metric) && b.tag("error") == null)
            .forEach(b -> line(sb, "step " + b.tag("step"), b.histogram()));
      } else {
        line(sb, metric, s.metric(metric));
      }
    }
    if (s.requests() > 0) {
      sb.append("    ").append(dots("requests", 22)).append(String.format(Locale.ROOT,
          " %d  %.1f/s  failed %d (%.2f%%)%s%n", s.requests(), seconds == 0 ? 0 : s.requests() / seconds,
          s.failedRequests(), 100.0 * s.failedRequests() / s.requests(),
          extra(s, "http.retries", "sent again after a closed connection")));
    }
    sb.append("    ").append(dots("iterations", 22)).append(String.format(Locale.ROOT,
        " %d  %.1f/s  failed %d%s%s%s%n", s.iterations(), seconds == 0 ? 0 : s.iterations() / seconds,
        s.failedIterations(), extra(s, "iterations.interrupted", "interrupted"),
        extra(s, "iterations.dropped", "dropped"), extra(s, "iterations.queued", "queued")));
    sb.append("    ").append(dots("users", 22)).append(" max ").append(s.maxUsers()).append('\n');
    s.errors().stream().limit(5).forEach(e -> sb.append(String.format(Locale.ROOT, "    ! %d × %s: %s%n",
        e.count(), e.kind(), e.message())));
    if (s.errors().size() > 5) {
      sb.append("    ! ... ").append(s.errors().size() - 5).append(" more kinds of error\n");
    }
  }

  private static void browser(StringBuilder sb, BrowserHeadline b) {
    Histogram a = b.action();
    sb.append("    ").append(dots("browser", 22)).append(String.format(Locale.ROOT, " %d page views %.1f/s, %d "
        + "actions %.1f/s (%d failed); p95 browser.action.duration %s%s%n", b.pageViews(), b.pageViewsPerSecond(),
        b.actions(), b.actionsPerSecond(), b.failedActions(), v(a.p95(), a.unit()), b.loading() == null ? ""
            : ", p95 liveview.loading " + v(b.loading().p95(), b.loading().unit())));
    if (b.lcp() != null || b.cls() != null || b.inp() != null) {
      sb.append("    ").append(dots("web vitals p75", 22)).append(String.format(Locale.ROOT, " LCP %s, CLS %s, "
          + "INP %s (p75 of page views)%n", b.lcp() == null ? "-" : v(b.lcp().p75(), b.lcp().unit()),
          b.cls() == null ? "-" : String.format(Locale.ROOT, "%.3f", b.cls().p75()),
          b.inp() == null ? "-" : v(b.inp().p75(), b.inp().unit())));
    }
  }

  private static void line(StringBuilder sb, String label, Histogram h) {
    sb.append("    ").append(dots(label, 22)).append(String.format(Locale.ROOT,
        " avg=%s min=%s med=%s p90=%s p95=%s p99=%s max=%s (%d passed)%n", v(h.mean(), h.unit()),
        v(h.min(), h.unit()), v(h.p50(), h.unit()), v(h.p90(), h.unit()), v(h.p95(), h.unit()),
        v(h.p99(), h.unit()), v(h.max(), h.unit()), h.count()));
  }

  private static String extra(ScenarioResult s, String counter, String label) {
    long n = s.count(counter);
    return n == 0 ? "" : ", " + label + " " + n;
  }

  private static String v(double value, String unit) {
    String n = value >= 100 ? String.format(Locale.ROOT, "%.0f", value) : value >= 10
        ? String.format(Locale.ROOT, "%.1f", value) : String.format(Locale.ROOT, "%.2f", value);
    return n + unit;
  }

  private static String dots(String label, int width) {
    if (label.length() >= width) {
      return label;
    }
    return label + " " + ".".repeat(width - label.length() - 1);
  }
}
