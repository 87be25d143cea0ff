package dev.liveload;

import static dev.liveload.http.Http.status;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.liveload.result.RunResult;
import dev.liveload.result.RunStatus;
import dev.liveload.result.ThresholdResult;
import dev.liveload.testing.TargetServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ThresholdTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "p95(http.duration) < 300ms",
      "p99(step:checkout) <= 1s",
      "p99.9(http.duration{scenario:Api,method:POST}) < 250us",
      "avg(iteration.duration{scenario:Browse}) < 5s",
      "max(http.connect) < 1m",
      "error_ratio < 1%",
      "error_ratio{url:\"/users/{id}\",status:500} == 0",
      "rps > 100",
      "rps{scenario:Api} >= 10/s",
      "count(dropped) == 0",
      "count(requests.failed{error:timeout}) < 5",
      "rate(requests.failed) < 2/s",
      "p50(step:add to cart) != 0",
  })
  void parses(String expression) {
    assertThat(Threshold.of(expression).expression()).isEqualTo(expression);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "p95(http.duration < 300ms        | at position 19 expected ')'",
      "p95(http.duration) 300ms         | at position 20 expected a comparison",
      "p95(http.duration) < fast        | at position 22 expected a number",
      "p95(http.duration) < 300 apples  | at position 26 expected a unit: ms (the default)",
      "p95(http.duration) < 3%          | at position 22 expected a duration",
      "q95(http.duration) < 300ms       | at position 1 expected a function",
      "p95(http.duration{host:x}) < 1s  | at position 19 expected a tag",
      "p95(http.duration{url:/a/{id}}) < 1s | expected a quoted value",
      "error_ratio < 300ms              | at position 15 expected a ratio",
      "p101(http.duration) < 1s         | expected a percentile between p0 and p100",
  })
  void rejectsInvalidExpressionsWithThePosition(String expression, String message) {
    assertThatThrownBy(() -> Threshold.of(expression.trim()))
        .isInstanceOf(InvalidOptionException.class)
        .hasMessageStartingWith("threshold = " + expression.trim())
        .hasMessageContaining(message.trim())
        .hasMessageContaining("^");
    assertThatThrownBy(() -> RunOptions.builder().threshold(expression.trim()))
        .isInstanceOf(InvalidOptionException.class);
  }

  @Test
  void verdictsWithObservedValuesAreInTheResult() {
    try (var server = TargetServer.start()) {
      RunResult r = LiveLoad.run(RunOptions.builder()
          .scenario("api", user -> {
            user.step("fast", () -> user.http().get("/delay/5").check(status(200)));
            user.http().get("/status/500").send();
          }, Load.iterations(4, 25))
          .baseUrl(server.url())
          .customMetrics("ws.frame") // declared, so that the threshold on it passes the check and finds no data
          .threshold("p95(http.duration) < 2s", "p95(step:fast) < 1ms", "error_ratio < 1%",
              "count(requests{url:\"/status/{id}\",status:500}) == 100", "rps > 1", "p99(ws.frame) < 1s")
          .progress(Progress.none())
          .build());
      List<ThresholdResult> t = r.thresholds();
      assertThat(t).extracting(ThresholdResult::expression).containsExactly("p95(http.duration) < 2s",
          "p95(step:fast) < 1ms", "error_ratio < 1%", "count(requests{url:\"/status/{id}\",status:500}) == 100", "rps > 1",
          "p99(ws.frame) < 1s");
      assertThat(t).extracting(ThresholdResult::passed).containsExactly(true, false, false, true, true, false);
      assertThat(t.get(1).observed()).isGreaterThanOrEqualTo(5.0);
      assertThat(t.get(1).unit()).isEqualTo("ms");
      assertThat(t.get(2).observed()).isEqualTo(0.5);
      assertThat(t.get(2).observedText()).isEqualTo("50%");
      assertThat(t.get(2).detail()).contains("failed requests 100 of 200");
      assertThat(t.get(3).observed()).isEqualTo(100);
      assertThat(t.get(5).observedText()).isEqualTo("no data");
      assertThat(r.passed()).isFalse();
      assertThat(LiveLoad.exitCode(r)).isEqualTo(1);
      assertThat(LiveLoad.verdict(r)).startsWith("FAILED: 3 of 6 thresholds failed")
          .contains("✗ error_ratio < 1% (observed 50%)");
      // The same verdicts from the JSON file of the run, as another machine would compute them.
      RunResult back = RunResult.fromJson(r.toJson());
      assertThat(Threshold.of("error_ratio < 1%").evaluate(back).observed()).isEqualTo(0.5);
    }
  }

  @Test
  void abortOnFailStopsTheRunEarlyAndSaysWhy() {
    try (var server = TargetServer.start()) {
      long start = System.nanoTime();
      RunResult r = LiveLoad.run(RunOptions.builder()
          .scenario("failing", user -> user.http().get("/status/503").send(), Load.constant(4, ofSeconds(60)))
          .baseUrl(server.url())
          .threshold(Threshold.of("error_ratio < 5%").abortOnFail(ofSeconds(2)), Threshold.of("rps > 0"))
          .progress(Progress.none())
          .build());
      double seconds = (System.nanoTime() - start) / 1e9;
      // failing from the first second, aborted when it has failed for 2 s: thresholds are judged once a second, so
      // within 2-3 s, late by at most the generator's reported lateness; 1 s allowed for stopping the users
      System.out.printf("aborted after %d ms (%.3f s with setup); %s%n", r.run().durationMillis(), seconds,
          GeneratorLateness.describe(r));
      assertThat(seconds).isGreaterThanOrEqualTo(2.0);
      assertThat(r.run().durationMillis()).isBetween(2_000L, (long) (3_000 + 1_000 + GeneratorLateness.worstCase(r)));
      assertThat(r.run().status()).isEqualTo(RunStatus.ABORTED);
      assertThat(r.run().reason()).startsWith("threshold error_ratio < 5% failed (observed 100% at ");
      assertThat(r.thresholds().get(0).passed()).isFalse();
      assertThat(r.thresholds().get(0).detail()).contains("aborted the run");
      assertThat(r.thresholds().get(1).passed()).isTrue();
      assertThat(LiveLoad.exitCode(r)).isEqualTo(1);
    }
  }

  /** The main helper, in its own JVM: a failing threshold exits with 1 and says which one and what was seen. */
  @Test
  void runAndExitExitsWithOneAndNamesTheFailure() throws IOException, InterruptedException {
    String java = ProcessHandle.current().info().command().orElse("java");
    Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        ThresholdMain.class.getName()).redirectErrorStream(true).start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(out).isEqualTo(1);
    assertThat(out).contains("FAILED: 1 of 2 thresholds failed").contains("✗ p95(http.duration) < 1ms (observed ")
        .contains("✓ rps > 0").contains("✗ p95(http.duration) < 1ms");
  }

  /** Run by {@link #runAndExitExitsWithOneAndNamesTheFailure}. */
  public static final class ThresholdMain {
    public static void main(String[] args) {
      var server = TargetServer.start();
      LiveLoad.runAndExit(RunOptions.builder()
          .scenario("slow", user -> user.http().get("/delay/20").check(status(200)), Load.iterations(2, 5))
          .baseUrl(server.url())
          .threshold("p95(http.duration) < 1ms", "rps > 0")
          .build());
    }
  }
}
