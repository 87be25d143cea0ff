package dev.liveload.report.internal;

import dev.liveload.result.BrowserHeadline;
import dev.liveload.result.ErrorGroup;
import dev.liveload.result.Histogram;
import dev.liveload.result.Measurement;
import dev.liveload.result.ScenarioResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** One scenario's panel (or the whole run's): key figures, charts and tables. */
public final class ScenarioPanel {
  private ScenarioPanel() {}

  /**
   * Renders a panel.
   *
   * @param s          the scenario, or the run total
   * @param index      panel index (its chart data is {@code panels[index]})
   * @param title      the panel's heading
   * @param startMillis the run's start, epoch ms
   * @param visible    whether the panel is shown first
   * @param declared   how the run's connections obtained their metrics ({@link
   *                   dev.liveload.result.RunResult#measurements()})
   */
  public static String render(ScenarioResult s, int index, String title, long startMillis, boolean visible,
      Map<String, Measurement> declared) {
    Marks marks = new Marks(MetricFamily.declared(declared, s, Measurement.UNSUPPORTED),
        MetricFamily.declared(declared, s, Measurement.ESTIMATED));
    boolean inpEstimated = marks.estimated().contains("webvital.inp");
    var sb = new StringBuilder(16 * 1024);
    sb.append("<div class=\"panel\" id=\"panel-").append(index).append("\" data-panel=\"").append(index)
        .append("\" role=\"tabpanel\"").append(visible ? "" : " hidden").append('>');
    sb.append("<div class=\"panel-head\"><h2>").append(Html.escape(title)).append("</h2><div class=\"muted\">load: ")
        .append(Html.escape(s.load())).append(" · users ran for ").append(Html.escape(Fmt.duration(s.durationMillis())))
        .append("</div></div>");
    cards(sb, s, inpEstimated);
    charts(sb, s);
    sb.append(Parts.heading("h3", "Metrics", "whole run · passed samples only · failed samples are in the tables below"));
    sb.append(metricTable(s, m -> true, marks));
    BreakdownTables.requests(sb, s);
    BreakdownTables.steps(sb, s);
    BreakdownTables.statuses(sb, s);
    errors(sb, s, startMillis);
    for (MetricFamily family : MetricFamily.ALL) {
      if (family.presentIn(s, marks.notMeasured())) {
        family(sb, s, family, marks);
      }
    }
    counters(sb, s);
    BreakdownTables.all(sb, s);
    return sb.append("</div>").toString();
  }

  private static void cards(StringBuilder sb, ScenarioResult s, boolean inpEstimated) {
    double seconds = s.durationMillis() / 1000.0;
    String over = "mean over " + Fmt.duration(s.durationMillis());
    sb.append("<div class=\"cards\">");
    // browser users lead with what they did; HTTP figures follow when the scenario made HTTP requests
    BrowserHeadline browser = BrowserHeadline.of(s);
    if (browser != null) {
      sb.append(BrowserFigures.cards(browser, inpEstimated));
    }
    if (s.requests() > 0 || browser == null) {
      sb.append(Parts.card("Requests", Fmt.count(s.requests()), "whole run", ""));
      sb.append(Parts.card("Throughput", Fmt.num(s.throughput()) + " req/s", over, ""));
    }
    sb.append(Parts.card("Errors", Fmt.percent(s.errorRatio()), Fmt.count(s.requests() > 0 ? s.failedRequests()
        : s.failedIterations()) + (s.requests() > 0 ? " failed requests" : " failed iterations"),
        Parts.errorTone(s.errorRatio())));
    String primary = primaryMetric(s);
    if (primary != null && (browser == null || s.requests() > 0)) {
      Histogram h = s.metric(primary);
      sb.append(Parts.card("p95 " + primary, Fmt.value(h.p95(), h.unit()), "whole run · " + Fmt.count(h.count())
          + " passed samples", ""));
    }
    var extra = new ArrayList<String>();
    extra.add(Fmt.count(s.failedIterations()) + " failed");
    for (String c : List.of("interrupted", "dropped", "queued")) {
      long n = s.count("iterations." + c);
      if (n > 0) {
        extra.add(Fmt.count(n) + " " + c);
      }
    }
    if (seconds > 0) {
      extra.add(0, Fmt.rate(s.iterations() / seconds) + " mean");
    }
    sb.append(Parts.card("Iterations", Fmt.count(s.iterations()), String.join(" · ", extra), ""));
    sb.append(Parts.card("Max users", Fmt.count(s.maxUsers()), "active at once", ""));
    sb.append("</div>");
  }

