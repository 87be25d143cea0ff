package dev.liveload.browser.liveview;

import static org.assertj.core.api.Assertions.assertThat;

import dev.liveload.LiveLoad;
import dev.liveload.Load;
import dev.liveload.Population;
import dev.liveload.Progress;
import dev.liveload.RunOptions;
import dev.liveload.Scenario;
import dev.liveload.browser.BrowserMetrics;
import dev.liveload.browser.BrowserOptions;
import dev.liveload.browser.Loading;
import dev.liveload.result.Breakdown;
import dev.liveload.result.Histogram;
import dev.liveload.result.RunResult;
import dev.liveload.result.ScenarioResult;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * Browser users against a real Phoenix LiveView client: the {@code phoenix} and {@code phoenix_live_view} packages
 * from the npm registry, talking to {@link LiveViewTarget} over the Phoenix channel protocol.
 */
class LiveViewTest {
  private final Map<String, Object> seen = new ConcurrentHashMap<>();

  private static RunResult run(LiveViewTarget lv, int iterations, Scenario.Body body) {
    return LiveLoad.run(RunOptions.builder()
        .population(Population.of("lv", body, Load.iterations(1, iterations)).iterationTimeout(Duration.ofSeconds(30)))
        .baseUrl(lv.url())
        .browser(BrowserOptions.defaults().actionTimeout(Duration.ofSeconds(5)).failureScreenshots(0))
        .progress(Progress.none())
        .build());
  }

  private static ScenarioResult passed(RunResult r) {
    ScenarioResult s = r.scenario("lv");
    assertThat(s.errors()).as("errors").isEmpty();
    assertThat(s.failedIterations()).isZero();
    return s;
  }

  private static Histogram rows(ScenarioResult s, String metric, String method) {
    return rows(s, metric, method, null);
  }

  private static Histogram rows(ScenarioResult s, String metric, String method, String step) {
    return s.breakdown().stream()
        .filter(b -> b.metric().equals(metric) && (method == null || method.equals(b.tag("method")))
            && (step == null || step.equals(b.tag("step"))) && b.tag("error") == null)
        .map(Breakdown::histogram).reduce(Histogram::merge)
        .orElseThrow(() -> new AssertionError("no " + metric + " " + method + " in " + s.metrics().keySet()));
  }

  @Test
  void aClickWithA200msServerDelayIsA200msLoadingSpan() {
    try (var lv = LiveViewTarget.start().delay("inc", Duration.ofMillis(200)).joinDelay(Duration.ofMillis(100))) {
      RunResult r = run(lv, 5, user -> {
        var b = user.browser();
        if (user.iteration() == 0) {
          // the first click warms up the page's and the server's code paths; it is measured under its own step
          b.navigate("/").waitForLiveView().step("warm up", x -> x.click("#inc").waitForLoading(Loading.CLICK, "#inc"));
        }
        b.step("add one", x -> x.click("#inc").waitForLoading(Loading.CLICK, "#inc"));
        seen.put("count", b.text("#count"));
      });
      ScenarioResult s = passed(r);
      assertThat(seen.get("count")).isEqualTo("6");
      // Never less than the server's 200 ms. Two wake-ups stand between the server's 200 ms and the page seeing the
      // reply: the target's timer thread (in this JVM) and the page's main thread taking the frame. On a busy
      // machine each is late by about as much as the generator's own probe woke late (its scheduling lag), so that,
      // twice, is the slack beyond 20 ms for a typical click (the median of five): a single click can still meet a
      // renderer that another process kept off the CPU for longer, which no probe in this JVM sees.
      double most = 220.0 + 2 * r.generator().schedulerLag().max();
      Histogram wait = rows(s, BrowserMetrics.ACTION, "waitForLoading", "add one");
      assertThat(wait.count()).isEqualTo(5);
      assertThat(wait.min()).isGreaterThanOrEqualTo(200.0);
      assertThat(wait.p50()).isLessThanOrEqualTo(most);
      Histogram loading = rows(s, BrowserMetrics.LIVEVIEW_LOADING, "click", "add one");
      assertThat(loading.count()).isEqualTo(5);
      assertThat(loading.min()).isGreaterThanOrEqualTo(200.0);
      assertThat(loading.p50()).isLessThanOrEqualTo(most);
      System.out.printf(java.util.Locale.ROOT, "200 ms server delay: waitForLoading %.1f..%.1f ms, liveview.loading "
          + "%.1f..%.1f ms (5 clicks, timed in the page)%n", wait.min(), wait.max(), loading.min(), loading.max());
      Histogram mount = rows(s, BrowserMetrics.LIVEVIEW_MOUNT, null);
      assertThat(mount.count()).isEqualTo(1);
      assertThat(mount.min()).as("join takes 100 ms on the server").isBetween(100.0, 400.0);
      assertThat(s.count("liveview.mounts")).isEqualTo(1);
      assertThat(rows(s, BrowserMetrics.LIVEVIEW_CONNECT, null).count()).isEqualTo(1);
      assertThat(rows(s, BrowserMetrics.LIVEVIEW_PAGE_LOADING, "initial").count()).isEqualTo(1);
      // every frame the page sent, the server received, and the other way round
      assertThat(s.count("browser.ws.frames.sent")).isEqualTo(lv.framesReceived()).isEqualTo(7);
      assertThat(s.count("browser.ws.frames.received")).isEqualTo(lv.framesSent()).isEqualTo(7);
      assertThat(s.count("browser.ws.connections")).isEqualTo(1);
      assertThat(rows(s, BrowserMetrics.WS_SENT, null).max()).isPositive();
    }
  }

