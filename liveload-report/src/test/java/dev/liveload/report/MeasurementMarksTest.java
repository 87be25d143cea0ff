package dev.liveload.report;

import static dev.liveload.report.TestResults.spread;
import static org.assertj.core.api.Assertions.assertThat;

import dev.liveload.result.Histogram;
import dev.liveload.result.Measurement;
import dev.liveload.result.RunResult;
import dev.liveload.result.ScenarioResult;
import dev.liveload.result.TimeSeries;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What a connection declares about its metrics reaches the report: an unsupported metric is listed as "not
 * measured" (not left out, not shown as 0) and an estimated one says so, in the scenarios that used the connection
 * only.
 */
class MeasurementMarksTest {

  @Test
  void declaredMetricsAreMarkedInTheScenariosThatUsedTheConnection() {
    ScenarioResult shop = withMetrics(TestResults.scenario("shop", Map.of("GET /", spread(20, 1, 5, 1)), Map.of(),
        List.of(), 0, 3), Map.of("browser.action.duration", spread(20, 10, 50, 1), "webvital.inp",
        spread(10, 20, 40, 1)));
    ScenarioResult api = TestResults.scenario("api", Map.of("GET /api", spread(20, 1, 5, 1)), Map.of(), List.of(), 0,
        3);
    RunResult plain = TestResults.result("marks", List.of(shop, api), List.of(), TestResults.health(false, List.of(),
        3), Map.of());
    RunResult r = new RunResult(plain.schema(), plain.run(), plain.total(), plain.scenarios(), plain.thresholds(),
        plain.generator(), plain.nodes(), Map.of("browser.action.duration", Measurement.INSTRUMENTED,
        "webvital.inp", Measurement.ESTIMATED, "webvital.cls", Measurement.UNSUPPORTED));

    String html = HtmlReport.render(r);

    String shopPanel = panel(html, "Scenario shop");
    assertThat(shopPanel).contains("<code>webvital.cls</code>").contains("not measured by this connection")
        .contains("estimated by this connection");
    assertThat(panel(html, "Scenario api")).doesNotContain("webvital.cls").doesNotContain("not measured")
        .doesNotContain("estimated by this connection");
    String without = panel(HtmlReport.render(plain), "Scenario shop");
    assertThat(without).doesNotContain("webvital.cls").doesNotContain("estimated by this connection");
  }

  private static ScenarioResult withMetrics(ScenarioResult s, Map<String, Histogram> extra) {
    var metrics = new LinkedHashMap<>(s.metrics());
    metrics.putAll(extra);
    return new ScenarioResult(s.name(), s.load(), s.maxUsers(), s.durationMillis(), s.counters(), metrics,
        s.breakdown(), s.errors(), new TimeSeries(s.timeSeries().intervalMillis(), s.timeSeries().points()));
  }

  /** The HTML of the panel with this heading, up to the next panel. */
  private static String panel(String html, String heading) {
    for (String part : html.split("<div class=\"panel\"")) {
      if (part.contains("<h2>" + heading + "</h2>")) {
        return part;
      }
    }
    throw new AssertionError("no panel " + heading);
  }
}
