package dev.liveload;

import static dev.liveload.http.Http.status;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;

import dev.liveload.testing.TargetServer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressTest {

  @Test
  void snapshotsReachACallbackEveryInterval() {
    List<ProgressSnapshot> seen = Collections.synchronizedList(new ArrayList<>());
    dev.liveload.result.RunResult r;
    try (var server = TargetServer.start()) {
      r = LiveLoad.run(RunOptions.builder()
          .scenario("api", user -> {
            user.http().get("/delay/10").check(status(200));
            user.http().get(user.iteration() % 10 == 0 ? "/status/500" : "/ok").send();
          }, Load.rampUp(0, 6, ofSeconds(2)).thenHold(ofSeconds(3)))
          .baseUrl(server.url())
          .progress(Progress.to(seen::add).every(ofSeconds(1)))
          .build());
    }
    assertThat(seen).hasSizeBetween(4, 6);
    // the last snapshot of the hold (one taken late, after the 5 s, says "done")
    assertThat(seen).allSatisfy(p -> assertThat(p.phase()).isIn("ramp 0→6 users", "hold 6 users", "done"));
    List<ProgressSnapshot> held = seen.stream().filter(p -> p.phase().equals("hold 6 users")).toList();
    assertThat(held).isNotEmpty();
    ProgressSnapshot last = held.get(held.size() - 1);
    assertThat(seen.get(0).phase()).isEqualTo("ramp 0→6 users");
    assertThat(last.phase()).isEqualTo("hold 6 users");
    assertThat(last.users()).isEqualTo(6);
    // Half the requests wait 10 ms at the target, the others are answered at once. The target and LiveLoad may add
    // 5 ms to a request, and the generator's threads wake late by as much as it reports. So: a user makes at most
    // 2 requests per 10 ms, and at least 2 per 10 + 2 * (5 + lateness) ms; the p95 is one of the 10 ms requests.
    double late = GeneratorLateness.max(r);
    System.out.printf("last second: %.0f req/s, p95 %.2f ms; %s%n", last.requestsPerSecond(), last.p95Millis(),
        GeneratorLateness.describe(r));
    assertThat(last.requestsPerSecond()).isBetween(6 * 2 * 1000 / (10 + 2 * (5 + late)), 6 * 2 * 1000 / 10.0);
    assertThat(last.p95Millis()).isBetween(10.0, 10 + 5 + late);
    assertThat(last.errorPercent()).isBetween(1.0, 10.0);
    assertThat(last.requests()).isGreaterThan(seen.get(0).requests());
    assertThat(last.p95Metric()).isEqualTo("http.duration");
    assertThat(last.browser()).isNull();
    assertThat(last.line()).matches("\\[00:0\\d\\] hold 6 users \\| users 6 \\| [0-9.]+ req/s \\| p95 http [0-9.]+ ms "
        + "\\| errors [0-9.]+% \\| requests \\d+ \\| iterations \\d+");
  }

  @Test
  void aBrowserRunLeadsWithWhatTheBrowsersDid() {
    List<ProgressSnapshot> seen = Collections.synchronizedList(new ArrayList<>());
    LiveLoad.run(RunOptions.builder()
        .scenario("shop", user -> user.browser().navigate("/").click("#add").waitFor("#cart")
            .think(java.time.Duration.ofMillis(20)), Load.constant(2, ofSeconds(2)))
        .baseUrl("http://127.0.0.1:9")
        .browser(dev.liveload.browser.BrowserOptions.defaults().connection("fake"))
        .progress(Progress.to(seen::add).every(ofSeconds(1)))
        .build());
    // the last snapshot of the hold (one taken late, after the 2 s, says "done")
    List<ProgressSnapshot> held = seen.stream().filter(p -> p.phase().equals("hold 2 users")).toList();
    assertThat(held).as("snapshots: %s", seen).isNotEmpty();
    ProgressSnapshot last = held.get(held.size() - 1);
    assertThat(last.browser()).isNotNull();
    assertThat(last.browser().actionsPerSecond()).isPositive();
    assertThat(last.browser().actionP95Millis()).isPositive();
    assertThat(last.requests()).isZero();
    // no HTTP figures in a browser-only run; each p95 says what it is of
    assertThat(last.line()).matches("\\[00:0\\d\\] hold 2 users \\| users 2 \\| [0-9.]+ page views/s \\| [0-9.]+ actions/s "
        + "\\| p95 action [0-9.]+ ms \\| errors [0-9.]+% of iterations \\| actions \\d+ \\| iterations \\d+");
  }

  @Test
  void progressOptionsAreValidated() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Progress.console().every(java.time.Duration.ofMillis(500)))
        .hasMessageStartingWith("progress.every = PT0.5S is not allowed");
  }
}
