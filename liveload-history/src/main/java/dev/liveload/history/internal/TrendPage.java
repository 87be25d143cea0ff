package dev.liveload.history.internal;

import static dev.liveload.report.ReportAssets.escape;

import dev.liveload.history.RunEntry;
import dev.liveload.history.Trend;
import dev.liveload.history.TrendSeries;
import dev.liveload.report.Delta;
import dev.liveload.report.Delta.Statistic;
import dev.liveload.report.Delta.Subject;
import dev.liveload.report.ReportAssets;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The trend report page: per run name, a chart per scenario, step and metric, and a table of the runs. */
public final class TrendPage {
  private static final DateTimeFormatter UTC =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final String TREND_JS = resource("trend.js");
  private static final String TREND_CSS = resource("trend.css");

  private TrendPage() {}

  /**
   * @param trends the trends
   * @param page   where the page will be (links to the runs' reports are relative to it), or null for absolute
   *               {@code file:} links
   * @return the HTML document
   */
  public static String render(List<Trend> trends, Path page) {
    Path from = page == null ? null : page.toAbsolutePath().normalize().getParent();
    var sb = new StringBuilder(256 * 1024);
    sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append(ReportAssets.CONTENT_SECURITY_POLICY)
        .append("<meta name=\"generator\" content=\"LiveLoad\"><title>LiveLoad trends</title><style>")
        .append(ReportAssets.uplotCss()).append('\n').append(ReportAssets.reportCss()).append('\n').append(TREND_CSS)
        .append("</style></head><body>");
    int runs = trends.stream().mapToInt(t -> t.runs().size()).sum();
    sb.append("<header class=\"top\"><div class=\"brand\">LiveLoad · trends</div><div class=\"title-row\"><h1>")
        .append(trends.size() == 1 ? escape(trends.get(0).name()) : trends.size() + " load tests")
        .append("</h1></div><div class=\"sub\">").append(runs).append(runs == 1 ? " run" : " runs");
    if (runs > 0) {
      var first = trends.stream().flatMap(t -> t.runs().stream()).map(RunEntry::start).min(Comparable::compareTo);
      var last = trends.stream().flatMap(t -> t.runs().stream()).map(RunEntry::start).max(Comparable::compareTo);
      sb.append(" · ").append(UTC.format(first.get())).append(" to ").append(UTC.format(last.get()));
    }
    sb.append(" · a red ring marks a value outside the spread of the runs before it</div></header>");
    if (trends.size() > 1) {
      sb.append("<nav class=\"toc\">");
      for (int i = 0; i < trends.size(); i++) {
        sb.append("<a href=\"#trend-").append(i).append("\">").append(escape(trends.get(i).name())).append("</a>");
      }
      sb.append("</nav>");
    }
    sb.append("<main>");
    if (trends.isEmpty()) {
      sb.append("<section><p class=\"muted\">No runs in the history match.</p></section>");
    }
    var data = new ArrayList<Object>();
    for (int i = 0; i < trends.size(); i++) {
      data.add(section(sb, trends.get(i), i, from));
    }
    sb.append("</main><footer>Rendered by LiveLoad from a run history · times in UTC · figures of passed samples "
        + "unless named otherwise · click a point or a run to open its report · charts by uPlot ")
        .append(ReportAssets.uplotVersion()).append(" (MIT licence) · works offline</footer>");
    sb.append("<script type=\"application/json\" id=\"ll-trend-data\">").append(ScriptJson.write(Map.of("trends",
        data))).append("</script>");
    sb.append("<script>").append(ReportAssets.uplotJs()).append("</script>");
    sb.append("<script>").append(TREND_JS).append("</script>");
    return sb.append("</body></html>\n").toString();
  }

