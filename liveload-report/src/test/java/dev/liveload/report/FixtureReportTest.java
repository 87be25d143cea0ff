package dev.liveload.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.liveload.result.RunResult;
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
}
