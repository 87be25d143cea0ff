package dev.liveload.data;

import static dev.liveload.http.Http.status;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.liveload.InvalidOptionException;
import dev.liveload.LiveLoad;
import dev.liveload.Load;
import dev.liveload.Population;
import dev.liveload.RunOptions;
import dev.liveload.Scenario;
import dev.liveload.http.HttpOptions;
import dev.liveload.result.ErrorGroup;
import dev.liveload.result.RunResult;
import dev.liveload.result.RunStatus;
import dev.liveload.result.ScenarioResult;
import dev.liveload.testing.TargetServer;
import dev.liveload.ws.WsOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Template errors and exhausted feeders are clear, counted errors, not crashes; bad data options fail early. */
class DataErrorsTest {
  @TempDir
  Path dir;

  /** A target that records every request and every request with a literal placeholder in it. */
  private static final class Recorder implements AutoCloseable {
    final TargetServer server = TargetServer.start();
    final AtomicLong literal = new AtomicLong();
    final Set<String> paths = ConcurrentHashMap.newKeySet();

    Recorder() {
      server.route("/", ex -> {
        String all = ex.getRequestURI() + " " + ex.getRequestHeaders() + " "
            + new String(ex.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (all.contains("{{") || all.contains("}}")) {
          literal.incrementAndGet();
        }
        paths.add(ex.getRequestURI().getPath());
        TargetServer.send(ex, 200, "ok");
      });
    }

    @Override
    public void close() {
      server.close();
    }
  }

  private static ScenarioResult run(RunOptions.Builder options, String base, Scenario.Body body, Load load) {
    RunResult r = LiveLoad.run(options.scenario("s", body, load).baseUrl(base).build());
    assertThat(r.run().status()).isEqualTo(RunStatus.COMPLETED);
    return r.scenario("s");
  }

  @Test
  void anUnknownVariableFailsTheIterationNamingItAndSendsNothing() {
    try (var target = new Recorder()) {
      ScenarioResult s = run(RunOptions.builder(), target.server.url(), user -> {
        user.set("token", "t-1");
        user.http().get("/items/{{itemId}}").check(status(200));
      }, Load.iterations(2, 3));
      assertThat(s.errors()).singleElement().satisfies(e -> {
        assertThat(e.kind()).isEqualTo("template");
        assertThat(e.message()).isEqualTo("template \"/items/{{itemId}}\": no variable or feeder column named "
            + "\"itemId\" (user variables: token; no feeders)");
        assertThat(e.count()).isEqualTo(6);
      });
      assertThat(s.iterations()).isEqualTo(6);
      assertThat(s.failedIterations()).isEqualTo(6);
      assertThat(s.requests()).isZero();
      assertThat(target.server.total()).isZero();
    }
  }

  @Test
  void templateErrorsInHeadersBodiesAndSyntaxAreCountedToo() {
    try (var target = new Recorder()) {
      List<String> cases = List.of("header", "json", "form", "syntax", "ok");
      ScenarioResult s = run(RunOptions.builder(), target.server.url(), user -> {
        String which = cases.get((int) (user.iteration() % cases.size()));
        var http = user.http();
        switch (which) {
          case "header" -> http.get("/h").header("X-Trace", "{{trace}}").send();
          case "json" -> http.post("/j").json(Map.of("name", "{{missing}}")).send();
          case "form" -> http.post("/f").form(Map.of("q", "{{absent}}")).send();
          case "syntax" -> http.get("/x/{{oops").send();
          default -> http.get("/fine/{{random_int:1:9}}").check(status(200));
        }
      }, Load.iterations(1, cases.size()));
      assertThat(s.errors()).extracting(ErrorGroup::kind).containsOnly("template");
      assertThat(s.errors()).extracting(ErrorGroup::message).anySatisfy(m -> assertThat(m).contains("\"trace\""))
          .anySatisfy(m -> assertThat(m).contains("\"missing\""))
          .anySatisfy(m -> assertThat(m).contains("\"absent\""))
          .anySatisfy(m -> assertThat(m).contains("unclosed {{ at position 3"));
      assertThat(s.failedIterations()).isEqualTo(4);
      assertThat(s.requests()).isEqualTo(1);
      assertThat(target.server.total()).isEqualTo(1);
      assertThat(target.literal.get()).as("requests sent with a literal placeholder").isZero();
      assertThat(s.breakdown()).anySatisfy(b -> assertThat(b.tag("url")).isEqualTo("/fine/{random_int}"));
    }
  }

  private Feeder skus(int n) {
    var rows = new ArrayList<Map<String, Object>>();
    for (int i = 1; i <= n; i++) {
      rows.add(Map.of("sku", "sku-" + i));
    }
    return Feeder.of(rows);
  }