  /** Writes one run name's section and returns its chart data. */
  private static Map<String, Object> section(StringBuilder sb, Trend t, int index, Path from) {
    var runs = new ArrayList<Map<String, Object>>();
    for (RunEntry r : t.runs()) {
      var m = new LinkedHashMap<String, Object>();
      m.put("id", r.id());
      m.put("start", r.start().toEpochMilli());
      m.put("label", UTC.format(r.start()) + (r.label("commit") == null ? "" : " · " + shortCommit(r.label("commit"))));
      m.put("href", link(r, from));
      m.put("status", r.status().name());
      runs.add(m);
    }
    var charts = new ArrayList<Map<String, Object>>();
    var groups = new LinkedHashMap<String, List<TrendSeries>>();
    t.series().forEach(s -> groups.computeIfAbsent(s.scenario() + "\u0000" + s.subject() + "\u0000" + s.name(),
        k -> new ArrayList<>()).add(s));
    sb.append("<section class=\"trend\" id=\"trend-").append(index).append("\"><h2>").append(escape(t.name()))
        .append(" <span class=\"note\">").append(t.runs().size()).append(t.runs().size() == 1 ? " run" : " runs")
        .append("</span></h2>");
    sb.append(TrendTable.latest(t));
    sb.append("<div class=\"grid2\">");
    for (List<TrendSeries> g : groups.values()) {
      TrendSeries s0 = g.get(0);
      var chart = new LinkedHashMap<String, Object>();
      boolean run = s0.subject() == Subject.RUN;
      List<TrendSeries> lines = g.stream().filter(s -> run || isPercentile(s.statistic())).toList();
      if (lines.isEmpty()) {
        continue;
      }
      chart.put("title", title(s0));
      chart.put("kind", run ? "run" : "latency");
      chart.put("unit", s0.unit());
      var series = new ArrayList<Map<String, Object>>();
      for (TrendSeries s : lines) {
        var m = new LinkedHashMap<String, Object>();
        m.put("label", s.statistic().label());
        m.put("stat", s.statistic().name());
        m.put("unit", s.unit());
        m.put("values", s.values().stream().map(v -> Double.isFinite(v) ? v : null).toList());
        var flagged = new ArrayList<Integer>();
        for (int i = 0; i < s.flagged().size(); i++) {
          if (s.flagged().get(i)) {
            flagged.add(i);
          }
        }
        m.put("flagged", flagged);
        series.add(m);
      }
      chart.put("series", series);
      sb.append("<div><h3>").append(escape(title(s0))).append("</h3><div class=\"chart\" data-trend=\"")
          .append(index).append("\" data-chart=\"").append(charts.size()).append("\"></div></div>");
      charts.add(chart);
    }
    sb.append("</div>");
    sb.append(TrendTable.runs(t, runs));
    sb.append("</section>");
    var m = new LinkedHashMap<String, Object>();
    m.put("name", t.name());
    m.put("runs", runs);
    m.put("charts", charts);
    return m;
  }

  static boolean isPercentile(Statistic s) {
    return s == Statistic.P50 || s == Statistic.P95 || s == Statistic.P99;
  }

  public static String title(TrendSeries s) {
    String what = switch (s.subject()) {
      case RUN -> s.name() + " per second and error ratio";
      case STEP -> "step " + s.name();
      default -> s.name();
    };
    return s.scenario() + " · " + what;
  }

  static String shortCommit(String commit) {
    return commit.length() > 10 && commit.chars().allMatch(c -> Character.digit(c, 16) >= 0)
        ? commit.substring(0, 10) : commit;
  }

  /** A value as the table writes it. */
  static String value(TrendSeries s, double v) {
    return new Delta(s.scenario(), s.subject(), s.name(), s.statistic(), s.unit(), v, v, Delta.Verdict.UNCHANGED)
        .value(v);
  }

  /** The link from the page to a run's report, or null when the report file is missing. */
  static String link(RunEntry r, Path from) {
    if (!Files.isRegularFile(r.report())) {
      return null;
    }
    if (from == null) {
      return r.report().toUri().toString();
    }
    try {
      String relative = from.relativize(r.report()).toString().replace('\\', '/');
      return new java.net.URI(null, null, relative, null).toASCIIString();
    } catch (IllegalArgumentException | java.net.URISyntaxException otherRoot) {
      return r.report().toUri().toString();
    }
  }

  private static String resource(String name) {
    try (InputStream in = TrendPage.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("trend report asset " + name + " is missing from the class path");
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      if (text.toLowerCase(Locale.ROOT).contains("</script") || text.contains("<!--")) {
        throw new IllegalStateException(name + " cannot be inlined: it contains </script or <!--");
      }
      return text;
    } catch (IOException e) {
      throw new UncheckedIOException("could not read trend report asset " + name, e);
    }
  }
}
