package dev.liveload.report.internal;

import dev.liveload.report.Comparison;
import dev.liveload.report.Delta;
import dev.liveload.report.Delta.Verdict;
import dev.liveload.report.Tolerance;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The "compared with baseline" section of the HTML report. */
final class ComparisonHtml {
  private ComparisonHtml() {}

  static String render(Comparison c) {
    var sb = new StringBuilder(8 * 1024);
    sb.append("<section id=\"comparison\"><h2>Compared with baseline</h2>");
    sb.append("<p>Baseline <strong>").append(Html.escape(c.baseline().name())).append("</strong> (")
        .append(Html.escape(Fmt.instant(c.baseline().start()))).append(", ")
        .append(Html.escape(Fmt.duration(c.baseline().durationMillis()))).append(", run ")
        .append(Html.escape(c.baseline().id())).append(") · ").append(Html.escape(describe(c.tolerance())))
        .append("</p>");
    long regressed = c.regressions().size();
    long improved = c.improvements().size();
    sb.append("<div class=\"cards\">")
        .append(Parts.card("Regressions", Long.toString(regressed), "beyond the tolerance", regressed > 0 ? "bad"
            : "ok"))
        .append(Parts.card("Improvements", Long.toString(improved), "beyond the tolerance", ""))
        .append(Parts.card("Compared", Integer.toString(c.deltas().size()), "figures", "")).append("</div>");
    List<Delta> ordered = c.deltas().stream().sorted(Comparator.comparingInt((Delta d) -> rank(d.verdict()))
        .thenComparing(d -> -Math.abs(Double.isNaN(d.change()) ? 0 : d.change()))).toList();
    var t = new TableHtml("comparison").text("scenario").text("what").text("figure").number("baseline")
        .number("current").number("change", "relative to the baseline").text("verdict");
    for (Delta d : ordered) {
      String tone = switch (d.verdict()) {
        case REGRESSED -> "bad";
        case IMPROVED -> "ok";
        case UNCHANGED -> "muted";
        default -> "info";
      };
      t.row(d.verdict() == Verdict.REGRESSED ? "regressed" : "").cell(d.scenario())
          .cell(d.subject().name().toLowerCase(Locale.ROOT) + " " + d.name()).cell(d.statistic().label())
          .cell(d.value(d.baseline()), d.baseline()).cell(d.value(d.current()), d.current())
          .cell(Fmt.change(d.change()), d.change())
          .html(Parts.pill(d.verdict().name().toLowerCase(Locale.ROOT), tone), Integer.toString(rank(d.verdict())));
    }
    sb.append(t.render());
    return sb.append("</section>").toString();
  }

  /** The tolerance as a sentence. */
  static String describe(Tolerance t) {
    return "tolerance " + Fmt.num(t.relative() * 100) + "% (latency changes under " + Fmt.num(t.latencyMillis())
        + " ms and error-ratio changes under " + Fmt.num(t.errorRatio() * 100) + " percentage points ignored)";
  }

  private static int rank(Verdict v) {
    return switch (v) {
      case REGRESSED -> 0;
      case IMPROVED -> 1;
      case ADDED, REMOVED -> 2;
      case UNCHANGED -> 3;
    };
  }
}
