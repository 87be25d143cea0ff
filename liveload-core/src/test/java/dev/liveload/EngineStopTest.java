package dev.liveload;

import static dev.liveload.http.Http.status;
import static java.time.Duration.ofMillis;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;

import dev.liveload.result.RunResult;
import dev.liveload.result.RunStatus;
import dev.liveload.testing.TargetServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineStopTest {

  @Test
  void inFlightIterationsFinishWithinTheGracePeriod() {
    try (var server = TargetServer.start()) {
      RunResult result = LiveLoad.run(RunOptions.builder()
          .scenario("slow", user -> user.http().get("/delay/700").check(status(200)), Load.constant(4, ofSeconds(1)))
          .baseUrl(server.url())
          .gracefulStop(ofSeconds(5))
          .build());
      var s = result.scenario("slow");
      // Each user started its second iteration at ~0.7 s and finished it at ~1.4 s, inside the grace period; a
      // generator that woke 300 ms late would have started it after the 1 s (then it says so).
      double late = GeneratorLateness.worstCase(result);
      System.out.println(GeneratorLateness.describe(result));
      if (late < 300) {
        assertThat(s.iterations()).isEqualTo(8);
      } else {
        assertThat(s.iterations()).isIn(4L, 8L);
      }
      assertThat(s.failedIterations()).isZero();
      assertThat(s.count("iterations.interrupted")).isZero();
      assertThat(server.count("/delay/700")).isEqualTo(s.iterations());
    }
  }

  @Test
  void iterationsStillRunningAfterTheGracePeriodAreInterruptedNotFailed() {
    try (var server = TargetServer.start()) {
      long start = System.nanoTime();
      RunResult result = LiveLoad.run(RunOptions.builder()
          .scenario("stuck", user -> user.http().get("/delay/5000").send(), Load.constant(3, ofSeconds(2)))
          .baseUrl(server.url())
          .gracefulStop(ofMillis(300))
          .build());
      long elapsed = (System.nanoTime() - start) / 1_000_000;
      var s = result.scenario("stuck");
      // 2 s of run (long enough for a cold, busy generator to start its 3 users) and 300 ms of grace, late by at
      // most one wake-up of what the generator reports; 500 ms are allowed for interrupting the users and closing
      // their connections
      double late = GeneratorLateness.worstCase(result);
      System.out.printf("run %d ms (%d ms with setup); %s%n", result.run().durationMillis(), elapsed,
          GeneratorLateness.describe(result));
      assertThat(result.run().durationMillis()).as("the run ends after its grace")
          .isBetween(2_300L, (long) (2_300 + 500 + late));
      assertThat(s.count("iterations.interrupted")).isEqualTo(3);
      assertThat(s.iterations()).isZero();
      // The requests were issued, so they are counted: as failed, kind "interrupted".
      assertThat(s.requests()).isEqualTo(3).isEqualTo(s.failedRequests());
      assertThat(s.errors()).singleElement().satisfies(e -> assertThat(e.kind()).isEqualTo("interrupted"));
      assertThat(result.run().status()).isEqualTo(RunStatus.COMPLETED);
    }
  }

  @Test
  void anIterationTimeoutEndsOnlyThatIteration() {
    try (var server = TargetServer.start()) {
      RunResult result = LiveLoad.run(RunOptions.builder()
          .population(Population.of("timeouts", user -> {
            // every other iteration takes 1 s against a timeout of 200 ms
            String path = user.iteration() % 2 == 0 ? "/delay/1000" : "/delay/10";
            user.http().get(path).check(status(200));
          }, Load.iterations(2, 6)).iterationTimeout(ofMillis(200)))
          .baseUrl(server.url())
          .build());
      var s = result.scenario("timeouts");
      // The 1 s iterations time out, every one. The 10 ms ones pass, unless the target or the generator was held up
      // for 190 ms in one (a busy machine may hold the target's threads, which the generator's probe does not see),
      // and then that one times out too and is counted so: the counts below add up either way.
      long failed = s.failedIterations();
      System.out.printf("%d of 12 iterations timed out: %s; %s%n", failed, s.errors().stream()
          .map(e -> e.count() + " x " + e.message()).toList(), GeneratorLateness.describe(result));
      assertThat(s.errors()).allSatisfy(e -> assertThat(e.kind()).isEqualTo("iteration_timeout"));
      assertThat(s.errors().stream().filter(e -> e.message().contains("/delay/1000)")).mapToLong(e -> e.count())
          .sum()).as("the 1 s iterations that timed out").isEqualTo(6);
      assertThat(s.errors().stream().mapToLong(e -> e.count()).sum()).isEqualTo(failed);
      // a timed-out iteration ends only itself: every user went on to its next iteration
      assertThat(s.iterations()).isEqualTo(12);
      assertThat(s.requests()).isEqualTo(12);
      assertThat(s.failedRequests()).isEqualTo(failed);
      double late = GeneratorLateness.worstCase(result);
      assertThat(s.breakdown()).filteredOn(b -> b.metric().equals("iteration.duration") && b.tag("error") != null)
          .singleElement().satisfies(b -> {
            assertThat(b.tag("error")).isEqualTo("iteration_timeout");
            assertThat(b.histogram().count()).isEqualTo(failed);
            // the timeout never fires early; it fires late by at most one wake-up of what the generator reports,
            // and the interrupted user wakes late by as much again; 100 ms are allowed to close the request
            assertThat(b.histogram().min()).isGreaterThanOrEqualTo(199.8); // 3 significant digits
            assertThat(b.histogram().max()).isBetween(200.0, 200 + 100 + 2 * late);
          });
      assertThat(s.metric("iteration.duration").count()).isEqualTo(12 - failed);
      assertThat(s.metric("iteration.duration").max()).isLessThan(200.0);
    }
  }

  @Test
  void interruptingTheCallerReturnsThePartialResult(@TempDir Path dir) throws Exception {
    try (var server = TargetServer.start()) {
      var hundred = new CountDownLatch(100);
      server.route("/counted", exchange -> {
        hundred.countDown();
        TargetServer.send(exchange, 200, "ok");
      });
      var result = new AtomicReference<RunResult>();
      var stillInterrupted = new AtomicReference<Boolean>();
      Path file = dir.resolve("partial.json");
      Thread runner = Thread.ofPlatform().start(() -> {
        result.set(LiveLoad.run(RunOptions.builder()
            .scenario("long", user -> user.http().get("/counted").check(status(200)),
                Load.constant(4, Duration.ofMinutes(10)))
            .baseUrl(server.url())
            .resultFile(file)
            .build()));
        stillInterrupted.set(Thread.currentThread().isInterrupted());
      });
      assertThat(hundred.await(30, TimeUnit.SECONDS)).isTrue();
      runner.interrupt();
      runner.join(15_000);
      assertThat(runner.isAlive()).isFalse();

      RunResult r = result.get();
      assertThat(r.run().status()).isEqualTo(RunStatus.INTERRUPTED);
      assertThat(r.run().reason()).isEqualTo("interrupted");
      assertThat(r.total().requests()).isGreaterThanOrEqualTo(100);
      // Everything the target answered was counted; at most one request per user was cut off in flight.
      assertThat(r.total().requests() - r.total().failedRequests()).isBetween(server.count("/counted") - 4,
          server.count("/counted"));
      assertThat(stillInterrupted.get()).isTrue();
      assertThat(RunResult.read(file)).isEqualTo(r);
    }
  }

  @Test
  void usersRampUpAndDownWithTheModel() {
    try (var server = TargetServer.start()) {
      RunResult result = LiveLoad.run(RunOptions.builder()
          .scenario("ramp", user -> {
            user.http().get("/").send();
            user.think(ofMillis(50));
          }, Load.rampUp(0, 10, ofSeconds(2)).thenHold(ofSeconds(1)).thenRampDown(ofSeconds(1)))
          .baseUrl(server.url())
          .build());
      var s = result.scenario("ramp");
      assertThat(s.maxUsers()).isEqualTo(10);
      var users = s.timeSeries().points().stream().mapToInt(p -> p.users()).toArray();
      assertThat(users).contains(10);
      assertThat(users[users.length - 1]).isZero();
      assertThat(s.load()).isEqualTo("ramp 0→10 users over 2s, hold 1s, ramp 10→0 users over 1s");
      assertThat(s.failedRequests()).isZero();
    }
  }
}