  /**
   * The metric the panel leads with: {@code http.duration} when there is one, else {@code browser.action.duration}
   * when browsers ran, else the first duration metric.
   */
  static String primaryMetric(ScenarioResult s) {
    for (String m : List.of("http.duration", "browser.action.duration")) {
      if (s.metric(m) != null && s.metric(m).count() > 0) {
        return m;
      }
    }
    return s.metrics().entrySet().stream().filter(e -> e.getValue().count() > 0)
        .sorted((a, b) -> Boolean.compare(!"ms".equals(a.getValue().unit()), !"ms".equals(b.getValue().unit())))
        .map(Map.Entry::getKey).findFirst().orElse(null);
  }

  private static void charts(StringBuilder sb, ScenarioResult s) {
    String interval = Fmt.duration(s.timeSeries().intervalMillis());
    if (s.timeSeries().points().isEmpty()) {
      sb.append(Parts.muted("No time series: nothing was recorded over time."));
    } else {
      String merged = ChartPoints.of(s.timeSeries()).note();
      sb.append(Parts.heading("h3", "Throughput and active users", "per " + interval + " interval"
          + (merged.isEmpty() ? "" : " (" + merged + ")") + " · left axis per second, right axis users"));
      sb.append(Parts.chart("throughput", "", "requests, failed requests and iterations per second, and active "
          + "users, over time"));
    }
    Set<String> timed = new TreeSet<>();
    s.timeSeries().points().forEach(p -> timed.addAll(p.metrics().keySet()));
    Set<String> all = new TreeSet<>(timed);
    s.metrics().forEach((k, v) -> {
      if (v.count() > 0) {
        all.add(k);
      }
    });
    if (all.isEmpty()) {
      return;
    }
    String primary = primaryMetric(s);
    sb.append("<div class=\"chart-head\">").append(Parts.heading("h3", "Latency and distribution", ""))
        .append("<label class=\"select\">metric <select class=\"metric-select\" aria-label=\"metric shown in the "
            + "charts below\">");
    for (String m : all) {
      sb.append("<option value=\"").append(Html.escape(m)).append('"').append(m.equals(primary) ? " selected" : "")
          .append('>').append(Html.escape(m)).append("</option>");
    }
    sb.append("</select></label></div>");
    if (!timed.isEmpty()) {
      sb.append("<h4>Percentiles over time <span class=\"note\">p50 / p95 / p99 of passed samples per ")
          .append(Html.escape(interval)).append(" interval</span></h4>");
      sb.append(Parts.chart("latency", "", "latency percentiles over time"));
    }
    sb.append("<div class=\"grid2\"><div><h4>Histogram <span class=\"note\">passed samples, whole run</span></h4>")
        .append(Parts.chart("histogram", "", "histogram of samples"))
        .append("</div><div><h4>Percentile curve <span class=\"note\">value at each percentile, whole run</span></h4>")
        .append(Parts.chart("percentiles", "", "percentile curve")).append("</div></div>");
  }

  /** Metrics the scenario's connections declared not measured, and estimated. */
  record Marks(Set<String> notMeasured, Set<String> estimated) {}

