package dev.liveload;

import static dev.liveload.http.Http.bodyContains;
import static dev.liveload.http.Http.status;
import static java.time.Duration.ofMillis;
import static org.assertj.core.api.Assertions.assertThat;

import dev.liveload.result.Breakdown;
import dev.liveload.result.ErrorGroup;
import dev.liveload.result.RunResult;
import dev.liveload.result.ScenarioResult;
import dev.liveload.testing.Ports;
import dev.liveload.testing.TargetServer;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every request issued is counted exactly once, as passed or failed, and agrees with what the target saw. */
class ConservationTest {

  @Test
  void everyRequestIsCountedOnceAndMatchesTheTarget() {
    int users = 10;
    int iterations = 30;
    int closedPort = Ports.closed();
    try (var server = TargetServer.start()) {
      RunResult result = LiveLoad.run(RunOptions.builder()
          .scenario("mixed", user -> {
            user.http().get("/a").check(status(200));
            user.http().get("/status/503").send(); // fails (status), iteration goes on
            switch ((int) (user.iteration() % 3)) {
              case 0 -> user.http().get("/b").check(bodyContains("nope")); // check failure ends it
              case 1 -> user.http().get("http://127.0.0.1:" + closedPort + "/x").send(); // connect failure
              default -> user.http().get("/delay/400").timeout(ofMillis(100)).send(); // timeout
            }
          }, Load.iterations(users, iterations))
          .baseUrl(server.url())
          .build());

      int n = users * iterations;
      ScenarioResult s = result.scenario("mixed");
      assertThat(s.requests()).isEqualTo(3L * n);
      assertThat(s.failedRequests()).isEqualTo(2L * n);
      assertThat(s.iterations()).isEqualTo(n);
      assertThat(s.failedIterations()).isEqualTo(n);
      assertThat(s.count("iterations.interrupted")).isZero();

      // What the target received: everything but the connect failures.
      assertThat(server.count("/a")).isEqualTo(n);
      assertThat(server.count("/status/503")).isEqualTo(n);
      assertThat(server.count("/b")).isEqualTo(n / 3);
      assertThat(server.count("/delay/400")).isEqualTo(n / 3);
      assertThat(server.total() + n / 3).isEqualTo(s.requests());

      // Failures by kind, from the breakdown rows and from the error groups, agree.
      Map<String, Long> byKind = s.breakdown().stream()
          .filter(b -> b.metric().equals("http.duration") && b.tag("error") != null)
          .collect(Collectors.groupingBy(b -> b.tag("error"), Collectors.summingLong(b -> b.histogram().count())));
      assertThat(byKind).containsExactlyInAnyOrderEntriesOf(
          Map.of("status", (long) n, "check", n / 3L, "connect", n / 3L, "timeout", n / 3L));
      Map<String, Long> groups = s.errors().stream()
          .collect(Collectors.groupingBy(ErrorGroup::kind, Collectors.summingLong(ErrorGroup::count)));
      assertThat(groups).containsExactlyInAnyOrderEntriesOf(byKind);
      long passed = s.breakdown().stream().filter(b -> b.metric().equals("http.duration") && b.tag("error") == null)
          .mapToLong(b -> b.histogram().count()).sum();
      assertThat(passed).isEqualTo(s.metric("http.duration").count()).isEqualTo((long) n);

      // The time series adds up to the totals.
      long seriesRequests = s.timeSeries().points().stream().mapToLong(p -> p.count("requests")).sum();
      long seriesFailed = s.timeSeries().points().stream().mapToLong(p -> p.count("requests.failed")).sum();
      assertThat(seriesRequests).isEqualTo(s.requests());
      assertThat(seriesFailed).isEqualTo(s.failedRequests());
      assertThat(result.total().requests()).isEqualTo(s.requests());
      Breakdown status503 = s.breakdown().stream().filter(b -> "503".equals(b.tag("status"))).findFirst()
          .orElseThrow();
      assertThat(status503.tags()).containsEntry("url", "/status/{id}").containsEntry("error", "status");
    }
  }
}