  @Test
  void formsPatchesAndDisconnectsAreMeasured() {
    try (var lv = LiveViewTarget.start().delay("save", Duration.ofMillis(100))) {
      RunResult r = run(lv, 1, user -> {
        var b = user.browser().navigate("/").waitForLiveView()
            .fill("#item", "apples").click("#save").waitForLoading(Loading.SUBMIT, "#f")
            .waitForText("#saved", "saved apples")
            .click("#patch").waitForUrl("**/?page=2").waitForText("#page", "2").sync();
        lv.dropConnections();
        if (!lv.awaitJoins(2, Duration.ofSeconds(10))) {
          user.fail("the client did not rejoin");
        }
        b.waitForLiveView().click("#inc").waitForText("#count", "1");
        seen.put("url", b.url());
      });
      ScenarioResult s = passed(r);
      assertThat(seen.get("url")).isEqualTo(lv.url() + "/?page=2");
      assertThat(rows(s, BrowserMetrics.LIVEVIEW_LOADING, "submit").min()).isGreaterThanOrEqualTo(100.0);
      assertThat(rows(s, BrowserMetrics.LIVEVIEW_NAVIGATION, "patch").count()).isEqualTo(1);
      assertThat(s.count("liveview.navigations")).isEqualTo(1);
      assertThat(s.count("liveview.disconnects")).isEqualTo(1);
      assertThat(s.count("liveview.reconnects")).isEqualTo(1);
      assertThat(rows(s, BrowserMetrics.LIVEVIEW_RECONNECT, null).min()).isPositive();
      assertThat(rows(s, BrowserMetrics.LIVEVIEW_ERROR, "client").count()).isEqualTo(1);
      assertThat(s.count("liveview.mounts")).isEqualTo(2);
      assertThat(s.count("browser.ws.connections")).isEqualTo(2);
    }
  }

  /** The page's own click listener, run after LiveView's: it keeps the main thread busy for 15 ms. */
  private static final String BUSY_CLICK = "window.addEventListener('click', () => {"
      + " const t = performance.now(); while (performance.now() - t < 15) {} });";

