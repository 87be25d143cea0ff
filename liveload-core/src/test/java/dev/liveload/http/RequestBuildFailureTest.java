package dev.liveload.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.liveload.LiveLoad;
import dev.liveload.Load;
import dev.liveload.Progress;
import dev.liveload.RunOptions;
import dev.liveload.User;
import dev.liveload.data.Feeder;
import dev.liveload.result.RunResult;
import dev.liveload.result.RunStatus;
import dev.liveload.result.ScenarioResult;
import dev.liveload.testing.TargetServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An exception thrown while a request is being built (by the code that computes a value, or by a feeder) fails
 * that iteration with the user's exception; it is not mistaken for a request built and never sent, and the next
 * iterations run.
 */
class RequestBuildFailureTest {

  private static String valueFor(User user) {
    if (user.iteration() == 0) {
      throw new IllegalStateException("no value for iteration 0");
    }
    return "v" + user.iteration();
  }

  @Test
  void anExceptionWhileBuildingFailsOnlyThatIteration() {
    try (var server = TargetServer.start()) {
      RunResult r = LiveLoad.run(RunOptions.builder().baseUrl(server.url()).progress(Progress.none())
          .scenario("build", user -> user.http().get("/get").query("n", valueFor(user)).send(),
              Load.iterations(1, 3))
          .build());
      ScenarioResult s = r.scenario("build");
      assertThat(r.run().status()).isEqualTo(RunStatus.COMPLETED);
      assertThat(r.run().reason()).isEmpty();
      assertThat(s.iterations()).isEqualTo(3);
      assertThat(s.failedIterations()).isEqualTo(1);
      assertThat(s.requests()).isEqualTo(2);
      assertThat(server.count("/get")).isEqualTo(2);
      assertThat(s.errors()).singleElement().satisfies(e -> {
        assertThat(e.kind()).isEqualTo("exception");
        assertThat(e.message()).startsWith("java.lang.IllegalStateException: no value for iteration 0")
            .doesNotContain("never sent");
        assertThat(e.count()).isEqualTo(1);
      });
    }
  }

  @Test
  void badDataFromAFeederInsideABuilderFailsOnlyThatIteration(@TempDir Path dir) throws Exception {
    Path csv = Files.writeString(dir.resolve("n.csv"), "n\n1\nnot-a-number\n3\n");
    try (var server = TargetServer.start()) {
      RunResult r = LiveLoad.run(RunOptions.builder().baseUrl(server.url()).progress(Progress.none())
          .feeder("numbers", Feeder.csv(csv).queue())
          .scenario("feed", user -> user.http().get("/get")
              .query("n", Integer.parseInt(user.feed("n")) * 2).send(), Load.iterations(1, 3))
          .build());
      ScenarioResult s = r.scenario("feed");
      assertThat(r.run().status()).isEqualTo(RunStatus.COMPLETED);
      assertThat(s.iterations()).isEqualTo(3);
      assertThat(s.failedIterations()).isEqualTo(1);
      assertThat(s.requests()).isEqualTo(2);
      assertThat(s.errors()).singleElement().satisfies(e -> assertThat(e.message())
          .startsWith("java.lang.NumberFormatException: For input string: \"not-a-number\""));
    }
  }

  @Test
  void aRequestReallyLeftUnsentStillFailsTheRun() {
    try (var server = TargetServer.start()) {
      RunResult r = LiveLoad.run(RunOptions.builder().baseUrl(server.url()).progress(Progress.none())
          .scenario("forgot", user -> user.http().get("/get"), Load.iterations(1, 3)).build());
      assertThat(r.run().status()).isEqualTo(RunStatus.ABORTED);
      assertThat(r.run().reason()).contains("request GET /get was built but never sent");
    }
  }
}
