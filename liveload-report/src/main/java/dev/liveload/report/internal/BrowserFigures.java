package dev.liveload.report.internal;

import dev.liveload.result.BrowserHeadline;
import dev.liveload.result.Histogram;
import java.util.ArrayList;
import java.util.List;

/**
 * What a scenario of browser users leads with ({@link BrowserHeadline}), as report cards and as a summary table:
 * page views/s, actions/s, p95 of the actions, p95 of LiveView loading, and the Web Vitals at p75 with Google's
 * good / needs-improvement / poor bands.
 */
final class BrowserFigures {
  private BrowserFigures() {}

  /** What the figures are, for a line under the summary table. */
  static final String NOTE = "Page views are documents that loaded; actions are the browser DSL's (navigations, "
      + "clicks, fills, waits...), timed in the page; LiveView loading is one phx-*-loading span per event; Web "
      + "Vitals are the p75 of page views, the percentile their thresholds are defined on.";

  /** The cards, for the run's key figures or a scenario's panel. */
  static String cards(BrowserHeadline b, boolean inpEstimated) {
    var sb = new StringBuilder();
    String over = "mean over " + Fmt.duration(Math.round(b.seconds() * 1000));
    sb.append(Parts.card("Page views", Fmt.count(b.pageViews()), Fmt.rate(b.pageViewsPerSecond()) + " · " + over
        + " · documents that loaded", ""));
    sb.append(Parts.card("Browser actions", Fmt.count(b.actions()), Fmt.rate(b.actionsPerSecond()) + " · "
        + Fmt.count(b.failedActions()) + " failed · " + Fmt.count(b.requests()) + " page requests",
        Parts.errorTone(b.actions() == 0 ? 0 : b.failedActions() / (double) b.actions())));
    Histogram a = b.action();
    sb.append(Parts.card("p95 browser.action.duration", Fmt.value(a.p95(), a.unit()), "every action, timed in the "
        + "page · p99 " + Fmt.value(a.p99(), a.unit()), ""));
    if (b.loading() != null) {
      Histogram l = b.loading();
      sb.append(Parts.card("p95 liveview.loading", Fmt.value(l.p95(), l.unit()), "one span per LiveView event · "
          + "p99 " + Fmt.value(l.p99(), l.unit()), ""));
    }
    vital(sb, "LCP p75", b.lcp(), 2500, 4000, "");
    vital(sb, "CLS p75", b.cls(), 0.1, 0.25, "");
    vital(sb, "INP p75", b.inp(), 200, 500, inpEstimated ? " · estimated" : "");
    return sb.toString();
  }

  private static void vital(StringBuilder sb, String label, Histogram h, double good, double poor, String extra) {
    if (h == null || h.count() == 0) {
      return;
    }
    String tone = h.p75() <= good ? "ok" : h.p75() <= poor ? "warn" : "bad";
    sb.append(Parts.card(label, Fmt.value(h.p75(), h.unit().equals("score") ? "" : h.unit()), "of "
        + Fmt.count(h.count()) + " page views · good up to " + Fmt.num(good) + extra, tone));
  }

  /** The summary table's headers. */
  static List<String> headers() {
    return List.of(">page views", ">page views/s", ">actions", ">actions/s", ">p95 action", ">p95 LiveView loading",
        ">LCP p75", ">CLS p75", ">INP p75");
  }

  /** The summary table's row. */
  static List<String> row(BrowserHeadline b) {
    var r = new ArrayList<String>();
    r.add(Fmt.count(b.pageViews()));
    r.add(Fmt.rate(b.pageViewsPerSecond()));
    r.add(Fmt.count(b.actions()));
    r.add(Fmt.rate(b.actionsPerSecond()));
    r.add(Fmt.value(b.action().p95(), b.action().unit()));
    r.add(b.loading() == null ? "-" : Fmt.value(b.loading().p95(), b.loading().unit()));
    r.add(p75(b.lcp()));
    r.add(b.cls() == null ? "-" : Fmt.num(b.cls().p75()));
    r.add(p75(b.inp()));
    return r;
  }

  private static String p75(Histogram h) {
    return h == null || h.count() == 0 ? "-" : Fmt.value(h.p75(), h.unit());
  }
}
