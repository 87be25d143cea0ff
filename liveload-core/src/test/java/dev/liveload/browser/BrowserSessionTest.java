package dev.liveload.browser;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.liveload.IterationFailedException;
import dev.liveload.LiveLoad;
import dev.liveload.Load;
import dev.liveload.Population;
import dev.liveload.Progress;
import dev.liveload.RunOptions;
import dev.liveload.Scenario;
import dev.liveload.data.Feeder;
import dev.liveload.result.Breakdown;
import dev.liveload.result.Measurement;
import dev.liveload.result.RunResult;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The DSL's rules (batching, recording, failures), on a scripted connection without a browser. */
class BrowserSessionTest {

  @BeforeEach
  void reset() {
    FakeConnection.reset();
  }

  private static RunResult run(Scenario.Body body, int iterations) {
    return LiveLoad.run(RunOptions.builder()
        .scenario("s", body, Load.iterations(1, iterations))
        .baseUrl("http://127.0.0.1:9")
        .browser(BrowserOptions.defaults().connection("fake"))
        .progress(Progress.none())
        .build());
  }

  @Test
  void chainedActionsRunAsOneBatchWhenAValueIsNeeded() {
    RunResult r = run(user -> {
      var b = user.browser().navigate("/shop").click("#add").waitFor("#cart");
      assertThat(FakeConnection.BATCHES).isEmpty();
      assertThat(b.text("#cart")).isEqualTo("value of #cart");
      assertThat(b.url()).isEqualTo("http://127.0.0.1:9/shop");
    }, 1);
    assertThat(FakeConnection.BATCHES).hasSize(2);
    assertThat(FakeConnection.BATCHES.get(0)).extracting(BrowserAction::name)
        .containsExactly("navigate", "click", "waitFor", "read");
    var s = r.scenario("s");
    assertThat(s.failedIterations()).isZero();
    assertThat(s.count("browser.actions")).isEqualTo(5);
    assertThat(s.metric(BrowserMetrics.ACTION).count()).isEqualTo(5);
    assertThat(s.metric(BrowserMetrics.LCP).p50()).isBetween(119.0, 121.0);
    assertThat(s.metric(BrowserMetrics.CLS).max()).isBetween(0.24, 0.26); // from close()
    assertThat(urls(s.breakdown(), BrowserMetrics.ACTION)).contains("/shop");
  }

  private static List<String> urls(List<Breakdown> rows, String metric) {
    return rows.stream().filter(b -> b.metric().equals(metric)).map(b -> b.tag("url")).distinct().toList();
  }

  @Test
  void urlsAndTypedTextsAreTemplatesAndAnUnknownNameFailsBeforeTheActionRuns() {
    RunResult r = LiveLoad.run(RunOptions.builder()
        .scenario("s", user -> {
          user.set("q", "red shoes");
          user.browser().navigate("/users/{{email}}").fill("#q", "{{q}}").select("#size", "{{size}}", "XL")
              .waitForText("#hello", "Hi {{email}}").waitForUrl("/users/{{email}}").sync();
          user.browser().click("#next").fill("#x", "{{nope}}");
        }, Load.iterations(1, 1))
        .feeder("accounts", Feeder.of(List.of(Map.of("email", "ann@shop.test", "size", "M"))))
        .baseUrl("http://127.0.0.1:9")
        .browser(BrowserOptions.defaults().connection("fake"))
        .progress(Progress.none())
        .build());
    assertThat(FakeConnection.BATCHES.get(0)).containsExactly(
        new BrowserAction.Navigate("http://127.0.0.1:9/users/ann@shop.test", WaitUntil.LOAD),
        new BrowserAction.Fill("#q", "red shoes"),
        new BrowserAction.Select("#size", List.of("M", "XL")),
        new BrowserAction.WaitForText("#hello", "Hi ann@shop.test"),
        new BrowserAction.WaitForUrl("http://127.0.0.1:9/users/ann@shop.test", false));
    assertThat(FakeConnection.BATCHES).as("the action with the unknown name, and the click queued before it, "
        + "never ran").hasSize(1);
    var s = r.scenario("s");
    assertThat(s.failedIterations()).isEqualTo(1);
    assertThat(s.errors()).singleElement().satisfies(e -> {
      assertThat(e.kind()).isEqualTo("template");
      assertThat(e.message()).contains("\"nope\"");
    });
  }