  @Test
  void anExhaustedQueueFailsClearlyAndEndsThePopulation() {
    try (var target = new Recorder()) {
      long start = System.nanoTime();
      ScenarioResult s = run(RunOptions.builder().feeder("skus", skus(5)), target.server.url(),
          user -> user.http().get("/item/{{sku}}").check(status(200)), Load.constant(3, ofSeconds(20)));
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertThat(millis).as("the population ended when the rows ran out, not after 20 s").isLessThan(5_000);
      assertThat(target.paths).containsExactlyInAnyOrder("/item/sku-1", "/item/sku-2", "/item/sku-3",
          "/item/sku-4", "/item/sku-5");
      assertThat(s.requests()).isEqualTo(5);
      assertThat(s.iterations() - s.failedIterations()).isEqualTo(5);
      assertThat(s.errors()).singleElement().satisfies(e -> {
        assertThat(e.kind()).isEqualTo("feeder");
        assertThat(e.message()).startsWith("feeder \"skus\" ran out of rows after handing out 5 (queue); its "
            + "population starts no new iterations");
        assertThat(e.count()).isBetween(1L, 3L).isEqualTo(s.failedIterations());
      });
    }
  }

  @Test
  void anExhaustedQueueCanStopWithoutAnError() {
    try (var target = new Recorder()) {
      ScenarioResult s = run(RunOptions.builder().feeder("skus", skus(5).whenExhausted(Feeder.WhenExhausted.STOP)),
          target.server.url(), user -> user.http().get("/item/" + user.feed("sku")).check(status(200)),
          Load.constant(3, ofSeconds(20)));
      assertThat(s.errors()).isEmpty();
      assertThat(s.iterations()).isEqualTo(5);
      assertThat(s.failedIterations()).isZero();
      assertThat(s.count("iterations.interrupted")).isBetween(1L, 3L);
      assertThat(target.paths).hasSize(5);
    }
  }

  @Test
  void moreUsersThanUniqueRowsIsAClearError() {
    try (var target = new Recorder()) {
      ScenarioResult s = run(RunOptions.builder().feeder("skus", skus(3).uniquePerUser()), target.server.url(),
          user -> {
            user.http().get("/as/" + user.feed("sku")).check(status(200));
            user.think(java.time.Duration.ofMillis(300));
          }, Load.iterations(4, 2));
      assertThat(s.errors()).singleElement().satisfies(e -> {
        assertThat(e.kind()).isEqualTo("feeder");
        assertThat(e.message()).startsWith("feeder \"skus\" has no free row: all 3 rows are held by running users "
            + "(unique per user)");
        assertThat(e.count()).isEqualTo(1);
      });
      assertThat(target.paths).containsExactlyInAnyOrder("/as/sku-1", "/as/sku-2", "/as/sku-3");
      assertThat(s.iterations()).isEqualTo(4);
      assertThat(s.failedIterations()).isEqualTo(1);
    }
  }

  @Test
  void aScenarioAskingForAnUnknownColumnAbortsTheRun() {
    RunResult r = LiveLoad.run(RunOptions.builder().feeder("skus", skus(3))
        .scenario("s", user -> user.feed("price"), Load.iterations(1, 1)).build());
    assertThat(r.run().status()).isEqualTo(RunStatus.ABORTED);
    assertThat(r.run().reason()).contains("no feeder has a column named \"price\"; configured: skus [sku]");
  }

  @Test
  void dataOptionsAreCheckedBeforeTheRun() throws IOException {
    Scenario.Body noop = user -> {};
    var load = Load.iterations(1, 1);
    assertThatThrownBy(() -> RunOptions.builder().feeder("users", Feeder.csv(dir.resolve("nope.csv")))
        .scenario("s", noop, load).build())
        .isInstanceOf(InvalidOptionException.class)
        .hasMessageStartingWith("feeder users = " + dir.resolve("nope.csv") + " is not allowed: the file does not exist");
    Path headerOnly = Files.writeString(dir.resolve("h.csv"), "email\n");
    assertThatThrownBy(() -> RunOptions.builder().scenario("s", noop, load).feeder("users", Feeder.csv(headerOnly))
        .build()).hasMessageContaining("has a header but no data rows");
    assertThatThrownBy(() -> RunOptions.builder().population(Population.of("s", noop, load)
        .feeder("admins", Feeder.csv(headerOnly))).build()).hasMessageContaining("has a header but no data rows");
    assertThatThrownBy(() -> RunOptions.builder().feeder("a", skus(1)).population(Population.of("s", noop, load)
        .feeder("a", skus(1))).build()).hasMessageContaining("has a feeder with the name of one of the run's");
    assertThatThrownBy(() -> RunOptions.builder().feeder("a", skus(1)).feeder("a", skus(2)))
        .hasMessageContaining("each feeder needs a distinct name");
    assertThatThrownBy(() -> RunOptions.builder().feeder("1st", skus(1))).hasMessageContaining("feeder.name = 1st");
    assertThatThrownBy(() -> HttpOptions.defaults().header("Authorization", "Bearer {{token"))
        .isInstanceOf(InvalidOptionException.class).hasMessageContaining("unclosed {{");
    assertThatThrownBy(() -> WsOptions.defaults().header("X", "{{random_int:9:1}}"))
        .isInstanceOf(InvalidOptionException.class).hasMessageContaining("lower bound");
    assertThatThrownBy(() -> Template.of("/a/{{ }}")).isInstanceOf(InvalidOptionException.class)
        .hasMessageContaining("not a valid placeholder");
    assertThat(Template.of("/u/{{email}}/{{uuid}}").names()).containsExactly("email", "uuid");
  }
}
