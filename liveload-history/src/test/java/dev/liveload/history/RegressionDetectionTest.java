package dev.liveload.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.liveload.history.SyntheticRuns.Factors;
import dev.liveload.report.Delta.Statistic;
import dev.liveload.report.Delta.Subject;
import dev.liveload.result.RunResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Regressions against history: a step made 20% slower is flagged when it happens, 2% noise never. */
class RegressionDetectionTest {
  static final String NAME = "CheckoutLoadTest.checkout";

  /** 30 runs, each figure with 2% (one standard deviation) run-to-run noise; pay 20% slower from run 25 on. */
  static List<RunResult> thirtyRuns(long seed, int slowFrom) {
    var rnd = new Random(seed);
    var runs = new ArrayList<RunResult>();
    for (int n = 1; n <= 30; n++) {
      double slow = n >= slowFrom ? 1.2 : 1.0;
      runs.add(SyntheticRuns.run(NAME, "run-" + seed + "-" + n, n, new Factors(slow * noise(rnd), noise(rnd),
          noise(rnd))));
    }
    return runs;
  }

  static double noise(Random rnd) {
    return 1 + 0.02 * rnd.nextGaussian();
  }

  @Test
  void aStepMadeTwentyPercentSlowerIsFlaggedAtRun25AndNotBefore(@TempDir Path dir) {
    try (History history = History.open(dir)) {
      List<RunResult> runs = thirtyRuns(1, 25);
      var flaggedAt = new ArrayList<Integer>();
      for (int n = 1; n <= 30; n++) {
        RunResult r = runs.get(n - 1);
        history.add(r, java.util.Map.of("branch", "main"));
        RegressionCheck check = history.check(r);
        if (n < 25) {
          assertThat(check.regressions()).as("run %d: %s", n, check.describe()).isEmpty();
        }
        if (check.regressed()) {
          flaggedAt.add(n);
        }
        if (n == 25) {
          assertThat(check.baseline()).hasSize(20);
          assertThat(check.regressions()).extracting(Regression::statistic)
              .contains(Statistic.P50, Statistic.P95, Statistic.P99);
          // the step, and what it is part of (http.duration and step.duration of both steps); never browse
          assertThat(check.regressions()).allSatisfy(g -> {
            assertThat(g.subject()).isNotEqualTo(Subject.RUN);
            assertThat(g.statistic()).isIn(Statistic.P50, Statistic.P95, Statistic.P99);
            if (g.subject() == Subject.STEP) {
              assertThat(g.name()).isEqualTo("pay");
            }
          });
          Regression p95 = check.regressions().stream().filter(g -> g.subject() == Subject.STEP
              && g.statistic() == Statistic.P95).findFirst().orElseThrow();
          assertThat(p95.current()).isEqualTo(r.scenario("Checkout").breakdown().get(0).histogram().p95());
          assertThat(p95.change()).isBetween(0.14, 0.26);
          assertThat(p95.low()).isLessThan(p95.median()).isLessThan(p95.high()).isLessThan(p95.current());
          assertThat(p95.describe()).startsWith("Checkout · step pay · p95 = ").contains(" ms, above the last 20 runs: ")
              .contains("median ").contains("flagged above ");
          assertThat(check.describe()).contains("in " + NAME + " against its last 20 runs:");
        }
      }
      assertThat(flaggedAt).first().isEqualTo(25);
      // the trend flags the same points: pay's p95 from run 25 on while the median is still the old one
      Trend trend = history.trends(RunQuery.named(NAME)).get(0);
      TrendSeries p95 = trend.series("Checkout", "pay", Statistic.P95).orElseThrow();
      assertThat(p95.flagged().subList(0, 24)).containsOnly(false);
      assertThat(p95.flagged().get(24)).isTrue();
      assertThat(trend.series("Checkout", "browse", Statistic.P95).orElseThrow().flagged()).containsOnly(false);
    }
  }

  @Test
  void twoPercentNoiseIsNeverFlagged() {
    // the rule itself over many noise-only histories (each: 30 runs, every figure judged against its last 20)
    int judged = 0;
    for (long seed = 1; seed <= 200; seed++) {
      var rnd = new Random(seed);
      var values = new ArrayList<Double>();
      for (int n = 0; n < 30; n++) {
        double v = 100 * noise(rnd);
        if (values.size() >= RegressionRule.DEFAULT.minRuns()) {
          var history = values.subList(Math.max(0, values.size() - 20), values.size());
          var f = new dev.liveload.history.internal.Figure("Checkout", Subject.STEP, "pay", Statistic.P95, "ms", v,
              1000);
          assertThat(dev.liveload.history.internal.Detector.judge(f, history, RegressionRule.DEFAULT))
              .as("seed %d run %d", seed, n + 1).isNull();
          judged++;
        }
        values.add(v);
      }
    }
    assertThat(judged).isEqualTo(200 * 25);
  }

  @Test
  void twoPercentNoiseInWholeRunsIsNeverFlagged(@TempDir Path dir) {
    try (History history = History.open(dir)) {
      for (RunResult r : thirtyRuns(7, Integer.MAX_VALUE)) {
        history.add(r);
        assertThat(history.check(r).regressions()).as(r.run().id()).isEmpty();
      }
      assertThat(history.trends(RunQuery.all()).get(0).series()).allSatisfy(s ->
          assertThat(s.flagged()).as(s.name() + " " + s.statistic()).containsOnly(false));
    }
  }

  @Test
  void aFigureIsNotJudgedWithoutEnoughHistoryAndThroughputIsWorseWhenLower(@TempDir Path dir) {
    try (History history = History.open(dir)) {
      for (int n = 1; n <= 4; n++) {
        history.add(SyntheticRuns.run(NAME, "r" + n, n, new Factors(1, 1, 1)));
      }
      RunResult slowAndFewer = SyntheticRuns.run(NAME, "r5", 5, new Factors(2, 1, 0.5));
      RegressionCheck early = history.check(slowAndFewer);
      assertThat(early.regressed()).isFalse();
      assertThat(early.describe()).isEqualTo("not judged against history: " + NAME + " has 4 earlier completed runs "
          + "there, 5 needed");
      history.add(SyntheticRuns.run(NAME, "r5", 5, new Factors(1, 1, 1)));
      RegressionCheck check = history.check(SyntheticRuns.run(NAME, "r6", 6, new Factors(1, 1, 0.5)));
      // half the rate: the scenario's requests/s and each step's steps/s, nothing else
      assertThat(check.regressions()).extracting(g -> g.subject() + " " + g.name()).containsExactly(
          "RUN requests", "STEP browse", "STEP pay");
      assertThat(check.regressions()).allSatisfy(g -> {
        assertThat(g.statistic()).isEqualTo(Statistic.THROUGHPUT);
        assertThat(g.describe()).contains("below the last 5 runs");
      });
      // a narrower baseline: only runs labelled branch=main (none are)
      assertThat(history.check(slowAndFewer, RunQuery.all().label("branch", "main"), RegressionRule.DEFAULT)
          .baseline()).isEmpty();
    }
  }
}
