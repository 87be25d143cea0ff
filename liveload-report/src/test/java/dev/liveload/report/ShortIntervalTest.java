package dev.liveload.report;

import static dev.liveload.report.TestResults.START;
import static dev.liveload.report.TestResults.spread;
import static org.assertj.core.api.Assertions.assertThat;

import dev.liveload.result.Point;
import dev.liveload.result.RunResult;
import dev.liveload.result.ScenarioResult;
import dev.liveload.result.TimeSeries;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A run that started 29 ms before a wall-clock second, its first 5 requests failing at once, then 100 requests a
 * second with 1 failure: its first interval is 29 ms long. The report's rate chart must not draw those 5 failures
 * as 172 failed/s.
 */
class ShortIntervalTest {
  static RunResult shortFirstInterval() {
    long t0 = START.toEpochMilli();
    var points = new ArrayList<Point>();
    points.add(new Point(t0, 29, 5, Map.of("requests", 5L, "requests.failed", 5L, "iterations", 5L),
        Map.of("http.duration", spread(5, 1, 2, 1))));
    for (int i = 0; i < 4; i++) {
      points.add(new Point(t0 + 29 + i * 1000L, 1000, 5, Map.of("requests", 100L, "requests.failed", 1L,
          "iterations", 100L), Map.of("http.duration", spread(99, 10, 30, 1))));
    }
    points.add(new Point(t0 + 4029, 300, 0, Map.of("requests", 30L, "requests.failed", 0L, "iterations", 30L),
        Map.of("http.duration", spread(30, 10, 30, 1))));
    ScenarioResult s = TestResults.scenario("api", Map.of("GET /api", spread(431, 1, 30, 1)), Map.of(), List.of(), 9,
        5);
    s = new ScenarioResult(s.name(), s.load(), s.maxUsers(), 4329, s.counters(), s.metrics(), s.breakdown(),
        s.errors(), new TimeSeries(1000, points));
    return TestResults.result("short first interval", List.of(s), List.of(), TestResults.health(false, List.of(), 5),
        Map.of());
  }

  @Test
  void theRateChartDrawsAShortEdgeIntervalWithItsNeighbourAndSaysSo() {
    RunResult r = shortFirstInterval();
    assertThat(r.total().timeSeries().points().get(0).rate("requests.failed")).as("the true rate over 29 ms")
        .isGreaterThan(170);
    String html = HtmlReport.render(r);
    assertThat(html).contains("the first interval (29 ms) is drawn with the next, the last (300 ms) with the one "
        + "before");
    try (var browser = new ReportBrowser(); var opened = browser.open(html)) {
      @SuppressWarnings("unchecked")
      var drawn = (List<List<Number>>) opened.page.evaluate("() => document.querySelector('#panel-0 "
          + ".chart[data-chart=\"throughput\"]')._u.data.map(s => Array.from(s))");
      List<Number> x = drawn.get(0);
      List<Number> failedPerSecond = drawn.get(2);
      assertThat(x).hasSize(4);
      assertThat(x.get(0).doubleValue()).isZero();
      // the first point covers 1029 ms with 6 failures, the last 1300 ms with 1: no spike anywhere
      assertThat(failedPerSecond.get(0).doubleValue()).isCloseTo(6 / 1.029, org.assertj.core.data.Offset.offset(0.01));
      assertThat(failedPerSecond).allSatisfy(v -> assertThat(v.doubleValue()).isLessThan(6));
      assertThat(drawn.get(1)).allSatisfy(v -> assertThat(v.doubleValue()).isBetween(75.0, 105.0));
      assertThat(opened.consoleErrors).isEmpty();
    }
  }
}
