package dev.liveload.browser.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.liveload.LiveLoad;
import dev.liveload.Load;
import dev.liveload.Population;
import dev.liveload.Progress;
import dev.liveload.RunOptions;
import dev.liveload.Scenario;
import dev.liveload.browser.BrowserMetrics;
import dev.liveload.browser.BrowserOptions;
import dev.liveload.browser.Extract;
import dev.liveload.browser.SharedStorage;
import dev.liveload.browser.StorageState;
import dev.liveload.browser.WaitState;
import dev.liveload.result.Breakdown;
import dev.liveload.result.ErrorGroup;
import dev.liveload.result.Histogram;
import dev.liveload.result.Measurement;
import dev.liveload.result.RunResult;
import dev.liveload.result.ScenarioResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The test kit for {@link dev.liveload.browser.BrowserConnection} implementations: what every connection must do
 * for the {@code user.browser()} DSL to mean the same everywhere. Extend it in the implementation's tests, name the
 * connection, and run it against a real browser; it starts its own pages on 127.0.0.1 ({@link PageTarget}).
 *
 * <pre>{@code
 * class MyConnectionTest extends BrowserConnectionContract {
 *   @Override
 *   protected String connection() {
 *     return "mine";
 *   }
 * }
 * }</pre>
 *
 * <p>Depend on it with the {@code dev.liveload:liveload-testkit} artifact, test scope, beside a JUnit Jupiter
 * engine. Each test runs LiveLoad with one user and asserts on the {@link RunResult}, as a user of the library
 * would; timing bounds are generous enough for a loaded 2-core machine.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BrowserConnectionContract {
  /** Values scenario code hands to the test (assertions inside a scenario would only fail the iteration). */
  protected final Map<String, Object> seen = new ConcurrentHashMap<>();
  /** The pages every test visits, started before the first test and closed after the last. */
  protected PageTarget target;

  /** @return the name of the connection under test */
  protected abstract String connection();

  /** @return the options every test starts from (override to add an executable, arguments...) */
  protected BrowserOptions options() {
    return BrowserOptions.defaults().connection(connection()).actionTimeout(Duration.ofSeconds(5))
        .navigationTimeout(Duration.ofSeconds(10)).failureScreenshots(0);
  }

  @BeforeAll
  void startTarget() {
    target = PageTarget.start();
  }

  @AfterAll
  void stopTarget() {
    target.close();
  }

  /** Runs {@code body} for {@code iterations} iterations of one user. */
  protected RunResult run(int iterations, BrowserOptions options, Scenario.Body body) {
    seen.clear();
    return LiveLoad.run(RunOptions.builder()
        .population(Population.of("kit", body, Load.iterations(1, iterations)).iterationTimeout(Duration.ofSeconds(60)))
        .baseUrl(target.url())
        .browser(options)
        .progress(Progress.none())
        .build());
  }

  /** Runs {@code body} for one iteration of one user with {@link #options()}. */
  protected RunResult run(Scenario.Body body) {
    return run(1, options(), body);
  }

  /** Fails with the result's error groups when anything failed. */
  protected static ScenarioResult passed(RunResult r) {
    ScenarioResult s = r.scenario("kit");
    assertThat(s.errors()).as("errors").isEmpty();
    assertThat(s.failedIterations()).isZero();
    assertThat(s.iterations()).isPositive();
    return s;
  }

  /** The one row of a metric with a given {@code method} tag (and optional url tag). */
  protected static Histogram row(ScenarioResult s, String metric, String method, String url) {
    List<Breakdown> rows = s.breakdown().stream()
        .filter(b -> b.metric().equals(metric) && (method == null || method.equals(b.tag("method")))
            && (url == null || url.equals(b.tag("url"))) && b.tag("error") == null)
        .toList();
    assertThat(rows).as(metric + " rows with method=" + method + " url=" + url + " in " + s.breakdown().stream()
        .filter(b -> b.metric().equals(metric)).map(Breakdown::tags).toList()).isNotEmpty();
    return rows.stream().map(Breakdown::histogram).reduce(Histogram::merge).orElseThrow();
  }

  @Test
  public void aWaitAfterAClickIsTimedFromTheClickInThePage() {
    RunResult r = run(user -> {
      var b = user.browser().navigate("/counter?delay=150");
      b.step("add", x -> x.click("#inc").waitForText("#count", "1"));
      seen.put("count", b.text("#count"));
    });
    ScenarioResult s = passed(r);
    assertThat(seen.get("count")).isEqualTo("1");
    Histogram wait = row(s, BrowserMetrics.ACTION, "waitForText", "/counter");
    assertThat(wait.max()).as("page-timed wait after a 150 ms delayed update").isBetween(149.0, 400.0);
    assertThat(row(s, BrowserMetrics.ACTION, "click", "/counter").max()).isLessThan(1000.0);
    assertThat(row(s, BrowserMetrics.ACTION, "navigate", "/counter").count()).isEqualTo(1);
    assertThat(s.count("browser.actions")).isEqualTo(4);
  }

  @Test
  public void formsAreFilledSelectedCheckedAndSubmittedLikeAPersonWould() {
    RunResult r = run(user -> {
      var b = user.browser().navigate("/form")
          .fill("#name", "Ann Example")
          .fill("#bio", "likes load tests")
          .select("#color", "green")
          .select("#tags", "a", "c")
          .check("#agree")
          .uncheck("#news");
      seen.put("name", b.inputValue("#name"));
      seen.put("agree", b.isChecked("#agree"));
      seen.put("news", b.isChecked("#news"));
      seen.put("label", b.attribute("#send", "type"));
      seen.put("html", b.innerHtml("#color"));
      b.clear("#bio").press("#name", "Enter").waitFor("#thanks");
      seen.put("thanks", b.text("#thanks"));
      seen.put("visible", b.isVisible("#thanks"));
      seen.put("gone", b.isVisible("#name"));
    });
    passed(r);
    assertThat(seen).containsEntry("name", "Ann Example").containsEntry("agree", true).containsEntry("news", false)
        .containsEntry("label", "submit").containsEntry("thanks", "Thanks Ann Example")
        .containsEntry("visible", true).containsEntry("gone", false);
    assertThat((String) seen.get("html")).contains("<option value=\"g\">green</option>");
    assertThat(target.forms()).last().isEqualTo(Map.of("name", "Ann Example", "bio", "", "color", "g",
        "tags", "a,c", "agree", "on"));
  }

  @Test
  public void linksNavigateAndWaitsFollowTheNewDocument() {
    RunResult r = run(user -> {
      var b = user.browser().navigate("/links").click("#next").waitForUrl("**/next?from=links").waitFor("#arrived");
      seen.put("url", b.url());
      b.waitForUrl(Pattern.compile("/next\\?")).reload().waitFor("#arrived", WaitState.ATTACHED)
          .waitFor("#nothing", WaitState.DETACHED).waitFor("#nothing", WaitState.HIDDEN);
      seen.put("text", b.text("text=Arrived"));
      seen.put("xpath", b.text("xpath=//p[@id='arrived']"));
    });
    ScenarioResult s = passed(r);
    assertThat(seen.get("url")).isEqualTo(target.url() + "/next?from=links");
    assertThat(seen).containsEntry("text", "Arrived").containsEntry("xpath", "Arrived");
    assertThat(row(s, BrowserMetrics.ACTION, "reload", "/next").count()).isEqualTo(1);
    assertThat(row(s, BrowserMetrics.LOAD, null, "/next").count()).isEqualTo(2);
    assertThat(row(s, BrowserMetrics.REQUEST, "document", "/next").count()).isEqualTo(2);
  }

  @Test
  public void aSlowScriptShowsInTheNavigationAndItsRequest() {
    RunResult r = run(user -> user.browser().navigate("/slow-page?ms=300").waitFor("#ready"));
    ScenarioResult s = passed(r);
    assertThat(row(s, BrowserMetrics.ACTION, "navigate", "/slow-page").max()).isGreaterThanOrEqualTo(300.0);
    Histogram script = row(s, BrowserMetrics.REQUEST, "script", "/slow.js");
    assertThat(script.max()).isBetween(299.0, 2000.0);
    assertThat(row(s, BrowserMetrics.REQUEST_TTFB, "script", "/slow.js").max()).isGreaterThanOrEqualTo(299.0);
    assertThat(row(s, BrowserMetrics.REQUEST_BYTES, "script", "/slow.js").max()).isPositive();
    assertThat(s.count("browser.requests")).isGreaterThanOrEqualTo(2);
  }

  @Test
  public void webVitalsOfAPageWithASlowImage() {
    // LCP is final at the first interaction or when the page is left; here when the user closes its page, once the
    // browser has reported the hero image as the largest paint (left any earlier, the page rightly reports the text)
    RunResult r = run(user -> user.browser().navigate("/vitals?ms=400").waitFor("#hero")
        .evaluate(LCP_REPORTED, "#hero"));
    ScenarioResult s = passed(r);
    double fcp = row(s, BrowserMetrics.FCP, null, "/vitals").max();
    double lcp = row(s, BrowserMetrics.LCP, null, "/vitals").max();
    double ttfb = row(s, BrowserMetrics.TTFB, null, "/vitals").max();
    assertThat(ttfb).isLessThan(fcp);
    assertThat(fcp).isLessThan(400.0);
    assertThat(lcp).as("LCP is the hero image, which arrives 400 ms late").isBetween(400.0, 3000.0);
    assertThat(row(s, BrowserMetrics.CLS, null, "/vitals").count()).isEqualTo(1);
    assertThat(row(s, BrowserMetrics.REQUEST, "img", "/hero.png").max()).isGreaterThanOrEqualTo(399.0);
  }

  /**
   * An async function that resolves once the browser has reported a largest contentful paint for the page (with a
   * selector as its argument: one of that element). The entry (and the first contentful paint's) comes when the
   * frame has been presented, which on a busy machine is later than the next animation frames; a page left before
   * it has no LCP, in a browser as in LiveLoad, so a test that counts page views' Web Vitals waits for it.
   */
  protected static final String LCP_REPORTED = "(selector) => new Promise(r => new PerformanceObserver((list, o) => {"
      + " if (list.getEntries().some(e => !selector || (e.element && e.element.matches(selector)))) {"
      + " o.disconnect(); r(); } }).observe({ type: 'largest-contentful-paint', buffered: true }))";

  @Test
  public void webVitalsAreFinalWhenAPageIsLeftOneSetPerPageView() {
    // three page views, left by a click on a link, by navigate(), and by the user's context closing
    RunResult r = run(user -> {
      var b = user.browser().navigate("/shift").waitFor("#shifted");
      b.evaluate(LCP_REPORTED);
      b.click("#next").waitFor("#arrived").evaluate(LCP_REPORTED);
      b.navigate("/counter?delay=100").evaluate(LCP_REPORTED);
      b.click("#inc").waitForText("#count", "1");
    });
    ScenarioResult s = passed(r);
    for (String page : List.of("/shift", "/next", "/counter")) {
      assertThat(row(s, BrowserMetrics.LCP, null, page).count()).as("LCP of " + page).isEqualTo(1);
      assertThat(row(s, BrowserMetrics.CLS, null, page).count()).as("CLS of " + page).isEqualTo(1);
      assertThat(row(s, BrowserMetrics.FCP, null, page).count()).as("FCP of " + page).isEqualTo(1);
    }
    assertThat(s.metric(BrowserMetrics.LCP).count()).isEqualTo(3);
    assertThat(s.metric(BrowserMetrics.CLS).count()).isEqualTo(3);
    assertThat(row(s, BrowserMetrics.CLS, null, "/shift").max()).as("the banner shifted page 1").isPositive();
    assertThat(row(s, BrowserMetrics.CLS, null, "/next").max()).isZero();
    // INP: one per page view that had an interaction whose next frame was painted before the page was left
    assertThat(row(s, BrowserMetrics.INP, null, "/counter").count()).isEqualTo(1);
    assertThat(s.count("browser.page_views")).isEqualTo(3);
  }

  @Test
  public void aReloadAndANavigationEachEndAPageView() {
    RunResult r = run(user -> {
      var b = user.browser();
      b.navigate("/vitals?ms=10").waitFor("#hero").evaluate(LCP_REPORTED);
      b.reload().evaluate(LCP_REPORTED);
      b.navigate("/counter").evaluate(LCP_REPORTED);
    });
    ScenarioResult s = passed(r);
    assertThat(row(s, BrowserMetrics.LCP, null, "/vitals").count()).isEqualTo(2);
    assertThat(row(s, BrowserMetrics.CLS, null, "/vitals").count()).isEqualTo(2);
    assertThat(row(s, BrowserMetrics.LCP, null, "/counter").count()).isEqualTo(1);
  }

  @Test
  public void titleContentAndWhatCannotBeChecked() {
    RunResult r = run(3, options(), user -> {
      var b = user.browser().navigate("/form");
      switch ((int) user.iteration()) {
        case 0 -> {
          seen.put("title", b.title());
          seen.put("content", b.content());
          b.check("text=agree"); // a label checks its control
          seen.put("agree", b.isChecked("#agree"));
        }
        case 1 -> seen.put("text input", b.isChecked("#name"));
        default -> b.check("#name");
      }
    });
    ScenarioResult s = r.scenario("kit");
    assertThat(seen).containsEntry("title", "Form").containsEntry("agree", true).doesNotContainKey("text input");
    assertThat((String) seen.get("content")).startsWith("<!DOCTYPE html>").contains("<form id=\"f\"");
    assertThat(s.failedIterations()).isEqualTo(2);
    assertThat(s.errors()).extracting(ErrorGroup::kind).containsOnly("not_checkable");
    assertThat(s.errors()).anySatisfy(e -> assertThat(e.message()).contains("is_checked(#name)")
        .contains("not a checkbox"));
    assertThat(s.errors()).anySatisfy(e -> assertThat(e.message()).contains("check(#name)")
        .contains("not a checkbox"));
  }

  @Test
  public void aStepIsTheTimeItsActionsTookInThePage() {
    RunResult r = run(5, options(), user -> {
      var b = user.browser();
      if (user.iteration() == 0) {
        b.navigate("/counter?delay=80");
      }
      b.step("add", x -> x.click("#inc").waitForText("#count", Long.toString(user.iteration() + 1)));
    });
    ScenarioResult s = passed(r);
    Histogram step = s.breakdown().stream().filter(b -> b.metric().equals("step.duration"))
        .map(Breakdown::histogram).findFirst().orElseThrow();
    Histogram click = row(s, BrowserMetrics.ACTION, "click", null);
    Histogram wait = row(s, BrowserMetrics.ACTION, "waitForText", null);
    // the wait is timed from the click's end: the step is the two, end to end, as the page saw them, and the
    // hand-over to the browser and back (browser.queue, 10-20 ms a batch) is left out; the user's own code takes
    // microseconds, more by the generator's scheduling lag when the machine is busy. One click and one wait per
    // step: so for the means (a sum's mean is the sum of the means; medians do not add up)
    assertThat(step.min()).isGreaterThanOrEqualTo(80.0);
    assertThat(step.mean()).isLessThanOrEqualTo(click.mean() + wait.mean() + 2.0
        + r.generator().schedulerLag().p99());
    assertThat(step.min()).isGreaterThanOrEqualTo(wait.min());
    assertThat(row(s, BrowserMetrics.QUEUE, null, null).count()).isGreaterThanOrEqualTo(5);
  }

  @Test
  public void pointerKeyboardAndDragActionsReachThePage() {
    RunResult r = run(user -> {
      var b = user.browser().navigate("/interact")
          .hover("#hover").focus("#field").blur("#field").dragAndDrop("#src", "#dst")
          .fill("#q", "shoe").press("#q", "s").submitForm("#q");
      seen.put("log", b.text("#log"));
      seen.put("q", b.inputValue("#q"));
    });
    passed(r);
    assertThat(seen.get("log")).isEqualTo("hover;focus;blur;drop:x;submit:shoes;");
  }

  @Test
  public void evaluateReturnsJsonLikeValuesAndScreenshotsArePngs(@TempDir Path dir) throws Exception {
    Path png = dir.resolve("shots/page.png");
    RunResult r = run(user -> {
      var b = user.browser().navigate("/counter");
      seen.put("title", b.evaluate("document.title"));
      seen.put("sum", b.evaluate("n => n + 1", 41));
      seen.put("list", b.evaluate("async () => [1, 'two', {three: 3}]"));
      b.screenshot(png).click("#inc");
    });
    passed(r);
    assertThat(seen.get("title")).isEqualTo("Counter");
    assertThat(((Number) seen.get("sum")).intValue()).isEqualTo(42);
    assertThat(seen.get("list").toString()).isEqualTo("[1, two, {three=3}]");
    byte[] bytes = Files.readAllBytes(png);
    assertThat(bytes).startsWith(0x89, 'P', 'N', 'G');
  }

  @Test
  public void eachFailureKindIsRecordedOnceAndTheUserCarriesOn() {
    var opts = options().actionTimeout(Duration.ofMillis(700)).navigationTimeout(Duration.ofSeconds(5));
    RunResult r = run(8, opts, user -> {
      var b = user.browser();
      switch ((int) user.iteration()) {
        case 0 -> b.navigate("/obstacles").click("#missing");
        case 1 -> b.navigate("/obstacles").click("#ghost");
        case 2 -> b.navigate("/obstacles").click("#off");
        case 3 -> b.navigate("/obstacles").click("#under");
        case 4 -> b.navigate("/obstacles").waitForText("body", "never there");
        case 5 -> b.navigate("http://127.0.0.1:1/");
        case 6 -> b.navigate("/status/500");
        default -> b.navigate("/obstacles?late=100").click("#late").evaluate("() => { throw new Error('boom') }");
      }
      b.click("#never-reached");
    });
    ScenarioResult s = r.scenario("kit");
    assertThat(s.iterations()).isEqualTo(8);
    assertThat(s.failedIterations()).isEqualTo(8);
    Map<String, Long> kinds = new java.util.TreeMap<>();
    for (ErrorGroup e : s.errors()) {
      kinds.merge(e.kind(), e.count(), Long::sum);
    }
    assertThat(kinds).containsExactlyInAnyOrderEntriesOf(Map.of("selector_not_found", 1L, "not_actionable", 3L,
        "timeout", 1L, "navigation", 1L, "status", 1L, "script", 1L));
    assertThat(s.errors()).anySatisfy(e -> assertThat(e.message()).contains("click(#under)").contains("covered"));
    assertThat(s.errors()).anySatisfy(e -> assertThat(e.message()).contains("click(#off)").contains("disabled"));
    assertThat(s.errors()).anySatisfy(e -> assertThat(e.message()).contains("boom"));
    // the late button became clickable within the timeout: only the script failed in that iteration
    assertThat(s.breakdown()).anySatisfy(b -> {
      assertThat(b.metric()).isEqualTo(BrowserMetrics.ACTION);
      assertThat(b.tags()).containsEntry("method", "click").doesNotContainKey("error");
    });
  }

  @Test
  public void anIterationTimeoutCutsOffALongWaitAndTheNextIterationWorks() {
    var opts = options().actionTimeout(Duration.ofSeconds(30));
    RunResult r = LiveLoad.run(RunOptions.builder()
        .population(Population.of("kit", user -> {
          var b = user.browser().navigate("/counter");
          if (user.iteration() == 0) {
            b.waitFor("#never");
          }
          b.click("#inc").waitForText("#count", "1");
        }, Load.iterations(1, 2)).iterationTimeout(Duration.ofSeconds(2)))
        .baseUrl(target.url())
        .browser(opts)
        .progress(Progress.none())
        .build());
    ScenarioResult s = r.scenario("kit");
    assertThat(s.iterations()).isEqualTo(2);
    assertThat(s.failedIterations()).isEqualTo(1);
    assertThat(s.errors()).singleElement().satisfies(e -> {
      assertThat(e.kind()).isEqualTo("iteration_timeout");
      assertThat(e.message()).contains("waitFor(#never");
    });
    assertThat(s.metric("iteration.duration").max()).isLessThan(20_000.0);
  }

  @Test
  public void aRestoredUserIsLoggedInWithoutVisitingTheLoginPage() {
    var loggedIn = new SharedStorage();
    int loginPages = target.hits("/login");
    RunResult r = LiveLoad.run(RunOptions.builder()
        .population(Population.of(() -> new Scenario() {
          @Override
          public String name() {
            return "kit";
          }

          @Override
          public void beforeUser(dev.liveload.User user) throws Exception {
            // the first user logs in and takes the snapshot; the second waits for it
            StorageState state = loggedIn.get(() -> user.browser().navigate("/login")
                .fill("#user", "ann").fill("#password", "secret").click("#login")
                .waitForUrl("/account?first=1").waitFor("#welcome").storageState());
            user.browser().restore(state);
          }

          @Override
          public void run(dev.liveload.User user) {
            var b = user.browser().navigate("/account").waitFor("#welcome");
            seen.put("welcome" + user.id(), b.text("#welcome"));
            seen.put("theme" + user.id(), b.text("#theme"));
            seen.put("tab" + user.id(), b.text("#tab"));
          }
        }, Load.iterations(2, 1)))
        .baseUrl(target.url())
        .browser(options())
        .progress(Progress.none())
        .build());
    passed(r);
    assertThat(target.hits("/login") - loginPages).as("one login page view and one login post, by one user: "
        + target.requests()).isEqualTo(2);
    for (int id = 1; id <= 2; id++) {
      assertThat(seen).containsEntry("welcome" + id, "Welcome ann").containsEntry("theme" + id, "dark")
          .containsEntry("tab" + id, "orders");
    }
    assertThat(loggedIn.peek().toJson()).contains("\"session\"").contains("\"theme\"").contains("sessionStorage");
  }

  @Test
  public void everyRecordedMetricIsDeclaredAndUnsupportedOnesAreNeverRecorded() {
    RunResult r = run(user -> user.browser().navigate("/vitals?ms=10").click("#intro").navigate("/counter")
        .save("count", Extract.text("#count")));
    passed(r);
    for (String metric : r.total().metrics().keySet()) {
      if (metric.startsWith("browser.") || metric.startsWith("webvital.") || metric.startsWith("liveview.")) {
        assertThat(r.measurement(metric)).as(metric).isIn(Measurement.INSTRUMENTED, Measurement.ESTIMATED);
      }
    }
    for (var e : r.measurements().entrySet()) {
      if (e.getValue() == Measurement.UNSUPPORTED) {
        assertThat(r.total().metric(e.getKey())).as(e.getKey() + " is declared unsupported").isNull();
      }
    }
    assertThat(r.measurements().keySet()).containsAll(BrowserMetrics.ALL);
  }
}