  @Test
  void stepsThinkAndTheIterationEndFlushTheQueue() {
    RunResult r = run(user -> {
      var b = user.browser();
      b.navigate("/");
      b.step("add", x -> x.click("#add").waitForText("#cart", "1"));
      b.click("#more").think(Duration.ZERO).click("#last");
    }, 1);
    assertThat(FakeConnection.BATCHES).extracting(List::size).containsExactly(1, 2, 1, 1);
    assertThat(FakeConnection.STEPS).containsExactly("null", "add", "null", "null");
    var steps = r.scenario("s").breakdown().stream()
        .filter(b -> b.metric().equals(BrowserMetrics.ACTION) && "add".equals(b.tag("step")))
        .map(b -> b.tag("method")).toList();
    assertThat(steps).containsExactlyInAnyOrder("click", "waitForText");
    assertThat(r.scenario("s").metric("step.duration").count()).isEqualTo(1);
  }

  @Test
  void theFirstFailureIsRecordedOnceAndTheRestOfTheIterationDoesNothing() {
    RunResult r = run(user -> {
      var b = user.browser().navigate("/");
      try {
        b.click("#missing").click("#never").sync();
      } catch (IterationFailedException e) {
        assertThat(e.kind()).isEqualTo("selector_not_found");
      }
      b.click("#after");
      assertThat(b.text("#t")).isNull();
    }, 2);
    // per iteration: one batch that stopped at #missing, then the failure screenshot; nothing after it
    assertThat(FakeConnection.BATCHES).extracting(batch -> batch.get(batch.size() - 1).name())
        .containsExactly("click", "screenshot", "click", "screenshot");
    var s = r.scenario("s");
    assertThat(s.iterations()).isEqualTo(2);
    assertThat(s.failedIterations()).isEqualTo(2);
    assertThat(s.errors()).singleElement().satisfies(e -> {
      assertThat(e.kind()).isEqualTo("selector_not_found");
      assertThat(e.count()).isEqualTo(2);
      assertThat(e.message()).contains("click(#missing)").contains("no element matches");
    });
    assertThat(s.count("browser.actions.failed")).isEqualTo(2);
  }

  @Test
  void aCrashedPageIsReplacedForTheNextIteration() {
    RunResult r = run(user -> {
      var b = user.browser();
      b.click(user.iteration() == 0 ? "#crash" : "#ok").sync();
    }, 3);
    assertThat(FakeConnection.PAGES.get()).isEqualTo(2);
    var s = r.scenario("s");
    assertThat(s.failedIterations()).isEqualTo(1);
    assertThat(s.errors()).singleElement().extracting(e -> e.kind()).isEqualTo("page_crashed");
  }

  @Test
  void aBrowserThatCannotComeBackEndsTheRunInsteadOfFailingEveryIteration() {
    FakeConnection.PAGE_LIMIT.set(2);
    RunResult r = LiveLoad.run(RunOptions.builder()
        .scenario("s", user -> user.browser().click("#crash").sync(), Load.constant(2, ofSeconds(30)))
        .browser(BrowserOptions.defaults().connection("fake"))
        .progress(Progress.none())
        .build());
    var s = r.scenario("s");
    assertThat(r.run().reason()).contains("browser users cannot continue")
        .contains("could not be relaunched");
    assertThat(s.durationMillis()).as("ended long before its 30 s").isLessThan(10_000);
    assertThat(s.failedIterations()).isBetween(2L, 4L);
    assertThat(s.errors()).extracting(e -> e.kind()).containsOnly("page_crashed", "browser_crashed");
  }

