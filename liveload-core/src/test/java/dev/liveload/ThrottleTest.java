package dev.liveload;

import static java.time.Duration.ofMillis;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.liveload.result.RunResult;
import dev.liveload.result.RunStatus;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ThrottleTest {

  @Test
  void aRateThrottleAdmitsItsRateWhateverTheDemand() {
    List<Long> admitted = Collections.synchronizedList(new ArrayList<>());
    RunResult r = LiveLoad.run(RunOptions.builder()
        .scenario("eager", user -> {
          user.throttle("login");
          admitted.add(System.nanoTime());
        }, Load.constant(30, ofSeconds(3)))
        .throttle(Throttle.rate("login", 20, ofSeconds(1)))
        .gracefulStop(java.time.Duration.ZERO)
        .progress(Progress.none())
        .build());
    assertThat(r.run().status()).isEqualTo(RunStatus.COMPLETED);
    // 3 s at 20/s, evenly spaced: 60 admissions, ±5%
    assertThat(admitted.size()).isBetween(57, 63);
    // smooth, not bursty: no second holds more than 20 admissions (plus one for wake-up jitter at the edges)
    var sorted = new ArrayList<>(admitted);
    Collections.sort(sorted);
    int most = 0;
    for (int i = 0, j = 0; i < sorted.size(); i++) {
      while (sorted.get(i) - sorted.get(j) >= 1_000_000_000L) {
        j++;
      }
      most = Math.max(most, i - j + 1);
    }
    assertThat(most).as("most admissions in any one second").isBetween(18, 21);
  }

  @Test
  void aParallelismThrottleKeepsAtMostNInside() {
    var inside = new AtomicInteger();
    var most = new AtomicInteger();
    LiveLoad.run(RunOptions.builder()
        .scenario("busy", user -> {
          try (var permit = user.throttle("search")) {
            most.accumulateAndGet(inside.incrementAndGet(), Math::max);
            user.think(ofMillis(20));
            inside.decrementAndGet();
          }
        }, Load.constant(20, ofSeconds(1)))
        .throttle(Throttle.parallelism("search", 3))
        .progress(Progress.none())
        .build());
    assertThat(most.get()).isEqualTo(3);
  }

  @Test
  void aThrottleRampsAndSharesScale() {
    Throttle t = Throttle.rate("r", 10, ofSeconds(1)).rampingTo(30, ofSeconds(10));
    assertThat(t.limitAt(java.time.Duration.ZERO)).isEqualTo(10);
    assertThat(t.limitAt(ofSeconds(5))).isEqualTo(20);
    assertThat(t.limitAt(ofSeconds(60))).isEqualTo(30);
    assertThat(t.share(0.5).limitAt(ofSeconds(5))).isEqualTo(10);
    assertThat(Throttle.gap("g", ofMillis(100)).share(0.25).limitAt(java.time.Duration.ZERO)).isEqualTo(400);
    assertThat(Throttle.parallelism("p", 10).share(1 / 3.0).limitAt(java.time.Duration.ZERO)).isEqualTo(3);
    assertThat(t.describe()).isEqualTo("r: 10 per 1s, ramping to 30 per 1s over 10s");
  }

  @Test
  void anUnknownThrottleAbortsTheRunWithTheNamesThereAre() {
    RunResult r = LiveLoad.run(RunOptions.builder()
        .scenario("typo", user -> user.throttle("logn"), Load.constant(2, ofSeconds(30)))
        .throttle(Throttle.gap("login", ofMillis(10)))
        .progress(Progress.none())
        .build());
    assertThat(r.run().status()).isEqualTo(RunStatus.ABORTED);
    assertThat(r.run().reason()).contains("no throttle named 'logn'; configured: [login]");
    assertThatThrownBy(() -> RunOptions.builder().throttle(Throttle.gap("a", ofMillis(1)), Throttle.gap("a",
        ofMillis(2)))).hasMessageContaining("distinct name");
  }
}
