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
      // Each user started its second iteration at ~0.7 s and finished it at ~1.4 s, inside the grace period.
      assertThat(s.iterations()).isEqualTo(8);
      assertThat(s.failedIterations()).isZero();
      assertThat(s.count("iterations.interrupted")).isZero();
      assertThat(server.count("/delay/700")).isEqualTo(8);
    }
  }

  @Test
  void iterationsStillRunningAfterTheGracePeriodAreInterruptedNotFailed() {
    try (var server = TargetServer.start()) {
      long start = System.nanoTime();
      RunResult result = LiveLoad.run(RunOptions.builder()
          .scenario("stuck", user -> user.http().get("/delay/5000").send(), Load.constant(3, ofMillis(500)))
          .baseUrl(server.url())
          .gracefulStop(ofMillis(300))
          .build());
      long elapsed = (System.nanoTime() - start) / 1_000_000;
      var s = result.scenario("stuck");
      assertThat(elapsed).isLessThan(3_000);
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
      assertThat(s.iterations()).isEqualTo(12);
      assertThat(s.failedIterations()).isEqualTo(6);
      assertThat(s.requests()).isEqualTo(12);
      assertThat(s.failedRequests()).isEqualTo(6);
      assertThat(s.breakdown()).filteredOn(b -> b.metric().equals("iteration.duration") && b.tag("error") != null)
          .singleElement().satisfies(b -> {
            assertThat(b.tag("error")).isEqualTo("iteration_timeout");
            assertThat(b.histogram().count()).isEqualTo(6);
            assertThat(b.histogram().max()).isBetween(200.0, 400.0);
          });
      assertThat(s.metric("iteration.duration").count()).isEqualTo(6);
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