  @Test
  void aLoadingSpanStartsWhenLiveViewAddsTheClassEvenWhenThePageIsBusyAfterIt() {
    try (var lv = LiveViewTarget.start().delay("inc", Duration.ofMillis(50)).pageScript(BUSY_CLICK)) {
      RunResult r = run(lv, 5, user -> {
        var b = user.browser();
        if (user.iteration() == 0) {
          b.navigate("/").waitForLiveView();
        }
        b.step("add one", x -> x.click("#inc").waitForLoading(Loading.CLICK, "#inc"));
      });
      ScenarioResult s = passed(r);
      Histogram loading = rows(s, BrowserMetrics.LIVEVIEW_LOADING, "click", "add one");
      Histogram wait = rows(s, BrowserMetrics.ACTION, "waitForLoading", "add one");
      Histogram click = rows(s, BrowserMetrics.ACTION, "click", "add one");
      Histogram step = rows(s, "step.duration", null, "add one");
      assertThat(loading.count()).isEqualTo(5);
      // the server takes 50 ms from the event LiveView sent as it added the class: the span cannot be shorter
      assertThat(loading.min()).isGreaterThanOrEqualTo(50.0);
      assertThat(wait.min()).isGreaterThanOrEqualTo(50.0);
      assertThat(click.min()).as("the click includes the page's own 15 ms listener").isGreaterThanOrEqualTo(15.0);
      // the step runs from the click's start to the span's end, in the page: no longer than the two added up (and
      // the user's own code, slower by the generator's scheduling lag when the machine is busy). Each step has one
      // click and one span, so that holds for the means (a sum's mean is the sum of the means; medians do not add)
      assertThat(step.min()).isGreaterThanOrEqualTo(loading.min());
      assertThat(step.mean()).isLessThanOrEqualTo(click.mean() + loading.mean() + 2.0
          + r.generator().schedulerLag().p99());
      System.out.printf(java.util.Locale.ROOT, "50 ms handler + 15 ms busy click listener: liveview.loading "
          + "%.1f..%.1f ms, click %.1f..%.1f ms, step %.1f..%.1f ms%n", loading.min(), loading.max(), click.min(),
          click.max(), step.min(), step.max());
    }
  }

  @Test
  void oneLoadingSamplePerEventAndWaitingForThePageToSettle() {
    try (var lv = LiveViewTarget.start().delay("save", Duration.ofMillis(100))) {
      RunResult r = run(lv, 3, user -> {
        var b = user.browser();
        if (user.iteration() == 0) {
          b.navigate("/").waitForLiveView();
        }
        // LiveView puts phx-submit-loading on the form and on its submit button: one event, one sample
        b.step("save", x -> x.fill("#item", "item" + user.iteration()).click("#save").waitForLoading(Loading.SUBMIT))
            .step("add one", x -> x.click("#inc").waitForLoading(Loading.CLICK));
        seen.put("saved", b.text("#saved"));
      });
      ScenarioResult s = passed(r);
      assertThat(seen.get("saved")).isEqualTo("saved item2");
      Histogram submit = rows(s, BrowserMetrics.LIVEVIEW_LOADING, "submit", "save");
      assertThat(submit.count()).isEqualTo(3);
      assertThat(submit.min()).isGreaterThanOrEqualTo(100.0);
      assertThat(rows(s, BrowserMetrics.ACTION, "waitForLoading", "save").min()).isGreaterThanOrEqualTo(100.0);
      assertThat(rows(s, BrowserMetrics.LIVEVIEW_LOADING, "click", "add one").count()).isEqualTo(3);
    }
  }

  @Test
  void framesReceivedWhileThinkingInsideAStepCountInThatStepNotTheNext() {
    try (var lv = LiveViewTarget.start().pushes(5, Duration.ofMillis(100))) {
      RunResult r = run(lv, 1, user -> user.browser().navigate("/").waitForLiveView()
          // the server pushes 5 ticks over the 500 ms after the click, while the user thinks
          .step("watch", b -> b.click("#watch").waitForLoading(Loading.CLICK, "#watch").think(Duration.ofSeconds(3)))
          .step("next", b -> b.click("#inc").waitForLoading(Loading.CLICK, "#inc"))
          .think(Duration.ofMillis(300)));
      ScenarioResult s = passed(r);
      // the click's reply and the 5 ticks: received in "watch" (during its think), handed back with "next"'s batch
      assertThat(frames(s, "watch")).isEqualTo(6);
      assertThat(frames(s, "next")).as("only its own reply").isEqualTo(1);
      assertThat(s.count("browser.ws.frames.received")).isEqualTo(lv.framesSent());
    }
  }

