package dev.liveload.internal.threshold;

import static org.assertj.core.api.Assertions.assertThat;

import dev.liveload.Threshold;
import dev.liveload.internal.metrics.Counters;
import dev.liveload.internal.metrics.MetricKey;
import dev.liveload.internal.metrics.MetricRegistry;
import dev.liveload.internal.metrics.Sampler;
import java.util.List;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;

/**
 * The live evaluation on the real metrics path (recorders, sampler, live view), at the first sample of a run that
 * started a few milliseconds before a wall-clock second: a handful of samples must not fail or abort anything.
 */
class LiveThresholdsTest {
  static final long START = 1_780_000_000_971L; // 29 ms before a wall-clock second: the first interval is 29 ms

  final MetricRegistry registry = new MetricRegistry();
  final Counters counters = new Counters();
  final Sampler sampler = new Sampler(registry, counters, new IntSupplier[] {() -> 5}, 1000, START, null);
  long elapsedMillis;
  final LiveView view = new LiveView(registry, counters, List.of("api"), () -> this.elapsedMillis / 1000.0);

  void requests(int n, String error, long micros) {
    var key = new MetricKey(0, "http.duration", null, "GET", "/api", error == null ? 200 : 503, error);
    for (int i = 0; i < n; i++) {
      registry.series(key).record(micros);
    }
  }

  String sampleAt(LiveThresholds live, long millis) {
    elapsedMillis = millis;
    sampler.sample(START + millis, false);
    return live.evaluate(view, millis);
  }

  @Test
  void aShortFirstIntervalWithAFewFailuresNeitherFailsNorAborts() {
    var live = new LiveThresholds(List.of(Threshold.of("error_ratio < 1%").abortOnFail(),
        Threshold.of("p95(http.duration) < 10ms").abortOnFail(), Threshold.of("rate(requests.failed) < 2").abortOnFail(),
        Threshold.of("count(requests.failed) < 10").abortOnFail()));
    requests(5, "status", 2_000); // the first 5 requests failed, 2 ms each
    assertThat(sampleAt(live, 29)).isNull();
    // a second later, with 300 requests, the same 5 failures are 1.6%: now that is a failure, and it aborts
    requests(295, null, 50_000);
    assertThat(sampleAt(live, 1029)).isEqualTo("threshold error_ratio < 1% failed (observed 1.67% at 1.0 s)");
  }

  @Test
  void eachStatisticWaitsUntilNoSingleSampleCanDecideIt() {
    assertThat(LiveThresholds.samplesNeeded(expression("p95(http.duration) < 1s"))).isEqualTo(20);
    assertThat(LiveThresholds.samplesNeeded(expression("p50(http.duration) < 1s"))).isEqualTo(20);
    assertThat(LiveThresholds.samplesNeeded(expression("p99(http.duration) < 1s"))).isEqualTo(100);
    assertThat(LiveThresholds.samplesNeeded(expression("p99.9(http.duration) < 1s"))).isEqualTo(1000);
    assertThat(LiveThresholds.samplesNeeded(expression("p99.99(http.duration) < 1s"))).isEqualTo(1000);
    assertThat(LiveThresholds.samplesNeeded(expression("max(http.duration) < 1s"))).isEqualTo(20);
    assertThat(LiveThresholds.samplesNeeded(expression("error_ratio < 1%"))).isEqualTo(101);
    assertThat(LiveThresholds.samplesNeeded(expression("error_ratio < 10%"))).isEqualTo(20);
    assertThat(LiveThresholds.samplesNeeded(expression("error_ratio == 0"))).isEqualTo(20);
    assertThat(LiveThresholds.samplesNeeded(expression("count(dropped) == 0"))).isZero();
    assertThat(LiveThresholds.samplesNeeded(expression("rps > 10"))).isZero();

    var live = new LiveThresholds(List.of(Threshold.of("p99(http.duration) < 10ms").abortOnFail()));
    requests(99, null, 50_000); // 99 slow samples: p99 is 50 ms, but not yet judged
    assertThat(sampleAt(live, 29)).isNull();
    requests(1, null, 50_000);
    assertThat(sampleAt(live, 1029)).startsWith("threshold p99(http.duration) < 10ms failed (observed 50");
  }

  @Test
  void aCountIsJudgedAtOnceAndARateAfterOneSecond() {
    var count = new LiveThresholds(List.of(Threshold.of("count(requests.failed) == 0").abortOnFail()));
    requests(1, "status", 2_000);
    assertThat(sampleAt(count, 29)).isEqualTo("threshold count(requests.failed) == 0 failed (observed 1 at 0.0 s)");

    var rate = new LiveThresholds(List.of(Threshold.of("rate(requests.failed) < 2").abortOnFail()));
    requests(4, "status", 2_000);
    assertThat(sampleAt(rate, 500)).isNull();
    assertThat(sampleAt(rate, 1000)).isEqualTo("threshold rate(requests.failed) < 2 failed (observed 5/s at 1.0 s)");
  }

  private static Expression expression(String text) {
    return Parser.parse(text);
  }
}
