package dev.liveload.report.internal;

import dev.liveload.report.internal.Groups.Group;
import dev.liveload.result.Breakdown;
import dev.liveload.result.ScenarioResult;
import java.util.ArrayList;
import java.util.List;

/** The tables read from a scenario's breakdown rows: by request, step, status, per family, and all rows. */
final class BreakdownTables {
  private BreakdownTables() {}

  static void requests(StringBuilder sb, ScenarioResult s) {
    List<Group> groups = Groups.of(s, "http.duration", Groups.byRequest());
    if (groups.isEmpty()) {
      return;
    }
    sb.append(Parts.heading("h3", "Requests", "by method and URL template · whole run · latency of passed "
        + "requests in ms · rate per second over " + Fmt.duration(s.durationMillis())));
    sb.append(groupTable(groups, "request", s.durationMillis(), true));
  }

  static void steps(StringBuilder sb, ScenarioResult s) {
    List<Group> groups = Groups.of(s, "step.duration", Groups.byStep());
    if (groups.isEmpty()) {
      return;
    }
    sb.append(Parts.heading("h3", "Steps", "whole run · duration of passed steps in ms"));
    sb.append(groupTable(groups, "step", s.durationMillis(), false));
  }

  static void statuses(StringBuilder sb, ScenarioResult s) {
    List<Group> groups = Groups.of(s, "http.duration", Groups.byStatus());
    if (groups.isEmpty()) {
      return;
    }
    long total = groups.stream().mapToLong(Group::total).sum();
    sb.append(Parts.heading("h3", "Status codes", "whole run · latency of passed requests in ms"));
    var t = new TableHtml("statuses").text("status").number("requests").number("share", "of all requests")
        .number("passed").number("failed").number("p50").number("p95").number("p99");
    for (Group g : groups) {
      t.row(g.passed().count() == 0 ? "bad" : "").html(statusPill(g.key()), g.key()).count(g.total())
          .cell(Fmt.percent(g.total() / (double) total), g.total()).count(g.passed().count()).count(g.failed())
          .measure(passed(g.passed(), g.passed().p50())).measure(passed(g.passed(), g.passed().p95()))
          .measure(passed(g.passed(), g.passed().p99()));
    }
    sb.append(t.render());
  }

  static void family(StringBuilder sb, ScenarioResult s, MetricFamily family) {
    var rows = new ArrayList<String>();
    s.breakdown().stream().map(Breakdown::metric).filter(family::contains).distinct().forEach(rows::add);
    for (String metric : rows) {
      List<Group> groups = Groups.of(s, metric, Groups.byStep());
      if (groups.size() < 2 && groups.stream().allMatch(g -> g.key().equals("(no step)"))) {
        continue; // one line that says what the metrics table already says
      }
      sb.append("<h4><code>").append(Html.escape(metric)).append("</code> by step</h4>");
      sb.append(groupTable(groups, "step", s.durationMillis(), false));
    }
  }

  /** Every breakdown row as recorded, folded away: the whole of what the result holds. */
  static void all(StringBuilder sb, ScenarioResult s) {
    if (s.breakdown().isEmpty()) {
      return;
    }
    var t = new TableHtml("breakdown").text("metric").text("tags").text("unit").number("samples").number("mean")
        .number("p50").number("p95").number("p99").number("max");
    for (Breakdown b : s.breakdown()) {
      var tags = new ArrayList<String>();
      b.tags().forEach((k, v) -> tags.add(k + "=" + v));
      Stats st = Stats.of(b.histogram());
      t.row(b.tag("error") == null ? "" : "failed").html("<code>" + Html.escape(b.metric()) + "</code>", b.metric())
          .cell(String.join(" · ", tags)).cell(st.unit()).count(st.count()).measure(st.mean()).measure(st.p50())
          .measure(st.p95()).measure(st.p99()).measure(st.max());
    }
    sb.append("<details class=\"all-rows\"><summary>All breakdown rows (").append(s.breakdown().size())
        .append(") <span class=\"note\">every metric × tag combination as recorded · rows with an error tag are "
            + "failed samples</span></summary>").append(t.render()).append("</details>");
  }

  private static String groupTable(List<Group> groups, String what, long durationMillis, boolean rate) {
    var t = new TableHtml(what + "s").text(what).number("samples", "passed + failed").number("failed")
        .number("error %", "failed / samples");
    if (rate) {
      t.number("per second", "samples per second over the scenario's running time");
    }
    t.number("mean").number("p50").number("p95").number("p99").number("max")
        .number("p99/p50", "tail ratio; above 5 is flagged as a long tail");
    double seconds = durationMillis / 1000.0;
    for (Group g : groups) {
      Stats p = g.passed();
      var failures = new ArrayList<String>();
      g.failures().forEach((k, v) -> failures.add(k + " " + Fmt.count(v)));
      t.row(g.failed() > 0 ? "has-failures" : "").cell(g.key()).count(g.total())
          .htmlNumber(g.failed() == 0 ? "0" : "<span title=\"" + Html.escape(String.join(", ", failures)) + "\">"
              + Html.escape(Fmt.count(g.failed())) + "</span>", g.failed())
          .cell(Fmt.percent(g.errorRatio()), g.errorRatio());
      if (rate) {
        t.measure(seconds > 0 ? g.total() / seconds : 0);
      }
      t.measure(passed(p, p.mean())).measure(passed(p, p.p50())).measure(passed(p, p.p95()))
          .measure(passed(p, p.p99())).measure(passed(p, p.max()))
          .htmlNumber(Html.escape(Fmt.num(passed(p, p.tailRatio()))) + Parts.tailBadge(p), passed(p, p.tailRatio()));
    }
    return t.render();
  }

  /** A figure of passed samples, or NaN (shown as "-") when none passed: a 0 would read as "instant". */
  private static double passed(Stats s, double figure) {
    return s.count() == 0 ? Double.NaN : figure;
  }

  private static String statusPill(String status) {
    String tone = status.startsWith("2") || status.startsWith("3") ? "ok" : status.startsWith("4")
        || status.startsWith("5") || status.equals("no response") ? "bad" : "info";
    return Parts.pill(status, tone);
  }
}
