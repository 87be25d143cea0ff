package dev.liveload;

import static dev.liveload.http.Http.status;
import static java.time.Duration.ofMillis;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;

import dev.liveload.result.Histogram;
import dev.liveload.result.RunResult;
import dev.liveload.testing.DelayServer;
import org.junit.jupiter.api.Test;

/**
 * Against an endpoint with a known 50 ms server delay, the reported latency is that delay plus very little.
 *
 * <p>The bounds follow from the target and from what the generator reports about itself, not from a quiet machine:
 * <ul>
 *   <li>below: the target records how long it really took per request, and no request is reported shorter than
 *       the target took (so never below 50 ms, and no percentile below the target's);
 *   <li>above: a reported time is what the target took, plus how late the generator's threads woke (its probe's
 *       figures, {@link GeneratorLateness}), plus what LiveLoad itself adds (at most {@value #OVERHEAD_MS} ms: the
 *       claim under test). At most a quarter of the target's times exceed its p75 and a quarter of the wake-ups the
 *       probe's p75, so the reported p50 is at most the sum of those two p75s plus the overhead; the p99 likewise
 *       with both p99.5s. On an idle machine the lateness is a timer's wake-up slack (2-3 ms at the tail on this
 *       kind of virtual machine); when other processes keep the cores busy it grows, and so does what each user
 *       measures.
 * </ul>
 * When the generator reports itself saturated the same bounds still hold (they carry its lateness), and the test
 * also checks that a lateness above the saturation limit is reported as such.
 */
class TimingTruthTest {
  /** What LiveLoad itself may add to a request, ms. */
  static final double OVERHEAD_MS = 3.0;
  private static final int USERS = 10;
  private static final int HOLD_SECONDS = 10;

  @Test
  void latencyOfAFixed50msEndpointIsReportedWithin3ms() {
    try (var server = DelayServer.start(50)) {
      run(server, 3); // warm the JIT, so that the measured run shows steady-state overhead
      server.serviceTimes();
      RunResult result = run(server, HOLD_SECONDS);
      var target = server.serviceTimes();
      double targetP50 = target.getValueAtPercentile(50) / 1000.0;
      double targetP99 = target.getValueAtPercentile(99) / 1000.0;

      Histogram h = result.total().metric("http.duration");
      var g = result.generator();
      double lagP99 = GeneratorLateness.p99(result);
      double lagMax = GeneratorLateness.max(result);
      double p50Bound = target.getValueAtPercentile(75) / 1000.0 + GeneratorLateness.percentile(result, 75)
          + OVERHEAD_MS;
      double p99Bound = target.getValueAtPercentile(99.5) / 1000.0 + GeneratorLateness.percentile(result, 99.5)
          + OVERHEAD_MS;
      // each user sends back to back: a request takes its reported time, and LiveLoad's own part between two is
      // within the overhead and the lateness; the last request of each user may be cut by the end
      double minCount = USERS * HOLD_SECONDS * 1000.0 / (h.mean() + OVERHEAD_MS + lagMax) - USERS;
      System.out.printf("reported p50 %.3f p99 %.3f mean %.3f ms; target took p50 %.3f p99 %.3f ms; %d requests "
          + "(at least %.0f)%n", h.p50(), h.p99(), h.mean(), targetP50, targetP99, h.count(), minCount);
      System.out.printf("bounds: p50 <= %.3f, p99 <= %.3f ms; %s%n", p50Bound, p99Bound,
          GeneratorLateness.describe(result));
      result.total().timeSeries().points().forEach(p -> System.out.println("  " + p.metric("http.duration")));

      assertThat(h.count()).isGreaterThan((long) minCount).isEqualTo(result.total().requests())
          .isEqualTo(target.getTotalCount());
      assertThat(result.total().failedRequests()).isZero();
      assertThat(h.min()).as("min ms: the target never answers sooner").isGreaterThanOrEqualTo(50.0);
      // histogram figures are exact to 3 significant digits: 0.1 ms at 50 ms
      assertThat(h.p50() - targetP50).as("LiveLoad's overhead at p50, ms").isGreaterThan(-0.1);
      assertThat(h.p99() - targetP99).as("LiveLoad's overhead at p99, ms").isGreaterThan(-0.1);
      assertThat(h.p50()).as("p50 ms").isBetween(50.0, p50Bound);
      assertThat(h.p99()).as("p99 ms").isBetween(50.0, p99Bound);
      if (lagP99 > 20) {
        assertThat(g.saturated()).as("a generator that woke %.1f ms late at p99 says so", lagP99).isTrue();
      }
    }
  }

  private static RunResult run(DelayServer server, int seconds) {
    // Ten users started 26 ms apart, so that they do not all wake at the same instant.
    return LiveLoad.run(RunOptions.builder()
        .scenario("delay", user -> user.http().get("/delay").check(status(200)),
            Load.rampUp(0, USERS, ofMillis(259)).thenHold(ofSeconds(seconds)))
        .baseUrl(server.url())
        .build());
  }
}
