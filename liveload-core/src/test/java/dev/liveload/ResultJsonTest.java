package dev.liveload;

import static dev.liveload.http.Http.status;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.liveload.result.RunResult;
import dev.liveload.result.RunStatus;
import dev.liveload.testing.TargetServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultJsonTest {

  @Test
  void serializeDeserializeSerializeIsIdentical(@TempDir Path dir) {
    try (var server = TargetServer.start()) {
      RunResult result = LiveLoad.run(RunOptions.builder()
          .scenario("api", user -> {
            user.step("list", () -> user.http().get("/items/42").check(status(200)));
            user.http().get("/status/404").send();
          }, Load.constant(3, ofSeconds(2)))
          .baseUrl(server.url())
          .build());
      String json = result.toJson();
      RunResult back = RunResult.fromJson(json);
      assertThat(back).isEqualTo(result);
      assertThat(back.toJson()).isEqualTo(json);

      Path file = result.write(dir.resolve("nested/result.json"));
      assertThat(RunResult.read(file)).isEqualTo(result);
      assertThat(json).contains("\"schema\" : \"liveload.result/v1\"");
    }
  }

  /** A v1 file written by an earlier build must keep reading, like HdrHistogram's log format tests. */
  @Test
  void readsTheCheckedInV1Fixture() throws IOException {
    String json = resource("/results/v1-sample.json");
    RunResult result = RunResult.fromJson(json);
    assertThat(result.run().status()).isEqualTo(RunStatus.COMPLETED);
    assertThat(result.scenarios()).isNotEmpty();
    assertThat(result.total().requests()).isPositive();
    var h = result.total().metric("http.duration");
    assertThat(h.percentile(50)).isEqualTo(h.p50());
    assertThat(h.percentile(99)).isEqualTo(h.p99());
    assertThat(result.toJson()).isEqualTo(json);
  }

  @Test
  void ignoresFieldsItDoesNotKnowAndRejectsOtherSchemas() throws IOException {
    String json = resource("/results/v1-sample.json");
    String newer = json.replaceFirst("\\{", "{\n  \"addedInAFutureVersion\" : [1, 2, 3],");
    assertThat(RunResult.fromJson(newer)).isEqualTo(RunResult.fromJson(json));
    assertThatThrownBy(() -> RunResult.fromJson(json.replace("liveload.result/v1", "liveload.result/v9")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("liveload.result/v9");
    assertThatThrownBy(() -> RunResult.fromJson("[1,2]")).hasMessageContaining("not a LiveLoad result");
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = ResultJsonTest.class.getResourceAsStream(name)) {
      assertThat(in).as(name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  static void writeFixture(RunResult r, Path p) throws IOException {
    Files.writeString(p, r.toJson());
  }
}
