package dev.liveload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.liveload.result.Point;
import dev.liveload.result.RunResult;
import dev.liveload.result.ScenarioResult;
import dev.liveload.testing.TargetServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * A warm-up: the load runs from the start, what is recorded before the warm-up ends is in no total, histogram,
 * counter or error group of the result, and the time series keeps it, in points that end exactly where the
 * measured part begins. A generator that is still compiling its own code when measurement begins is flagged cold.
 */
class WarmUpTest {

  @Test
  void whatTheWarmUpRecordedIsShownButNotCounted() {
    var firstIteration = new AtomicLong();
    try (var server = TargetServer.start()) {
      RunResult r = LiveLoad.run(RunOptions.builder().baseUrl(server.url()).progress(Progress.none())
          .warmUp(Duration.ofSeconds(2))
          .scenario("api", user -> {
            long now = System.nanoTime();
            firstIteration.compareAndSet(0, now);
            // failures only in the first second: well inside the warm-up, whatever the machine does
            boolean early = now - firstIteration.get() < TimeUnit.SECONDS.toNanos(1);
            user.http().get(early ? "/status/500" : "/delay/2").send();
            user.think(Duration.ofMillis(20));
          }, Load.constant(2, Duration.ofSeconds(4)))
          .build());
      ScenarioResult s = r.scenario("api");
      List<Point> points = s.timeSeries().points();
      long measuredFrom = r.run().measuredFrom().toEpochMilli();
      assertThat(r.run().warmUp()).isEqualTo(Duration.ofSeconds(2));
      assertThat(r.run().options()).containsEntry("warmUp", "PT2S");
      List<Point> warm = points.stream().filter(r.run()::inWarmUp).toList();
      List<Point> measured = points.stream().filter(p -> !r.run().inWarmUp(p)).toList();
      assertThat(warm).isNotEmpty();
      assertThat(measured).isNotEmpty();
      // no point straddles the end of the warm-up
      Point lastWarm = warm.get(warm.size() - 1);
      assertThat(lastWarm.time() + lastWarm.millis()).isEqualTo(measured.get(0).time());
      // the first measured point begins at the first sample after the warm-up: within an interval, late by at most
      // one wake-up of the ticker (what the generator reports about itself)
      assertThat(measured.get(0).time()).isBetween(measuredFrom,
          measuredFrom + 1000 + (long) GeneratorLateness.worstCase(r));
      // every request the server saw is in the time series; the result counts the measured ones only
      long warmRequests = warm.stream().mapToLong(p -> p.count("requests")).sum();
      long measuredRequests = measured.stream().mapToLong(p -> p.count("requests")).sum();
      assertThat(warmRequests + measuredRequests).isEqualTo(server.total());
      assertThat(s.requests()).isEqualTo(measuredRequests).isPositive();
      assertThat(s.metric("http.duration").count()).isEqualTo(measuredRequests);
      assertThat(s.iterations()).isEqualTo(measured.stream().mapToLong(p -> p.count("iterations")).sum());
      // the failures of the warm-up are shown in its points, and are neither counted nor grouped
      assertThat(warm.stream().mapToLong(p -> p.count("requests.failed")).sum()).isPositive();
      assertThat(s.failedRequests()).isZero();
      assertThat(s.errors()).isEmpty();
      assertThat(s.breakdown()).allSatisfy(b -> assertThat(b.tag("error")).isNull());
      // throughput is over the measured time
      assertThat(s.durationMillis()).isLessThanOrEqualTo(r.run().durationMillis() - 2000 + 50);
      // the totals equal the run with the same data and no warm-up would have counted after measuredFrom
      assertThat(r.total().requests()).isEqualTo(s.requests());
    }
  }

  @Test
  void aWarmUpMustLeaveSomethingToMeasure() {
    var e = org.assertj.core.api.Assertions.catchThrowableOfType(InvalidOptionException.class, () ->
        RunOptions.builder().scenario("s", u -> {}, Load.constant(1, Duration.ofSeconds(5)))
            .warmUp(Duration.ofSeconds(5)).build());
    assertThat(e).hasMessage("warmUp = PT5S is not allowed: must be shorter than the run, or nothing is measured: "
        + "the longest load lasts PT5S");
  }

  /** Runs a short load in a fresh JVM, whose generator is cold by nature, and prints its health. */
  public static final class FreshJvm {
    public static void main(String[] args) {
      try (var server = TargetServer.start()) {
        RunResult r = LiveLoad.run(RunOptions.builder().baseUrl(server.url()).progress(Progress.none())
            .scenario("api", u -> u.http().get("/delay/5").send(), Load.constant(4, Duration.ofSeconds(3))).build());
        System.out.println("cold=" + r.generator().cold());
        System.out.println("warnings=" + r.generator().warnings());
      }
    }
  }

  @Test
  void aFreshGeneratorIsFlaggedCold() throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
        FreshJvm.class.getName()).redirectErrorStream(true).start();
    boolean done = p.waitFor(120, TimeUnit.SECONDS);
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!done) {
      p.destroyForcibly();
    }
    assertThat(done).as(out).isTrue();
    assertThat(out).contains("cold=true").containsPattern("generator cold: in the first \\d+\\.\\d s measured its "
        + "JIT compiler worked \\d+ ms \\(\\d+% of a core\\) and \\d+ classes were loaded")
        .contains("run a warm-up first");
  }
}
