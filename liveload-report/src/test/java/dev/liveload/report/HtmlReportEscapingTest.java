package dev.liveload.report;

import static dev.liveload.report.TestResults.error;
import static dev.liveload.report.TestResults.spread;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import dev.liveload.result.Histogram;
import dev.liveload.result.Point;
import dev.liveload.result.RunResult;
import dev.liveload.result.ScenarioResult;
import dev.liveload.result.ThresholdResult;
import dev.liveload.result.TimeSeries;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A result full of markup and quotes renders every piece of it as text, in the page and in Markdown. */
class HtmlReportEscapingTest {
  static final String SCRIPT = "<script>window.__pwned=1</script>";
  static final String BREAKOUT = "</script><script>window.__pwned=2</script>";
  static final String ATTRIBUTE = "\"'><img src=x onerror=\"window.__pwned=3\">";
  static final String SVG = "a\"b'c<svg onload=window.__pwned=4>";
  static final String METRIC = "browser.</script><script>window.__pwned=5</script>";

  static RunResult hostileResult() {
    ScenarioResult one = TestResults.scenario(BREAKOUT, Map.of("GET /search?q=" + SCRIPT, spread(50, 1, 20, 1),
        "POST /x" + ATTRIBUTE, spread(30, 2, 30, 1)), Map.of("<img src=x onerror=window.__pwned=6>",
        spread(40, 5, 50, 1)), List.of(error("<b>check</b>", BREAKOUT + ATTRIBUTE, 4, "/e" + SCRIPT)), 4, 3);
    ScenarioResult two = TestResults.scenario(SVG, Map.of("GET /" + SVG, spread(20, 1, 5, 1)), Map.of(), List.of(), 0,
        3);
    var thresholds = List.of(new ThresholdResult("p95(step:" + SCRIPT + ") < 1s", false, 1.2, "ms",
        "<i>1.2ms</i>", "detail " + ATTRIBUTE), new ThresholdResult("error_ratio{url:\"" + SVG + "\"} < 1%", true,
        0, "ratio", "0%", BREAKOUT));
    Map<String, Object> options = new LinkedHashMap<>();
    options.put("name", SCRIPT);
    options.put("populations", List.of(Map.of("scenario", BREAKOUT, "load", ATTRIBUTE)));
    return TestResults.result("run " + SCRIPT + ATTRIBUTE, List.of(withMetric(one, METRIC), two), thresholds,
        TestResults.health(true, List.of(SCRIPT, ATTRIBUTE), 3), options);
  }

  /** Adds a metric (to the totals and to every point) whose name is itself hostile. */
  static ScenarioResult withMetric(ScenarioResult s, String name) {
    Histogram h = spread(30, 100, 900, 1);
    var metrics = new LinkedHashMap<>(s.metrics());
    metrics.put(name, h);
    var points = new ArrayList<Point>();
    for (Point p : s.timeSeries().points()) {
      var m = new LinkedHashMap<>(p.metrics());
      m.put(name, h);
      points.add(new Point(p.time(), p.millis(), p.users(), p.counters(), m));
    }
    return new ScenarioResult(s.name(), s.load() + ATTRIBUTE, s.maxUsers(), s.durationMillis(), s.counters(), metrics,
        s.breakdown(), s.errors(), new TimeSeries(s.timeSeries().intervalMillis(), points));
  }

  @Test
  void markupInTheResultIsShownAsTextAndNeverRuns() throws Exception {
    RunResult r = hostileResult();
    String html = HtmlReport.render(r);
    Files.createDirectories(Path.of("target", "report-test"));
    Files.writeString(Path.of("target", "report-test", "escaping.html"), html);
    assertThat(html).doesNotContain(SCRIPT).doesNotContain(BREAKOUT).doesNotContain("<img").doesNotContain("<svg")
        .doesNotContain("<b>check").doesNotContain("<i>1.2");
    try (var browser = new ReportBrowser(); var opened = browser.open(html)) {
      Page page = opened.page;
      for (int i = 0; i < page.locator(".tab").count(); i++) {
        page.locator(".tab").nth(i).click();
      }
      assertThat(page.evaluate("() => typeof window.__pwned")).isEqualTo("undefined");
      assertThat(page.evaluate("() => document.querySelectorAll('script').length")).isEqualTo(3);
      assertThat(page.evaluate("() => document.querySelectorAll('img, svg, iframe, b, i').length")).isEqualTo(0);
      assertThat(opened.blockedRequests).isEmpty();
      assertThat(opened.consoleErrors).isEmpty();

      // and every piece reads exactly as written
      assertThat(page.locator("h1").textContent()).isEqualTo("run " + SCRIPT + ATTRIBUTE);
      assertThat(page.locator(".tab").allTextContents()).anySatisfy(t -> assertThat(t).startsWith(BREAKOUT))
          .anySatisfy(t -> assertThat(t).startsWith(SVG));
      assertThat(page.locator("#thresholds").textContent()).contains("p95(step:" + SCRIPT + ") < 1s", "<i>1.2ms</i>",
          "detail " + ATTRIBUTE);
      page.locator(".tab").nth(1).click();
      String panel = page.locator("#panel-1").textContent();
      assertThat(panel).contains("GET /search?q=" + SCRIPT, "POST /x" + ATTRIBUTE, "<img src=x onerror=window.__pwned=6>",
          BREAKOUT + ATTRIBUTE, "<b>check</b>", METRIC);
      assertThat(page.locator("#panel-1 .metric-select option").allTextContents()).contains(METRIC);
      assertThat(page.locator("#generator").textContent()).contains(SCRIPT, ATTRIBUTE);
      assertThat(page.locator("#details").textContent()).contains(SCRIPT, BREAKOUT, ATTRIBUTE);
      // the hostile metric's data arrived intact and its chart drew
      assertThat(page.evaluate("m => Object.keys(JSON.parse(document.getElementById('ll-data').textContent)"
          + ".panels[1].lat).includes(m)", METRIC)).isEqualTo(true);
      page.locator("#panel-1 .metric-select").selectOption(METRIC);
      assertThat(page.locator("#panel-1 .chart[data-chart=\"family\"]").getAttribute("data-drawn")).matches("\\d+");
      assertThat(page.locator("#panel-1 .chart[data-chart=\"latency\"]").getAttribute("data-drawn")).matches("\\d+");
      assertThat(page.evaluate("() => typeof window.__pwned")).isEqualTo("undefined");
    }
  }

  @Test
  void markdownShowsMarkupAsText() {
    String md = Summary.markdown(hostileResult());
    assertThat(md).doesNotContain("<script").doesNotContain("<img").doesNotContain("<svg").doesNotContain("<b>")
        .contains("&lt;script&gt;window.\\_\\_pwned=1&lt;/script&gt;");
    // a | in a name cannot split a table cell
    String withPipe = Summary.markdown(TestResults.result("a|b", List.of(TestResults.scenario("s", Map.of(
        "GET /a|b", spread(10, 1, 2, 1)), Map.of(), List.of(), 0, 2)), List.of(), TestResults.health(false, List.of(), 2),
        Map.of()));
    assertThat(withPipe).contains("GET /a\\|b").doesNotContain("/a|b");
  }
}
