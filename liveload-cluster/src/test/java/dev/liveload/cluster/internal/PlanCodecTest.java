package dev.liveload.cluster.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.liveload.Load;
import dev.liveload.Population;
import dev.liveload.RunOptions;
import dev.liveload.browser.BrowserOptions;
import dev.liveload.cluster.CountingScenario;
import dev.liveload.data.Feeder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a worker rebuilds from a signed plan is what the controller was given. */
class PlanCodecTest {
  private static final int[] SHARE = {1, 2, 3};

  private static Plan plan(RunOptions o) {
    Population p = o.populations().get(0);
    var plan = new Plan("run-1", o.name(), "controller", 0, "node-1", o.baseUrl().toString(),
        PlanCodec.http(o.http()), o.gracefulStop().toMillis(), o.iterationTimeout().toMillis(), 7,
        List.of(PlanCodec.part(p, p.load(), SHARE)), List.of(), PlanCodec.browser(o.browser()),
        PlanCodec.feeders(o.feeders(), SHARE), List.copyOf(o.redactedParameters()));
    return PlanCodec.fromJson(PlanCodec.toJson(plan), Plan.class);
  }

  @Test
  void browserOptionsTravelWithThePlan() {
    BrowserOptions browser = BrowserOptions.defaults().viewport(400, 300).actionTimeout(Duration.ofSeconds(7))
        .navigationTimeout(Duration.ofSeconds(9)).launchTimeout(Duration.ofSeconds(11)).args("--lang=fr")
        .failureScreenshots(2).screenshotDirectory(Path.of("shots")).ignoreHttpsErrors(true).userAgent("bench/1")
        .executable(Path.of("/usr/lib/chromium/chromium-headless-shell")).connection("playwright");
    RunOptions o = RunOptions.builder().name("b").baseUrl("http://127.0.0.1:8080")
        .population(Population.of(CountingScenario.class, Load.constant(4, Duration.ofSeconds(5))))
        .browser(browser).build();

    RunOptions back = PlanCodec.options(plan(o), getClass().getClassLoader());

    assertThat(back.browser()).isNotNull();
    assertThat(back.browser().describe()).isEqualTo(browser.describe());
    assertThat(back.browser().args()).containsExactly("--lang=fr");
    assertThat(back.browser().launchTimeout()).isEqualTo(Duration.ofSeconds(11));
    assertThat(back.browser().userAgent()).isEqualTo("bench/1");
    assertThat(back.browser().screenshotDirectory()).isEqualTo(Path.of("shots"));
  }

  @Test
  void redactedParameterNamesTravelWithThePlan() {
    RunOptions o = RunOptions.builder().name("r").baseUrl("http://127.0.0.1:8080")
        .population(Population.of(CountingScenario.class, Load.constant(1, Duration.ofSeconds(1))))
        .redactQueryParameters("Session", "sig").build();

    RunOptions back = PlanCodec.options(plan(o), getClass().getClassLoader());

    assertThat(back.redactedParameters()).contains("session", "sig", "token").isEqualTo(o.redactedParameters());
  }

  @Test
  void feedersTravelWithTheWorkersShareOfTheRows() {
    var rows = List.of(Map.of("email", "a"), Map.of("email", "b"), Map.of("email", "c"), Map.of("email", "d"),
        Map.of("email", "e"));
    RunOptions o = RunOptions.builder().name("f").baseUrl("http://127.0.0.1:8080")
        .feeder("accounts", Feeder.of(rows).uniquePerUser().whenExhausted(Feeder.WhenExhausted.STOP))
        .population(Population.of(CountingScenario.class, Load.constant(4, Duration.ofSeconds(5)))
            .feeder("products", Feeder.of(rows).circular()))
        .build();

    RunOptions back = PlanCodec.options(plan(o), getClass().getClassLoader());

    Feeder accounts = back.feeders().get("accounts");
    assertThat(accounts.describe()).isEqualTo("5 rows in memory, unique per user, stop when exhausted, rows 1..1 of "
        + "every 3");
    assertThat(accounts.rows()).isEqualTo(rows);
    assertThat(java.util.stream.LongStream.range(0, 5).filter(accounts::holds)).containsExactly(1L, 4L);
    assertThat(back.populations().get(0).feeders().get("products").describe()).startsWith("5 rows in memory, "
        + "circular");
  }

  @Test
  void rowSharesFollowCapacity() {
    assertThat(PlanCodec.rowShares(new double[] {2, 2, 2})).isDeepEqualTo(new int[][] {{0, 1, 3}, {1, 2, 3}, {2, 3,
        3}});
    assertThat(PlanCodec.rowShares(new double[] {4, 2})).isDeepEqualTo(new int[][] {{0, 2, 3}, {2, 3, 3}});
  }

  @Test
  void aRunWithoutBrowserOptionsLetsWorkersUseTheDefaults() {
    RunOptions o = RunOptions.builder().name("h").baseUrl("http://127.0.0.1:8080")
        .population(Population.of(CountingScenario.class, Load.constant(4, Duration.ofSeconds(5)))).build();
    assertThat(plan(o).browser()).isNull();
    assertThat(PlanCodec.options(plan(o), getClass().getClassLoader()).browser()).isNull();
  }
}