  /** The metrics table, for the metrics a filter accepts; metrics declared not measured or estimated say so. */
  static String metricTable(ScenarioResult s, java.util.function.Predicate<String> accept, Marks marks) {
    var t = new TableHtml("metrics").text("metric").text("unit").number("samples").number("min").number("mean")
        .number("stddev").number("p50").number("p75").number("p90").number("p95").number("p99").number("p99.9")
        .number("max").number("p99/p50", "tail ratio; above 5 is flagged as a long tail");
    for (var e : s.metrics().entrySet()) {
      if (!accept.test(e.getKey())) {
        continue;
      }
      Stats st = Stats.of(e.getValue());
      String about = MetricFamily.describe(e.getKey());
      if (marks.estimated().contains(e.getKey())) {
        about = (about.isEmpty() ? "" : about + " · ") + "estimated by this connection";
      }
      t.row(st.longTail() ? "warn" : "").html("<code>" + Html.escape(e.getKey()) + "</code>" + (about.isEmpty() ? ""
          : "<div class=\"about\">" + Html.escape(about) + "</div>"), e.getKey()).cell(st.unit()).count(st.count())
          .measure(st.min()).measure(st.mean()).measure(st.stddev()).measure(st.p50()).measure(st.p75())
          .measure(st.p90()).measure(st.p95()).measure(st.p99()).measure(st.p999()).measure(st.max())
          .htmlNumber(Html.escape(Fmt.num(st.tailRatio())) + Parts.tailBadge(st), st.tailRatio());
    }
    for (String m : marks.notMeasured()) {
      if (accept.test(m) && !s.metrics().containsKey(m)) {
        t.row("not-measured").html("<code>" + Html.escape(m) + "</code>", m).cell("")
            .html("<span class=\"muted\">not measured by this connection</span>", "");
      }
    }
    return t.size() == 0 ? Parts.muted("No samples.") : t.render();
  }

  private static void errors(StringBuilder sb, ScenarioResult s, long startMillis) {
    sb.append(Parts.heading("h3", "Errors", "grouped by kind and message · whole run"));
    if (s.errors().isEmpty()) {
      sb.append(Parts.muted("No errors."));
      return;
    }
    long total = s.errors().stream().mapToLong(ErrorGroup::count).sum();
    var t = new TableHtml("errors").text("kind").text("message").number("count").number("share", "of all errors")
        .text("where").number("first at", "elapsed since the run started (UTC time on hover)");
    for (ErrorGroup e : s.errors()) {
      var where = new ArrayList<String>();
      e.tags().forEach((k, v) -> where.add(k + " " + v));
      long at = e.first() == null ? 0 : e.first().toEpochMilli() - startMillis;
      t.row().html(Parts.pill(e.kind(), "bad"), e.kind()).html("<span class=\"msg\">" + Html.escape(e.message())
          + "</span>", e.message()).count(e.count()).cell(Fmt.percent(e.count() / (double) total), e.count())
          .cell(String.join(" · ", where)).htmlNumber("<span title=\"" + Html.escape(Fmt.instant(e.first())) + "\">"
              + Html.escape(Fmt.elapsed(at)) + "</span>", at);
    }
    sb.append(t.render());
  }

  private static void family(StringBuilder sb, ScenarioResult s, MetricFamily family, Marks marks) {
    sb.append("<section class=\"family\" id=\"").append(Html.escape(family.id())).append("-")
        .append(Html.escape(s.name().replaceAll("[^A-Za-z0-9_-]", "_"))).append("\">");
    sb.append(Parts.heading("h3", family.title(), "whole run · passed samples"));
    sb.append(Parts.muted(family.about()));
    sb.append(metricTable(s, family::contains, marks));
    var names = new TreeSet<String>();
    s.timeSeries().points().forEach(p -> p.metrics().keySet().stream().filter(family::contains).forEach(names::add));
    if (!names.isEmpty()) {
      sb.append("<h4>p95 over time <span class=\"note\">per ").append(Html.escape(Fmt.duration(
          s.timeSeries().intervalMillis()))).append(" interval</span></h4>");
      sb.append(Parts.chart("family", " data-metrics=\"" + Html.escape(String.join("\n", names)) + "\"",
          family.title() + " p95 over time"));
    }
    BreakdownTables.family(sb, s, family);
    sb.append("</section>");
  }

  private static void counters(StringBuilder sb, ScenarioResult s) {
    sb.append(Parts.heading("h3", "Counters", "totals over the run · per second over " + Fmt.duration(
        s.durationMillis())));
    var t = new TableHtml("counters").text("counter").number("total").number("per second");
    double seconds = s.durationMillis() / 1000.0;
    s.counters().forEach((k, v) -> t.row().html("<code>" + Html.escape(k) + "</code>", k).count(v)
        .measure(seconds > 0 ? v / seconds : 0));
    sb.append(t.size() == 0 ? Parts.muted("No counters.") : t.render());
  }
}
