package dev.liveload.report;

import static dev.liveload.report.TestResults.score;
import static dev.liveload.report.TestResults.spread;
import static org.assertj.core.api.Assertions.assertThat;

import dev.liveload.result.Breakdown;
import dev.liveload.result.BrowserHeadline;
import dev.liveload.result.Histogram;
import dev.liveload.result.RunResult;
import dev.liveload.result.ScenarioResult;
import dev.liveload.result.TimeSeries;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A run of browser users leads with what the browsers did (page views, actions, their p95, LiveView loading, Web
 * Vitals at p75), not with HTTP figures it has none of; the generator section shows the hand-over left out of step
 * timings.
 */
class BrowserHeadlinesTest {
  static final RunResult RESULT = TestResults.result("browser headlines", List.of(shop()), List.of(),
      TestResults.health(false, List.of(), 10), Map.of());

  /** 100 iterations of browser users over 10 s: 50 page views, 300 actions (3 failed), no HTTP request. */
  static ScenarioResult shop() {
    var metrics = new LinkedHashMap<String, Histogram>();
    metrics.put("browser.action.duration", spread(297, 1, 100, 1));
    metrics.put("browser.queue", spread(200, 5, 25, 1));
    metrics.put("liveview.loading", spread(100, 50, 80, 1));
    metrics.put("step.duration", spread(100, 55, 90, 1));
    metrics.put("webvital.lcp", spread(50, 200, 1200, 1));
    metrics.put("webvital.cls", score(50, 0.0, 0.3));
    metrics.put("webvital.inp", spread(40, 10, 300, 1));
    var breakdown = metrics.entrySet().stream().map(e -> new Breakdown(e.getKey(), Map.of(), e.getValue())).toList();
    return new ScenarioResult("shop", "5 users for 10s", 5, 10_000, Map.of("browser.actions", 300L,
        "browser.actions.failed", 3L, "browser.page_views", 50L, "browser.requests", 400L, "iterations", 100L,
        "iterations.failed", 3L, "requests", 0L, "requests.failed", 0L), metrics, breakdown, List.of(),
        new TimeSeries(1000, List.of()));
  }

  @Test
  void theHeadlineIsTheBrowsers() {
    BrowserHeadline b = BrowserHeadline.of(RESULT.total());
    assertThat(b).isNotNull();
    assertThat(b.pageViewsPerSecond()).isEqualTo(5.0);
    assertThat(b.actionsPerSecond()).isEqualTo(30.0);
    assertThat(b.lcp().count()).isEqualTo(50);
    assertThat(BrowserHeadline.of(SummaryTest.result().total())).as("an HTTP run has none").isNull();
  }

  @Test
  void theReportLeadsWithBrowserFiguresAndShowsTheHandOverInTheGeneratorSection() {
    String html = HtmlReport.render(RESULT);
    assertThat(html).contains("Page views", "5/s", "Browser actions", "30/s", "p95 browser.action.duration",
        "p95 liveview.loading", "one span per LiveView event", "LCP p75", "CLS p75", "INP p75", "of 50 page views",
        "Browser hand-over", "browser.queue: a batch of actions waiting for the browser thread");
    assertThat(html).doesNotContain("card-label\">Requests<", "card-label\">Throughput<");
    int browser = html.indexOf("card-label\">Page views<");
    int errors = html.indexOf("card-label\">Error rate<");
    assertThat(browser).isPositive().isLessThan(errors);
  }

  @Test
  void theSummaryLeadsWithBrowserFigures() {
    String md = Summary.markdown(RESULT);
    assertThat(md).contains("| page views | page views/s | actions | actions/s | p95 action | p95 LiveView loading "
        + "| LCP p75 | CLS p75 | INP p75 |", "| 50 | 5/s | 300 | 30/s |", "Web Vitals are the p75 of page views",
        "No HTTP users: the error rate is of iterations.", "browser hand-over (browser.queue, left out of step "
        + "timings)", "50 page views (5/s), 300 browser actions (30/s), 3 failed");
    assertThat(md).doesNotContain("| requests | throughput |");
  }
}
