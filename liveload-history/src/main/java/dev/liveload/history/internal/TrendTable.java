package dev.liveload.history.internal;

import static dev.liveload.report.ReportAssets.escape;

import dev.liveload.history.RunEntry;
import dev.liveload.history.Trend;
import dev.liveload.history.TrendSeries;
import dev.liveload.report.Delta.Statistic;
import dev.liveload.report.Delta.Subject;
import dev.liveload.result.RunStatus;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The trend report's tables: what the latest run flagged, and every run with its figures. */
final class TrendTable {
  private static final DateTimeFormatter UTC =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

  private TrendTable() {}

  /** The latest run's verdict against the runs before it. */
  static String latest(Trend t) {
    if (t.runs().isEmpty()) {
      return "";
    }
    int last = t.runs().size() - 1;
    List<TrendSeries> flagged = t.series().stream().filter(s -> s.flagged().get(last)).toList();
    if (flagged.isEmpty()) {
      return "<div class=\"alert ok\">The latest run is within the spread of the runs before it.</div>";
    }
    var sb = new StringBuilder("<div class=\"alert bad\">The latest run has ").append(flagged.size())
        .append(flagged.size() == 1 ? " figure" : " figures").append(" outside the spread of the runs before it:<ul>");
    for (TrendSeries s : flagged) {
      sb.append("<li>").append(escape(TrendPage.title(s).replace(" per second and error ratio", "") + " · "
          + s.statistic().label() + " = " + TrendPage.value(s, s.values().get(last)))).append("</li>");
    }
    return sb.append("</ul></div>").toString();
  }

  /** Every run, newest first: when, labels, status, thresholds, and its figures (flagged ones marked). */
  static String runs(Trend t, List<Map<String, Object>> links) {
    List<TrendSeries> columns = t.series().stream().filter(s -> s.subject() == Subject.RUN
        || s.subject() == Subject.STEP && s.statistic() == Statistic.P95).toList();
    var sb = new StringBuilder("<h3>Runs</h3><div class=\"table-wrap\"><table class=\"runs\"><thead><tr>"
        + "<th>start (UTC)</th><th>run</th><th>labels</th><th>status</th><th class=\"n\">thresholds failed</th>");
    for (TrendSeries s : columns) {
      String head = s.subject() == Subject.RUN
          ? (s.scenario() + " · " + (s.statistic() == Statistic.THROUGHPUT ? s.name() + "/s" : "error ratio"))
          : s.scenario() + " · " + s.name() + " · p95";
      sb.append("<th class=\"n\">").append(escape(head)).append("</th>");
    }
    sb.append("</tr></thead><tbody>");
    for (int i = t.runs().size() - 1; i >= 0; i--) {
      RunEntry r = t.runs().get(i);
      String href = (String) links.get(i).get("href");
      sb.append("<tr data-run=\"").append(escape(r.id())).append("\"><td data-s=\"").append(r.start().toEpochMilli())
          .append("\">").append(UTC.format(r.start())).append("</td><td>");
      if (href != null) {
        sb.append("<a href=\"").append(escape(href)).append("\">").append(escape(shortId(r.id()))).append("</a>");
      } else {
        sb.append(escape(shortId(r.id()))).append(" <span class=\"muted\">(no report)</span>");
      }
      sb.append("</td><td>");
      r.labels().forEach((k, v) -> sb.append("<span class=\"pill muted\">").append(escape(k)).append('=')
          .append(escape(k.equals("commit") ? TrendPage.shortCommit(v) : v)).append("</span> "));
      boolean ok = r.status() == RunStatus.COMPLETED;
      sb.append("</td><td><span class=\"pill ").append(ok ? "ok" : "warn").append("\">")
          .append(r.status().name().toLowerCase(Locale.ROOT)).append("</span></td><td class=\"n\" data-v=\"")
          .append(r.thresholdsFailed()).append("\">").append(r.thresholdsFailed()).append(" of ")
          .append(r.thresholds()).append("</td>");
      for (TrendSeries s : columns) {
        double v = s.values().get(i);
        boolean flag = s.flagged().get(i);
        sb.append("<td class=\"n").append(flag ? " flagged" : "").append("\" data-v=\"")
            .append(Double.isFinite(v) ? Double.toString(v) : "null").append("\">")
            .append(Double.isFinite(v) ? escape(TrendPage.value(s, v)) : "-")
            .append(flag ? " <span class=\"pill bad\" title=\"outside the spread of the runs before it\">!</span>"
                : "").append("</td>");
      }
      sb.append("</tr>");
    }
    return sb.append("</tbody></table></div>").toString();
  }

  private static String shortId(String id) {
    return id.length() > 13 ? id.substring(0, 13) + "…" : id;
  }
}