  @Test
  void anIterationTimeoutCutsOffAWaitingActionAndSaysWhich() {
    RunResult r = LiveLoad.run(RunOptions.builder()
        .population(Population.of("s", user -> user.browser().click("#slow").sync(), Load.iterations(1, 1))
            .iterationTimeout(Duration.ofMillis(300)))
        .browser(BrowserOptions.defaults().connection("fake"))
        .progress(Progress.none())
        .build());
    var s = r.scenario("s");
    assertThat(s.failedIterations()).isEqualTo(1);
    assertThat(s.errors()).singleElement().satisfies(e -> {
      assertThat(e.kind()).isEqualTo("iteration_timeout");
      assertThat(e.message()).contains("click(#slow)");
    });
  }

  @Test
  void restoreStartsANewContextWithTheSnapshot() {
    run(user -> {
      var b = user.browser();
      StorageState first = b.navigate("/login").storageState();
      assertThat(first.toJson()).contains("page1");
      b.restore(first);
      // the fake echoes the restored storage from waitForText
      assertThat(b.waitForText("#x", "y").evaluate("x => x", 7)).isEqualTo(7);
      assertThat(FakeConnection.PAGES.get()).isEqualTo(2);
    }, 1);
  }

  @Test
  void theResultSaysWhatTheConnectionCouldNotMeasure() {
    RunResult r = run(user -> user.browser().click("#a"), 1);
    assertThat(r.measurement(BrowserMetrics.ACTION)).isEqualTo(Measurement.INSTRUMENTED);
    assertThat(r.measurement(BrowserMetrics.CLS)).isEqualTo(Measurement.ESTIMATED);
    assertThat(r.measurement(BrowserMetrics.INP)).isEqualTo(Measurement.UNSUPPORTED);
    assertThat(r.measurement("http.duration")).isNull();
    RunResult back = RunResult.fromJson(r.toJson());
    assertThat(back).isEqualTo(r);
    assertThat(r.toJson()).contains("\"webvital.inp\" : \"UNSUPPORTED\"");
  }

  @Test
  void aRunWithoutBrowserUsersDeclaresNothing() {
    RunResult r = LiveLoad.run(RunOptions.builder()
        .scenario("plain", user -> {}, Load.iterations(1, 1)).progress(Progress.none()).build());
    assertThat(r.measurements()).isEmpty();
    assertThat(r.toJson()).doesNotContain("measurements");
  }

  @Test
  void anUnknownConnectionFailsBeforeTheLoadStarts() {
    assertThatThrownBy(() -> LiveLoad.run(RunOptions.builder()
        .scenario("s", user -> user.browser().click("#a"), Load.iterations(1, 1))
        .browser(BrowserOptions.defaults().connection("nope"))
        .progress(Progress.none())
        .build()))
        .isInstanceOf(BrowserUnavailableException.class)
        .hasMessageContaining("no browser connection named 'nope'")
        .hasMessageContaining("fake");
  }

  @Test
  void relativeUrlsWithoutABaseUrlAbortTheRunWithTheFix() {
    RunResult r = LiveLoad.run(RunOptions.builder()
        .scenario("s", user -> user.browser().navigate("/x"), Load.constant(1, ofSeconds(5)))
        .browser(BrowserOptions.defaults().connection("fake"))
        .progress(Progress.none())
        .build());
    assertThat(r.run().reason()).contains("needs a base URL");
  }

  @Test
  void optionsAreValidated() {
    assertThatThrownBy(() -> BrowserOptions.defaults().actionTimeout(Duration.ZERO))
        .hasMessageContaining("browser.actionTimeout");
    assertThatThrownBy(() -> BrowserOptions.defaults().viewport(50, 300))
        .hasMessageContaining("browser.viewport.width");
    assertThatThrownBy(() -> BrowserOptions.defaults().failureScreenshots(-1))
        .hasMessageContaining("browser.failureScreenshots");
  }
}
