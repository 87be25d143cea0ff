package dev.liveload.report;

import static dev.liveload.report.TestResults.spread;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.liveload.InvalidOptionException;
import dev.liveload.report.Delta.Statistic;
import dev.liveload.report.Delta.Subject;
import dev.liveload.report.Delta.Verdict;
import dev.liveload.result.Histogram;
import dev.liveload.result.RunResult;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComparisonTest {

  /** One scenario: GET /api scaled by {@code api}, step checkout by {@code checkout}, step browse by {@code browse}. */
  static RunResult run(String name, double api, double checkout, double browse, long failed, boolean extra) {
    var requests = new LinkedHashMap<String, Histogram>();
    requests.put("GET /api", spread(1000, 20, 120, api));
    if (extra) {
      requests.put("GET /new", spread(100, 1, 5, 1));
    }
    var steps = new LinkedHashMap<String, Histogram>();
    steps.put("checkout", spread(500, 50, 300, checkout));
    steps.put("browse", spread(500, 10, 60, browse));
    return TestResults.result(name, List.of(TestResults.scenario("shop", requests, steps, List.of(), failed, 10)),
        List.of(), TestResults.health(false, List.of(), 10), Map.of());
  }

  @Test
  void flagsATwentyPercentP95RegressionAndIgnoresATwoPercentChangeAtFivePercent() {
    RunResult baseline = run("baseline", 1, 1, 1, 0, false);
    RunResult current = run("current", 1.20, 1.02, 1, 0, false);
    Comparison c = Comparison.of(baseline, current, Tolerance.percent(5));

    Delta api = c.find("all", Subject.REQUEST, "GET /api", Statistic.P95).orElseThrow();
    assertThat(api.change()).isCloseTo(0.20, org.assertj.core.data.Offset.offset(0.005));
    assertThat(api.verdict()).isEqualTo(Verdict.REGRESSED);
    assertThat(c.find("all", Subject.METRIC, "http.duration", Statistic.P95).orElseThrow().verdict())
        .isEqualTo(Verdict.REGRESSED);

    Delta checkout = c.find("all", Subject.STEP, "checkout", Statistic.P95).orElseThrow();
    assertThat(checkout.change()).isCloseTo(0.02, org.assertj.core.data.Offset.offset(0.005));
    assertThat(checkout.verdict()).isEqualTo(Verdict.UNCHANGED);
    assertThat(c.find("all", Subject.STEP, "browse", Statistic.P99).orElseThrow().verdict())
        .isEqualTo(Verdict.UNCHANGED);

    assertThat(c.hasRegressions()).isTrue();
    assertThat(c.regressions()).allSatisfy(d -> assertThat(d.name()).isIn("GET /api", "http.duration"));
    assertThat(api.describe()).startsWith("all · GET /api · p95: ").matches(".*ms \\(\\+(19\\.[5-9]|20\\.[0-4])%\\) regressed");

    // the same 20% at a 25% tolerance is within it
    assertThat(Comparison.of(baseline, current, Tolerance.percent(25)).hasRegressions()).isFalse();
  }

  @Test
  void judgesImprovementsThroughputErrorsAndWhatAppearedOrWent() {
    RunResult baseline = run("baseline", 1, 1, 1, 0, false);
    RunResult current = run("current", 1, 1, 0.7, 40, true);
    Comparison c = Comparison.of(baseline, current);
    assertThat(c.find("all", Subject.STEP, "browse", Statistic.P50).orElseThrow().verdict())
        .isEqualTo(Verdict.IMPROVED);
    assertThat(c.find("all", Subject.RUN, "requests", Statistic.ERROR_RATIO).orElseThrow().verdict())
        .isEqualTo(Verdict.REGRESSED);
    assertThat(c.find("all", Subject.REQUEST, "GET /new", Statistic.P95).orElseThrow().verdict())
        .isEqualTo(Verdict.ADDED);
    // more requests in the same time is not a throughput regression
    assertThat(c.find("all", Subject.RUN, "requests", Statistic.THROUGHPUT).orElseThrow().verdict())
        .isIn(Verdict.IMPROVED, Verdict.UNCHANGED);
    assertThat(Comparison.of(current, baseline).find("all", Subject.REQUEST, "GET /new", Statistic.P95)
        .orElseThrow().verdict()).isEqualTo(Verdict.REMOVED);
  }

  @Test
  void ignoresSubMillisecondNoiseUnlessTheFloorIsLowered() {
    RunResult fastBase = TestResults.result("b", List.of(TestResults.scenario("s", Map.of("GET /x",
        spread(200, 0.1, 0.3, 1)), Map.of(), List.of(), 0, 2)), List.of(), TestResults.health(false, List.of(), 2),
        Map.of());
    RunResult fastCur = TestResults.result("c", List.of(TestResults.scenario("s", Map.of("GET /x",
        spread(200, 0.1, 0.3, 1.5)), Map.of(), List.of(), 0, 2)), List.of(), TestResults.health(false, List.of(), 2),
        Map.of());
    assertThat(Comparison.of(fastBase, fastCur).hasRegressions()).isFalse();
    assertThat(Comparison.of(fastBase, fastCur, Tolerance.percent(5).latencyMillis(0)).hasRegressions()).isTrue();
  }

  @Test
  void toleranceRejectsValuesOutOfRange() {
    assertThatThrownBy(() -> Tolerance.percent(-1)).isInstanceOf(InvalidOptionException.class)
        .hasMessageContaining("tolerance");
    assertThatThrownBy(() -> new Tolerance(0.05, -1, 0)).isInstanceOf(InvalidOptionException.class)
        .hasMessageContaining("tolerance.latencyMillis");
    assertThatThrownBy(() -> Tolerance.DEFAULT.errorRatio(2)).isInstanceOf(InvalidOptionException.class)
        .hasMessageContaining("tolerance.errorRatio");
  }

  @Test
  void aBaselineFileComparesAndShowsInTheReportAndTheSummary(@TempDir Path dir) {
    Path file = run("baseline", 1, 1, 1, 0, false).write(dir.resolve("baseline.json"));
    RunResult current = run("current", 1.20, 1.02, 1, 0, false);
    Comparison c = Comparison.of(file, current);
    assertThat(c.baseline().name()).isEqualTo("baseline");
    assertThat(c.regressions()).isNotEmpty();
    String html = HtmlReport.render(current, c);
    assertThat(html).contains("Compared with baseline", "GET /api", "regressed");
    String md = Summary.markdown(current, c);
    assertThat(md).contains("Compared with baseline baseline").contains("| regressed | all · GET /api · p95 |");
    assertThat(Summary.console(current, c)).contains("regressed  all · GET /api · p95");
  }
}
