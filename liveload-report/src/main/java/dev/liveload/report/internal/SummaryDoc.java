package dev.liveload.report.internal;

import dev.liveload.report.Comparison;
import dev.liveload.report.Delta;
import dev.liveload.result.BrowserHeadline;
import dev.liveload.result.ErrorGroup;
import dev.liveload.result.GeneratorHealth;
import dev.liveload.result.Histogram;
import dev.liveload.result.RunInfo;
import dev.liveload.result.RunResult;
import dev.liveload.result.ScenarioResult;
import dev.liveload.result.ThresholdResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What the console and Markdown summaries say about a result (and a comparison). */
public final class SummaryDoc {
  /** Lines shown per table of steps or requests; the HTML report has them all. */
  static final int TOP = 10;

  private SummaryDoc() {}

  /**
   * Writes the summary.
   *
   * @param r          the result
   * @param comparison a comparison with a baseline, or null
   * @param markdown   whether the text is for Markdown (check marks) or a console
   */
  public static Doc of(RunResult r, Comparison comparison, boolean markdown) {
    var doc = new Doc();
    RunInfo run = r.run();
    String pass = markdown ? "✅" : "✓";
    String fail = markdown ? "❌" : "✗";
    doc.heading(1, "LiveLoad run " + run.name() + ": " + run.status().name().toLowerCase(Locale.ROOT) + " after "
        + Fmt.duration(run.durationMillis()) + (r.thresholds().isEmpty() ? "" : r.passed()
            ? ", thresholds passed " + pass : ", thresholds failed " + fail));
    doc.line(Fmt.instant(run.start()) + " → " + Fmt.instant(run.end()) + " · run " + run.id()
        + (run.reason().isEmpty() ? "" : " · stopped: " + run.reason()));
    ScenarioResult t = r.total();
    BrowserHeadline browser = BrowserHeadline.of(t);
    if (browser != null) {
      // a run with browser users leads with what they did
      doc.table(BrowserFigures.headers(), List.of(BrowserFigures.row(browser)));
      doc.line("Whole run; rates are means over " + Fmt.duration(t.durationMillis()) + ". " + BrowserFigures.NOTE);
    }
    if (t.requests() > 0 || browser == null) {
      String primary = t.requests() > 0 ? "http.duration" : ScenarioPanel.primaryMetric(t);
      Histogram ph = primary == null ? null : t.metric(primary);
      doc.table(List.of(">requests", ">throughput", ">error rate", ">p50", ">p95", ">p99", ">max users",
          ">iterations"), List.of(List.of(Fmt.count(t.requests()), Fmt.rate(t.throughput()),
          Fmt.percent(t.errorRatio()), ph == null ? "-" : Fmt.value(ph.p50(), ph.unit()),
          ph == null ? "-" : Fmt.value(ph.p95(), ph.unit()), ph == null ? "-" : Fmt.value(ph.p99(), ph.unit()),
          Fmt.count(t.maxUsers()), Fmt.count(t.iterations()))));
      doc.line("Whole run. Throughput is the mean over " + Fmt.duration(t.durationMillis()) + "; percentiles are of "
          + (primary == null ? "no metric" : primary) + ", passed samples only.");
    } else {
      doc.table(List.of(">iterations", ">failed", ">error rate", ">max users"), List.of(List.of(
          Fmt.count(t.iterations()), Fmt.count(t.failedIterations()), Fmt.percent(t.errorRatio()),
          Fmt.count(t.maxUsers()))));
      doc.line("No HTTP users: the error rate is of iterations.");
    }
    if (!r.thresholds().isEmpty()) {
      doc.heading(2, "Thresholds");
      var rows = new ArrayList<List<String>>();
      for (ThresholdResult th : r.thresholds()) {
        rows.add(List.of(th.passed() ? pass : fail, th.expression(), th.observedText(), th.detail()));
      }
      doc.table(List.of("", "threshold", ">observed", "detail"), rows);
    }
    if (comparison != null) {
      comparison(doc, comparison);
    }
    List<ScenarioResult> scopes = new ArrayList<>(r.scenarios());
    if (scopes.size() > 1) {
      scopes.add(t);
    }
    for (ScenarioResult s : scopes) {
      scenario(doc, s);
    }
    generator(doc, r.generator(), t.metric("browser.queue"));
    return doc;
  }

