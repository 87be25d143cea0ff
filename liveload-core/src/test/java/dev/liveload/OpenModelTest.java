package dev.liveload;

import static dev.liveload.http.Http.status;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;

import dev.liveload.result.RunResult;
import dev.liveload.result.ScenarioResult;
import dev.liveload.testing.TargetServer;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class OpenModelTest {

  @Test
  void twoHundredIterationsPerSecondForTenSecondsMakeTwoThousand() {
    try (var server = TargetServer.start()) {
      RunResult r = LiveLoad.run(RunOptions.builder()
          .scenario("open", user -> user.http().get("/ok").check(status(200)),
              Load.arrivalRate(200).perSecond().during(ofSeconds(10)))
          .baseUrl(server.url())
          .progress(Progress.none())
          .build());
      ScenarioResult s = r.scenario("open");
      System.out.println(GeneratorLateness.describe(r));
      // 2,000 arrivals; those due in the last moments may not have started when the end came, by as much as one
      // wake-up of what the generator reports about itself; 20 allowed for the edges
      long fewest = (long) (2000 - 200 * GeneratorLateness.worstCase(r) / 1000) - 20;
      assertThat(s.iterations()).isBetween(fewest, 2020L).isEqualTo(server.count("/ok"));
      assertThat(s.count("iterations.dropped")).isZero();
      assertThat(s.failedIterations()).isZero();
      // An iteration is timed from its intended start, so its duration is how late it ended: arrivals shift from
      // one interval into the next by at most the longest of them, and at most that many are in flight at once
      // (an arrival goes to an idle user first, so a few users serve them all).
      double lateMax = s.metric("iteration.duration").max();
      // (a user is idle again a moment after its iteration ends: late by up to one wake-up too)
      int mostInFlight = (int) Math.ceil(200 * (lateMax + GeneratorLateness.worstCase(r)) / 1000) + 2;
      System.out.printf("iteration.duration max %.2f ms; users %d (at most %d)%n", lateMax, s.maxUsers(),
          mostInFlight);
      assertThat(s.maxUsers()).isLessThanOrEqualTo(mostInFlight);
      // per second, the rate is the model's: 200/s over the interval's true length, give or take the arrivals
      // that ended late across each edge of it (counted twice: counters and histograms are taken a moment apart)
      // and one arrival's rounding at each edge
      var full = s.timeSeries().points().subList(1, s.timeSeries().points().size() - 1);
      assertThat(full).allSatisfy(p -> {
        double slack = 1000.0 * (2 + 2 * 200 * lateMax / 1000) / p.millis();
        System.out.printf("  %.1f/s over %d ms (200 +- %.1f)%n", p.rate("iterations"), p.millis(), slack);
        assertThat(p.rate("iterations")).isBetween(200 - slack, 200 + slack);
      });
    }
  }

  /**
   * The fewest of the 1,000 arrivals of 5 s at 200/s that ran (or were cut at the end, or dropped): those due in the
   * last moments may not have started when the end came, by as much as one wake-up of what the generator reports
   * about itself; 10 allowed for the edges.
   */
  private static long fewestArrivals(RunResult r) {
    return (long) (1000 - 200 * GeneratorLateness.worstCase(r) / 1000) - 10;
  }

  /** A target that freezes for one second once: every request that arrives meanwhile waits until it thaws. */
  private static TargetServer stallingOnce(long afterRequests) {
    var server = TargetServer.start();
    var seen = new AtomicLong();
    var thawAt = new AtomicLong(0);
    server.route("/api", exchange -> {
      long n = seen.incrementAndGet();
      if (n == afterRequests) {
        thawAt.set(System.nanoTime() + 1_000_000_000L);
      }
      long wait = thawAt.get() - System.nanoTime();
      if (wait > 0) {
        TargetServer.sleep(wait / 1_000_000);
      }
      TargetServer.send(exchange, 200, "ok");
    });
    return server;
  }

  @Test
  void coordinatedOmission_theStallShowsInTheP99() {
    try (var server = stallingOnce(300)) {
      RunResult r = LiveLoad.run(RunOptions.builder()
          .scenario("open", user -> user.http().get("/api").check(status(200)),
              Load.arrivalRate(200).perSecond().during(ofSeconds(5)))
          .baseUrl(server.url())
          .progress(Progress.none())
          .build());
      ScenarioResult s = r.scenario("open");
      // ~200 arrivals during the stall each wait for the rest of it: 20% of 1,000 requests, up to 1 s
      assertThat(s.metric("http.duration").p99()).isGreaterThan(900.0);
      // the other 80% are not held: the target answers at once, so they take what the generator adds (20 ms
      // allowed) plus how late its threads woke
      assertThat(s.metric("http.duration").p50()).as(GeneratorLateness.describe(r))
          .isLessThan(20.0 + GeneratorLateness.p99(r));
      assertThat(s.metric("iteration.duration").p99()).isGreaterThan(900.0);
      assertThat(s.count("iterations.dropped")).isZero();
      assertThat(s.iterations() + s.count("iterations.interrupted")).isBetween(fewestArrivals(r), 1010L);
      assertThat(s.maxUsers()).as("users were started for the arrivals during the stall").isGreaterThan(150);
    }
  }

  @Test
  void coordinatedOmission_withFewUsersArrivalsAreDroppedAndCounted() {
    try (var server = stallingOnce(300)) {
      RunResult r = LiveLoad.run(RunOptions.builder()
          .scenario("open", user -> user.http().get("/api").check(status(200)),
              Load.arrivalRate(200).perSecond().during(ofSeconds(5)).maxUsers(20))
          .baseUrl(server.url())
          .progress(Progress.none())
          .build());
      ScenarioResult s = r.scenario("open");
      long dropped = s.count("iterations.dropped");
      // the 20 users are stuck for up to a second: most of that second's 200 arrivals find no user; no more than
      // arrive while the longest iteration (the stall and how late its user got back) lasts, plus one wake-up
      double longest = s.metric("iteration.duration").max() + GeneratorLateness.worstCase(r);
      System.out.printf("dropped %d (at most %.0f); %s%n", dropped, 200 * longest / 1000, GeneratorLateness.describe(r));
      assertThat(dropped).isGreaterThanOrEqualTo(120L);
      if (!r.generator().saturated()) {
        assertThat(dropped).isLessThanOrEqualTo((long) Math.max(200, 200 * longest / 1000));
      } // else a late scheduler also releases overdue arrivals at once, more than 20 idle users take: the
        // conservation below still holds
      assertThat(s.iterations() + s.count("iterations.interrupted") + dropped).as("every arrival ran or was dropped")
          .isBetween(fewestArrivals(r), 1010L);
      assertThat(s.maxUsers()).isEqualTo(20);
      assertThat(s.metric("http.duration").p99()).isGreaterThan(500.0);
      assertThat(r.total().count("iterations.dropped")).isEqualTo(dropped);
      long droppedInSeries = s.timeSeries().points().stream().mapToLong(p -> p.count("iterations.dropped")).sum();
      assertThat(droppedInSeries).isEqualTo(dropped);
    }
  }

  @Test
  void coordinatedOmission_queuedArrivalsAreChargedTheirWait() {
    try (var server = stallingOnce(300)) {
      RunResult r = LiveLoad.run(RunOptions.builder()
          .scenario("open", user -> user.http().get("/api").check(status(200)),
              Load.arrivalRate(200).perSecond().during(ofSeconds(5)).maxUsers(20).queueWhenBusy())
          .baseUrl(server.url())
          .progress(Progress.none())
          .build());
      ScenarioResult s = r.scenario("open");
      assertThat(s.count("iterations.dropped")).isZero();
      assertThat(s.count("iterations.queued")).isBetween(120L, 400L);
      assertThat(s.iterations() + s.count("iterations.interrupted")).isBetween(fewestArrivals(r), 1010L);
      // a queued arrival's first request carries its wait: the backlog after the stall shows in the tail
      assertThat(s.metric("http.duration").p99()).isGreaterThan(500.0);
      assertThat(s.metric("http.duration").p90()).isGreaterThan(s.metric("http.duration").p50());
    }
  }
}
