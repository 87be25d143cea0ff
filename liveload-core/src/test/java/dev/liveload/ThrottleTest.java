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
    var firstAsked = new java.util.concurrent.atomic.AtomicLong(Long.MAX_VALUE);
    long before = System.nanoTime();
    RunResult r = LiveLoad.run(RunOptions.builder()
        .scenario("eager", user -> {
          firstAsked.accumulateAndGet(System.nanoTime(), Math::min);
          user.throttle("login");
          admitted.add(System.nanoTime());
        }, Load.constant(30, ofSeconds(3)))
        .throttle(Throttle.rate("login", 20, ofSeconds(1)))
        .gracefulStop(java.time.Duration.ZERO)
        .progress(Progress.none())
        .build());
    long after = System.nanoTime();
    assertThat(r.run().status()).isEqualTo(RunStatus.COMPLETED);
    var sorted = new ArrayList<>(admitted);
    Collections.sort(sorted);
    // 30 users always wait, so the throttle hands out one slot every 50 ms from the first request on: the k-th
    // admission is never before 50 * k ms after it (a wait is never early), whatever the machine does
    double earliest = Double.MAX_VALUE;
    double latest = 0;
    for (int k = 0; k < sorted.size(); k++) {
      double late = (sorted.get(k) - firstAsked.get()) / 1e6 - 50.0 * k;
      earliest = Math.min(earliest, late);
      latest = Math.max(latest, late);
    }
    int most = 0;
    for (int i = 0, j = 0; i < sorted.size(); i++) {
      while (sorted.get(i) - sorted.get(j) >= 1_000_000_000L) {
        j++;
      }
      most = Math.max(most, i - j + 1);
    }
    long span = sorted.get(sorted.size() - 1) - sorted.get(0);
    int seconds = (int) (span / 1_000_000_000L) + 1;
    // a user wakes late by at most what the generator reports about itself (plus a timer's 2 ms slack)
    double late = GeneratorLateness.worstCase(r) + 2;
    int lateSlots = (int) Math.ceil(late / 50);
    System.out.printf("%d admitted over %.3f s, at most %d in one second; admissions %.2f to %.2f ms after their "
        + "slots (allowed up to %.1f); %s%n", admitted.size(), span / 1e9, most, earliest, latest, late,
        GeneratorLateness.describe(r));
    assertThat(earliest).as("ms the earliest admission came before its slot").isGreaterThan(-0.1);
    // 20/s from the first request (a busy generator starts its users late) to the end of the 3 s run, which comes
    // no sooner than 3 s after LiveLoad.run was called and no later than it returned: a slot every 50 ms, less the
    // ones a late wake-up pushes past the end, and one at each edge
    double fromFirstMs = (before - firstAsked.get()) / 1e6 + 3_000;
    double toReturnMs = (after - firstAsked.get()) / 1e6;
    int least = (int) Math.floor((fromFirstMs - late) / 50) - 1;
    int most60 = (int) Math.floor(toReturnMs / 50) + 1;
    System.out.printf("first request %.1f ms after the call; %d admitted, allowed %d to %d%n",
        (firstAsked.get() - before) / 1e6, admitted.size(), least, most60);
    assertThat(admitted.size()).isBetween(least, most60);
    // smooth, not bursty: 20 slots span 950 ms, so a second holds 20, or more only by as many slots as a late
    // wake-up can crowd into it; and the admissions fill their seconds, so the fullest holds its share of them
    assertThat(most).as("most admissions in any one second")
        .isBetween((int) Math.ceil(admitted.size() / (double) seconds), 20 + lateSlots);
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
