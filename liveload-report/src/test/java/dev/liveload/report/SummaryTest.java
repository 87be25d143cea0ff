package dev.liveload.report;

import static dev.liveload.report.TestResults.error;
import static dev.liveload.report.TestResults.spread;
import static org.assertj.core.api.Assertions.assertThat;

import dev.liveload.result.RunResult;
import dev.liveload.result.ThresholdResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SummaryTest {
  static RunResult result() {
    return TestResults.result("checkout run", List.of(TestResults.scenario("shop", Map.of("GET /items/{id}",
        spread(900, 1, 100, 1), "POST /cart", spread(100, 10, 20, 1)), Map.of("pay", spread(100, 30, 40, 1)),
        List.of(error("status", "status 500 (GET /items/7)", 12, "/items/{id}")), 12, 10)),
        List.of(new ThresholdResult("p95(http.duration) < 50ms", false, 95.1, "ms", "95.1ms",
            "p95 of http.duration (passed samples, 1000): 95.1ms, limit < 50ms"),
            new ThresholdResult("error_ratio < 5%", true, 0.0119, "ratio", "1.19%", "failed requests 12 of 1012")),
        TestResults.health(true, List.of("scheduling lag p99 27.7 ms (above 20 ms)"), 10), Map.of());
  }

  @Test
  void consoleSummaryHasTheKeyFiguresThresholdsAndTables() {
    RunResult r = result();
    String text = Summary.console(r);
    assertThat(text).startsWith("LiveLoad run checkout run: completed after 10.0 s, thresholds failed ✗");
    assertThat(text).contains("1,012", "101/s", "1.19%");
    assertThat(text).contains("✗  p95(http.duration) < 50ms", "✓  error_ratio < 5%", "95.1ms");
    assertThat(text).contains("GET /items/{id}", "POST /cart", "pay", "12 × status: status 500 (GET /items/7)");
    assertThat(text).contains("Load generator: saturated", "scheduling lag p99 27.7 ms (above 20 ms)");
    // the http.duration line carries its p95 as the result holds it
    String p95 = dev.liveload.report.internal.Fmt.num(r.total().metric("http.duration").p95());
    assertThat(text.lines().filter(l -> l.trim().startsWith("http.duration")).findFirst().orElseThrow()).contains(p95);
  }

  @Test
  void markdownIsTablesWithUnitsAndWindows() {
    String md = Summary.markdown(result());
    assertThat(md).startsWith("## LiveLoad run checkout run: completed after 10.0 s, thresholds failed ❌");
    assertThat(md).contains("| requests | throughput | error rate | p50 | p95 | p99 | max users | iterations |",
        "| ---: | ---: |", "| ❌ | p95(http.duration) &lt; 50ms | 95.1ms |", "Whole run. Throughput is the mean over 10.0 s",
        "| GET /items/{id} |", "p50 (ms)");
  }
}
