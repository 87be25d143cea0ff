package dev.liveload;

import static dev.liveload.http.Http.status;
import static org.assertj.core.api.Assertions.assertThat;

import dev.liveload.result.RunResult;
import dev.liveload.result.RunStatus;
import dev.liveload.testing.Ports;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TargetDownTest {

  @Test
  void aTargetThatIsDownCountsConnectFailuresAndTheRunEndsOnTime() {
    int port = Ports.closed();
    long start = System.nanoTime();
    RunResult result = LiveLoad.run(RunOptions.builder()
        .scenario("down", user -> {
          user.http().get("/").check(status(200));
          user.think(Duration.ofMillis(50));
        }, Load.constant(5, Duration.ofSeconds(2)))
        .baseUrl("http://127.0.0.1:" + port)
        .build());
    long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

    assertThat(result.run().status()).isEqualTo(RunStatus.COMPLETED);
    // the run lasts its 2 s, then the iteration in flight ends (a refused connection at once, then its 50 ms think),
    // late by at most the generator's reported lateness; 500 ms are allowed for stopping the users
    double late = GeneratorLateness.worstCase(result);
    System.out.printf("run %d ms (%d ms with setup); %s%n", result.run().durationMillis(), elapsedMillis,
        GeneratorLateness.describe(result));
    assertThat(elapsedMillis).isGreaterThanOrEqualTo(2_000L);
    assertThat(result.run().durationMillis()).as("the run ends on time")
        .isBetween(2_000L, (long) (2_000 + 50 + 500 + late));
    var s = result.scenario("down");
    assertThat(s.requests()).isPositive().isEqualTo(s.failedRequests());
    assertThat(s.errors()).singleElement().satisfies(e -> {
      assertThat(e.kind()).isEqualTo("connect");
      assertThat(e.count()).isEqualTo(s.requests());
      assertThat(e.message()).contains("could not connect").contains("127.0.0.1:" + port);
    });
    assertThat(s.iterations()).isEqualTo(s.failedIterations()).isPositive();
    assertThat(s.metric("http.duration")).isNull(); // no successful sample to report
  }
}
