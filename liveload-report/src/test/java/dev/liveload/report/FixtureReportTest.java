package dev.liveload.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.liveload.result.GeneratorHealth;
import dev.liveload.result.Histogram;
import dev.liveload.result.RunInfo;
import dev.liveload.result.RunResult;
import dev.liveload.result.RunStatus;
import dev.liveload.result.ScenarioResult;
import dev.liveload.result.TimeSeries;
import java.util.List;
import java.util.Map;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/** The checked-in liveload.result/v1 file still renders, with its figures (reports read files from older runs). */
class FixtureReportTest {
  @Test
  void theV1FixtureRendersWithItsFigures() throws Exception {
    String json = new String(Objects.requireNonNull(getClass().getResourceAsStream("/results/v1-sample.json"))
        .readAllBytes(), StandardCharsets.UTF_8);
    RunResult r = RunResult.fromJson(json);
    String html = HtmlReport.render(r);
    assertThat(html).contains("fixture", "All scenarios", "browse", "redirects", "/status/{id}",
        "status 500 (GET http://127.0.0.1:8080/status/500)", "generator saturated", "scheduling lag p99 27.7 ms");
    assertThat(Summary.console(r)).contains("87 requests", "21 × status");
  }

  @Test
  void aRunThatMeasuredNothingStillRendersAndSaysSo() {
    var empty = new ScenarioResult("s", "1 user for 1s", 0, 0, Map.of(), Map.of(), List.of(), List.of(),
        TimeSeries.empty());
    var run = new RunInfo("id", "aborted early", TestResults.START, TestResults.START, RunStatus.ABORTED,
        "a scenario bug: relative URL without a base URL", Map.of(), null);
    var r = new RunResult(RunResult.SCHEMA, run, empty, List.of(empty), List.of(), new GeneratorHealth(false,
        List.of(), 2, 0, 0, 0, 0, 0, Histogram.empty("ms", 1000), List.of()));
    assertThat(HtmlReport.render(r)).contains("ABORTED", "a scenario bug: relative URL without a base URL",
        "No time series", "No samples.", "No errors.");
    assertThat(Summary.console(r)).contains("aborted after 0 ms", "stopped: a scenario bug");
    assertThat(Summary.markdown(r)).contains("aborted after 0 ms");
  }
}