  private static void scenario(Doc doc, ScenarioResult s) {
    doc.heading(2, (s.name().equals(ScenarioResult.TOTAL) ? "All scenarios" : "Scenario " + s.name()) + " (" + s.load()
        + ")");
    var extra = new ArrayList<String>();
    for (String c : List.of("interrupted", "dropped", "queued")) {
      if (s.count("iterations." + c) > 0) {
        extra.add(Fmt.count(s.count("iterations." + c)) + " " + c);
      }
    }
    BrowserHeadline browser = BrowserHeadline.of(s);
    String what = browser == null || s.requests() > 0 ? Fmt.count(s.requests()) + " requests (" + Fmt.rate(
        s.throughput()) + " mean over " + Fmt.duration(s.durationMillis()) + "), " + Fmt.count(s.failedRequests())
        + " failed (" + Fmt.percent(s.errorRatio()) + ") · " : "";
    if (browser != null) {
      what = Fmt.count(browser.pageViews()) + " page views (" + Fmt.rate(browser.pageViewsPerSecond()) + "), "
          + Fmt.count(browser.actions()) + " browser actions (" + Fmt.rate(browser.actionsPerSecond()) + "), "
          + Fmt.count(browser.failedActions()) + " failed, means over " + Fmt.duration(s.durationMillis()) + " · "
          + what;
    }
    doc.line(what + Fmt.count(s.iterations()) + " iterations, " + Fmt.count(s.failedIterations()) + " failed"
        + (extra.isEmpty() ? "" : ", " + String.join(", ", extra)) + " · max " + s.maxUsers() + " users");
    var rows = new ArrayList<List<String>>();
    s.metrics().forEach((name, h) -> rows.add(List.of(name, Fmt.count(h.count()), Fmt.num(h.mean()),
        Fmt.num(h.p50()), Fmt.num(h.p95()), Fmt.num(h.p99()), Fmt.num(h.max()), h.unit(), tail(Stats.of(h)))));
    doc.table(List.of("metric", ">samples", ">mean", ">p50", ">p95", ">p99", ">max", "unit", "tail"), rows);
    groups(doc, "step", Groups.of(s, "step.duration", Groups.byStep()));
    groups(doc, "request", Groups.of(s, "http.duration", Groups.byRequest()));
    if (!s.errors().isEmpty()) {
      var errors = new ArrayList<String>();
      s.errors().stream().limit(5).forEach(e -> errors.add(Fmt.count(e.count()) + " × " + e.kind() + ": "
          + e.message()));
      if (s.errors().size() > 5) {
        errors.add("… " + (s.errors().size() - 5) + " more groups, " + Fmt.count(s.errors().stream().skip(5)
            .mapToLong(ErrorGroup::count).sum()) + " errors");
      }
      doc.line("Errors:").bullets(errors);
    }
  }

  private static void groups(Doc doc, String what, List<Groups.Group> groups) {
    var rows = new ArrayList<List<String>>();
    groups.stream().limit(TOP).forEach(g -> rows.add(List.of(g.key(), Fmt.count(g.total()), Fmt.percent(
        g.errorRatio()), Fmt.num(g.passed().p50()), Fmt.num(g.passed().p95()), Fmt.num(g.passed().p99()),
        Fmt.num(g.passed().max()), tail(g.passed()))));
    String unit = groups.isEmpty() ? "" : " (" + groups.get(0).passed().unit() + ")";
    doc.table(List.of(what, ">samples", ">errors", ">p50" + unit, ">p95", ">p99", ">max", "tail"), rows);
    if (groups.size() > TOP) {
      doc.line("… and " + (groups.size() - TOP) + " more " + what + "s (the HTML report lists them all)");
    }
  }

  private static String tail(Stats s) {
    return s.longTail() ? "p99/p50 " + Fmt.num(s.tailRatio()) + " > 5" : "";
  }

  private static void generator(Doc doc, GeneratorHealth g, Histogram handOver) {
    doc.heading(2, "Load generator" + (g.saturated() ? ": saturated, it limited the load or the timings" : ""));
    if (g.merged()) {
      doc.line("Busiest of " + g.workers() + " workers, per figure (each node's own figures under Generators); "
          + "cores counted once per host.");
    }
    doc.line("CPU mean " + Fmt.num(g.cpuMeanPercent()) + "%, max " + Fmt.num(g.cpuMaxPercent()) + "% of one core ("
        + g.cores() + " cores) · heap up to " + Fmt.bytes(g.heapUsedMaxBytes()) + " · GC " + Fmt.count(g.gcMillis())
        + " ms · scheduling lag p99 " + Fmt.value(g.schedulerLag().p99(), g.schedulerLag().unit())
        + (handOver == null || handOver.count() == 0 ? "" : " · browser hand-over (browser.queue, left out of step "
            + "timings) p50 " + Fmt.value(handOver.p50(), handOver.unit()) + ", p95 " + Fmt.value(handOver.p95(),
            handOver.unit()) + ", p99 " + Fmt.value(handOver.p99(), handOver.unit())));
    doc.bullets(g.warnings());
  }

  private static void comparison(Doc doc, Comparison c) {
    doc.heading(2, "Compared with baseline " + c.baseline().name() + " (" + Fmt.instant(c.baseline().start()) + ")");
    List<Delta> changed = c.deltas().stream().filter(d -> d.verdict() != Delta.Verdict.UNCHANGED).toList();
    doc.line(c.regressions().size() + " regressed, " + c.improvements().size() + " improved, "
        + (c.deltas().size() - changed.size()) + " unchanged of " + c.deltas().size() + " figures · "
        + ComparisonHtml.describe(c.tolerance()));
    var rows = new ArrayList<List<String>>();
    changed.stream().sorted(java.util.Comparator.comparingInt((Delta d) -> d.verdict().ordinal())).limit(30)
        .forEach(d -> rows.add(List.of(d.verdict().name().toLowerCase(Locale.ROOT), d.label(), d.value(d.baseline()),
            d.value(d.current()), Fmt.change(d.change()))));
    doc.table(List.of("verdict", "figure", ">baseline", ">current", ">change"), rows);
    if (changed.size() > 30) {
      doc.line("… and " + (changed.size() - 30) + " more changes (the HTML report lists them all)");
    }
  }
}