  @Test
  void anOutageIsNotARetryStormBrowserUsersBackOff() {
    int users = 3;
    long outageMillis = 3000;
    try (var lv = LiveViewTarget.start().downAfter(6, Duration.ofMillis(outageMillis))) {
      RunResult r = LiveLoad.run(RunOptions.builder()
          .population(Population.of("lv", user -> user.browser().navigate("/").waitForLiveView()
              .step("add one", b -> b.click("#inc").waitForLoading(Loading.CLICK, "#inc"))
              .think(Duration.ofMillis(200)), Load.constant(users, Duration.ofSeconds(8)))
              .iterationTimeout(Duration.ofSeconds(30)))
          .baseUrl(lv.url())
          .browser(BrowserOptions.defaults().actionTimeout(Duration.ofSeconds(5)).failureScreenshots(0))
          .progress(Progress.none())
          .build());
      ScenarioResult s = r.scenario("lv");
      // each refused page is a failed navigation; after one, a browser user waits 1 s, after two in a row 2 s: in a
      // 3 s outage a user fails at most at 0, 1 and 3 s (without the back-off: 82 failures in one run)
      long refused = lv.pagesRefused();
      assertThat(refused).as("users met the outage").isPositive();
      assertThat(refused).as("failed attempts, bounded by the back-off").isLessThanOrEqualTo(users * 3L);
      assertThat(s.failedIterations()).as("failed iterations are the refused pages; errors: %s", s.errors())
          .isEqualTo(refused);
      assertThat(s.errors()).extracting(e -> e.kind()).containsOnly("status");
      assertThat(s.iterations() - s.failedIterations()).as("the users went on after it").isPositive();
      System.out.printf(java.util.Locale.ROOT, "%d users, %d ms outage: %d failed navigations = %.2f per user per "
          + "second (back-off 1 s doubling)%n", users, outageMillis, refused, refused / (double) users
          / (outageMillis / 1000.0));
    }
  }

  private static long frames(ScenarioResult s, String step) {
    return s.breakdown().stream().filter(b -> b.metric().equals(BrowserMetrics.WS_RECEIVED)
        && step.equals(b.tag("step"))).mapToLong(b -> b.histogram().count()).sum();
  }

  @Test
  void waitingForALiveViewThatNeverConnectsTimesOut() {
    try (var lv = LiveViewTarget.start().joinDelay(Duration.ofSeconds(20))) {
      RunResult r = LiveLoad.run(RunOptions.builder()
          .scenario("lv", user -> user.browser().navigate("/").waitForLiveView(), Load.iterations(1, 1))
          .baseUrl(lv.url())
          .browser(BrowserOptions.defaults().actionTimeout(Duration.ofMillis(800)).failureScreenshots(0))
          .progress(Progress.none())
          .build());
      ScenarioResult s = r.scenario("lv");
      assertThat(s.failedIterations()).isEqualTo(1);
      assertThat(s.errors()).singleElement().satisfies(e -> {
        assertThat(e.kind()).isEqualTo("timeout");
        assertThat(e.message()).contains("LiveView did not connect").contains("phx-loading");
      });
    }
  }

  @Test
  void aLoadingClassThatDoesNotClearIsNamedInTheTimeout() {
    // the server takes 20 s to reply to the click: the wait gives up first and says what is still loading
    try (var lv = LiveViewTarget.start().delay("inc", Duration.ofSeconds(20))) {
      RunResult r = LiveLoad.run(RunOptions.builder()
          .scenario("lv", user -> user.browser().navigate("/").waitForLiveView()
              .step("add one", b -> b.click("#inc").waitForLoading(Loading.CLICK)), Load.iterations(1, 1))
          .baseUrl(lv.url())
          .browser(BrowserOptions.defaults().actionTimeout(Duration.ofMillis(1500)).failureScreenshots(0))
          .progress(Progress.none())
          .build());
      ScenarioResult s = r.scenario("lv");
      assertThat(s.failedIterations()).isEqualTo(1);
      assertThat(s.errors()).singleElement().satisfies(e -> {
        assertThat(e.kind()).isEqualTo("timeout");
        assertThat(e.message()).contains("phx-click-loading did not clear within 1500 ms: still marked button#inc")
            .contains("data-phx-ref-src=phx-counter").contains("isConnected=true").contains("has the class now=true")
            .contains("WebSocket frames since: sent 1, received 0]");
      });
    }
  }
}
