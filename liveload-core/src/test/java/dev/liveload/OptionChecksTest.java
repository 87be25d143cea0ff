package dev.liveload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.liveload.data.Feeder;
import dev.liveload.internal.threshold.Parser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Options that used to pass and fail late (or never): each is rejected before any load, with a message that says
 * which option, what was wrong and what is allowed.
 */
class OptionChecksTest {
  private static final Scenario.Body NOOP = user -> {};

  private static RunOptions.Builder run() {
    return RunOptions.builder().progress(Progress.none()).scenario("Api", NOOP, Load.iterations(1, 1));
  }

  private static String message(Runnable r) {
    try {
      r.run();
    } catch (InvalidOptionException e) {
      System.out.println("[" + e.option() + "] " + e.getMessage());
      return e.getMessage();
    }
    throw new AssertionError("no InvalidOptionException");
  }

  @Test
  void aThresholdOnAMetricNothingRecordsFailsTheBuild() {
    String m = message(() -> run().threshold("p95(http.durration) < 300ms").build());
    assertThat(m).startsWith("threshold = p95(http.durration) < 300ms is not allowed: no user records a metric "
        + "named 'http.durration'; did you mean http.duration? Metrics: HTTP: http.duration, http.connect; ")
        .contains("RunOptions.builder().customMetrics(\"http.durration\")");
    assertThat(message(() -> run().threshold("count(iterations.droped) == 0").build()))
        .contains("did you mean iterations.dropped?").contains("Counters: requests, requests.failed");
    assertThat(message(() -> run().threshold("p95(requests) < 5").build()))
        .endsWith("requests is a count, not a distribution: use count(requests) or rate(requests)");
    assertThat(message(() -> run().threshold("p95(http.duration{scenario:Checkout}) < 300ms").build()))
        .endsWith("the run has no scenario 'Checkout'; its scenarios are [Api]");
    // names LiveLoad records pass, in every kind; a declared custom name passes too
    run().threshold("p95(http.duration) < 300ms", "p99(step:checkout) < 1s", "p95(webvital.lcp) < 2.5s",
        "p95(ws.roundtrip) < 50ms", "count(dropped) == 0", "rate(http.retries) < 1", "count(ws.frames.sent) > 0",
        "count(browser.actions.failed) == 0", "error_ratio < 1%", "rps > 1").build();
    run().customMetrics("vendor.paint").threshold("p95(vendor.paint) < 100ms").build();
  }

  @Test
  void aRatioAboveOneWithoutPercentIsRejected() {
    assertThat(message(() -> Threshold.of("error_ratio < 5"))).startsWith("threshold = error_ratio < 5 is not "
        + "allowed: at position 15: error_ratio without % is a ratio between 0 and 1: for 5 percent write 5% or 0.05");
    assertThat(message(() -> Threshold.of("error_ratio < 150%")))
        .contains("error_ratio is a percentage between 0% and 100%, not 150%");
    assertThat(Threshold.of("error_ratio < 0.05").expression()).isEqualTo("error_ratio < 0.05");
    assertThat(Threshold.of("error_ratio <= 1").expression()).isEqualTo("error_ratio <= 1");
  }

  @Test
  void aSpaceBeforeTheUnitIsAcceptedAndUnknownUnitsAreListed() {
    assertThat(Parser.parse("p95(http.duration) < 300 ms").limit()).isEqualTo(300);
    assertThat(Parser.parse("p95(http.duration) < 300 ms").limitText()).isEqualTo("300ms");
    assertThat(Parser.parse("p99(http.duration) <  2 s").limit()).isEqualTo(2000);
    assertThat(Parser.parse("max(http.duration) < 250 us").limit()).isEqualTo(0.25);
    assertThat(Parser.parse("error_ratio < 1 %").limit()).isEqualTo(0.01);
    assertThat(Parser.parse("rps > 100 /s").limit()).isEqualTo(100);
    run().threshold("p95(http.duration) < 300 ms", "error_ratio < 1 %").build();
    assertThat(message(() -> Threshold.of("p95(http.duration) < 300 msec"))).contains("at position 26 expected "
        + "a unit: ms (the default), us (or µs), s, m (or min) for durations, % for ratios, /s for rates but found "
        + "'msec'");
    assertThat(message(() -> Threshold.of("p95(http.duration) < 300ms x"))).contains("expected a unit: ms");
  }

  @Test
  void aBaseUrlWithAPortOutOfRangeIsRejected() {
    assertThat(message(() -> RunOptions.builder().baseUrl("http://127.0.0.1:99999"))).isEqualTo(
        "baseUrl = http://127.0.0.1:99999 is not allowed: the port 99999 is out of range: ports are 1 to 65535");
    assertThat(message(() -> RunOptions.builder().baseUrl("http://127.0.0.1:0"))).contains("out of range");
  }

  @Test
  void aRaggedRowAnywhereInAFileFailsBeforeLoadForEveryStrategy(@TempDir Path dir) throws Exception {
    var lines = new StringBuilder("name,password\n");
    for (int i = 0; i < 500; i++) {
      lines.append("u").append(i).append(",p").append(i).append('\n');
    }
    lines.append("ragged\n");
    Path csv = Files.writeString(dir.resolve("users.csv"), lines);
    for (Feeder f : new Feeder[] {Feeder.csv(csv).queue(), Feeder.csv(csv).circular(), Feeder.csv(csv).random(),
        Feeder.csv(csv).shuffle(), Feeder.csv(csv).uniquePerUser()}) {
      var options = run().feeder("users", f).build();
      long before = System.nanoTime();
      assertThatThrownBy(() -> LiveLoad.run(options)).isInstanceOf(InvalidOptionException.class)
          .hasMessageContaining("feeder users = " + csv).hasMessageContaining("line 502");
      assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(60));
    }
    System.out.println(message(() -> LiveLoad.run(run().feeder("users", Feeder.csv(csv).queue()).build())));
  }
}
