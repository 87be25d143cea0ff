package dev.liveload.report.internal;

import dev.liveload.report.Comparison;
import dev.liveload.result.RunResult;
import dev.liveload.result.ScenarioResult;
import java.util.ArrayList;
import java.util.List;

/** Assembles the self-contained report page: markup, inlined styles and scripts, and the chart data. */
public final class ReportPage {
  private ReportPage() {}

  /**
   * Renders the page.
   *
   * @param r          the result
   * @param comparison a comparison with a baseline, or null
   * @return the HTML document
   */
  public static String render(RunResult r, Comparison comparison) {
    List<ScenarioResult> panels = panels(r);
    long start = r.run().start().toEpochMilli();
    var sb = new StringBuilder(256 * 1024);
    sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append(dev.liveload.report.ReportAssets.CONTENT_SECURITY_POLICY)
        .append("<meta name=\"generator\" content=\"LiveLoad\">")
        .append("<title>").append(Html.escape("LiveLoad report — " + r.run().name())).append("</title>")
        .append("<style>").append(Assets.UPLOT_CSS).append('\n').append(Assets.REPORT_CSS).append("</style>")
        .append("</head><body>");
    sb.append(RunSections.header(r));
    sb.append(nav(r, comparison, panels));
    sb.append("<main>");
    sb.append(RunSections.keyFigures(r));
    sb.append(RunSections.thresholds(r));
    if (comparison != null) {
      sb.append(ComparisonHtml.render(comparison));
    }
    sb.append("<section id=\"scenarios\">");
    if (panels.size() > 1) {
      sb.append("<h2>Scenarios</h2><div class=\"tabs\" role=\"tablist\">");
      for (int i = 0; i < panels.size(); i++) {
        ScenarioResult s = panels.get(i);
        sb.append("<button type=\"button\" class=\"tab\" role=\"tab\" data-panel=\"").append(i)
            .append("\" aria-controls=\"panel-").append(i).append("\" aria-selected=\"").append(i == 0)
            .append("\">").append(Html.escape(i == 0 ? "All scenarios" : s.name()))
            .append(" <span class=\"tab-count\">").append(Html.escape(Fmt.count(s.requests() > 0 ? s.requests()
                : s.iterations()))).append("</span></button>");
      }
      sb.append("</div>");
    }
    for (int i = 0; i < panels.size(); i++) {
      ScenarioResult s = panels.get(i);
      String title = panels.size() == 1 ? "Scenario " + s.name() : i == 0 ? "All scenarios" : "Scenario " + s.name();
      sb.append(ScenarioPanel.render(s, i, title, start, i == 0, r.measurements()));
    }
    sb.append("</section>");
    sb.append(RunSections.generator(r));
    sb.append(RunSections.nodes(r.nodes()));
    sb.append(RunSections.details(r));
    sb.append("</main><footer>Rendered by LiveLoad from a <code>").append(Html.escape(r.schema()))
        .append("</code> result · times in UTC, x axes in time since the run started · charts by uPlot ")
        .append(Assets.UPLOT_VERSION).append(" (MIT licence) · works offline</footer>");
    sb.append("<script type=\"application/json\" id=\"ll-data\">")
        .append(ChartData.json(panels, r.generator(), start)).append("</script>");
    sb.append("<script>").append(Assets.UPLOT_JS).append("</script>");
    sb.append("<script>").append(Assets.REPORT_JS).append("</script>");
    return sb.append("</body></html>\n").toString();
  }

  /** The panels: the one scenario; or the total first, then each scenario. */
  static List<ScenarioResult> panels(RunResult r) {
    if (r.scenarios().size() == 1) {
      return List.of(r.scenarios().get(0));
    }
    var panels = new ArrayList<ScenarioResult>();
    panels.add(r.total());
    panels.addAll(r.scenarios());
    return panels;
  }

  private static String nav(RunResult r, Comparison c, List<ScenarioResult> panels) {
    var sb = new StringBuilder("<nav class=\"toc\"><a href=\"#summary\">Summary</a><a href=\"#thresholds\">Thresholds"
        + "</a>");
    if (c != null) {
      sb.append("<a href=\"#comparison\">Comparison</a>");
    }
    sb.append("<a href=\"#scenarios\">").append(panels.size() > 1 ? "Scenarios" : "Scenario").append("</a>")
        .append("<a href=\"#generator\">Generator</a>");
    if (!r.nodes().isEmpty()) {
      sb.append("<a href=\"#nodes\">Nodes</a>");
    }
    return sb.append("<a href=\"#details\">Details</a></nav>").toString();
  }
}
