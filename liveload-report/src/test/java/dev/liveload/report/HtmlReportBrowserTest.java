package dev.liveload.report;

import static dev.liveload.http.Http.status;
import static java.time.Duration.ofMillis;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import dev.liveload.LiveLoad;
import dev.liveload.Load;
import dev.liveload.Progress;
import dev.liveload.RunOptions;
import dev.liveload.report.internal.Fmt;
import dev.liveload.result.Breakdown;
import dev.liveload.result.ErrorGroup;
import dev.liveload.result.RunResult;
import dev.liveload.result.ScenarioResult;
import dev.liveload.testing.TargetServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A report of a real run, opened in headless Chromium with the network closed. */
class HtmlReportBrowserTest {
  static final Path OUT = Path.of("target", "report-test");
  static ReportBrowser browser;
  static RunResult result;

  @BeforeAll
  static void runAndOpenBrowser() throws Exception {
    try (var target = TargetServer.start()
        .route("/items/", exchange -> {
          TargetServer.sleep(3);
          TargetServer.send(exchange, 200, "{\"item\":1}");
        })
        .route("/slow", exchange -> {
          TargetServer.sleep(25);
          TargetServer.send(exchange, 200, "slow");
        })
        .route("/cart", exchange -> {
          exchange.getRequestBody().readAllBytes();
          TargetServer.send(exchange, 201, "{\"ok\":true}");
        })) {
      result = LiveLoad.run(RunOptions.builder()
          .name("report smoke")
          .scenario("browse", user -> {
            user.step("home", () -> user.http().get("/").check(status(200)));
            user.http().get("/items/" + (1 + user.random().nextInt(50))).check(status(200));
            user.think(ofMillis(40));
          }, Load.constant(3, ofSeconds(2)))
          .scenario("checkout", user -> {
            user.step("add to cart", () -> user.http().post("/cart").json(Map.of("sku", 7)).check(status(201)));
            user.step("pay", () -> user.http().get("/slow").check(status(200)));
            if (user.iteration() % 4 == 3) {
              user.http().get("/status/500").send();
            }
            user.think(ofMillis(40));
          }, Load.rampUp(1, 3, ofSeconds(1)).thenHold(ofSeconds(1)))
          .baseUrl(target.url())
          .threshold("p95(http.duration) < 2s", "error_ratio < 1%")
          .progress(Progress.none())
          .build());
    }
    result.write(OUT.resolve("result.json"));
    browser = new ReportBrowser();
  }

  @AfterAll
  static void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void reportOfARealRunDrawsEveryChartWithTheRunsNumbersOffline() throws Exception {
    String html = HtmlReport.render(result);
    Files.createDirectories(OUT);
    HtmlReport.write(result, OUT.resolve("report.html"));
    try (var opened = browser.open(html)) {
      Page page = opened.page;
      // the whole-run panel, then each scenario's
      List<String> tabs = page.locator(".tab").allTextContents();
      assertThat(tabs).hasSize(3);
      assertThat(tabs.get(0)).startsWith("All scenarios");
      assertChartsDrew(page, "#panel-0");
      assertThat(page.locator(".card-value").first().textContent())
          .isEqualTo(Fmt.count(result.total().requests()));
      assertRowsHoldTheRunsNumbers(page, "#panel-0", result.total());
      page.screenshot(new Page.ScreenshotOptions().setPath(OUT.resolve("report.png")).setFullPage(true));

      for (int i = 1; i <= 2; i++) {
        page.locator(".tab").nth(i).click();
        assertThat(page.locator("#panel-" + i).isVisible()).isTrue();
        assertChartsDrew(page, "#panel-" + i);
        assertRowsHoldTheRunsNumbers(page, "#panel-" + i, result.scenarios().get(i - 1));
      }
      page.locator(".tab").nth(2).click();
      page.screenshot(new Page.ScreenshotOptions().setPath(OUT.resolve("report-checkout.png")).setFullPage(true));

      // the generator's charts are outside the tabs
      assertChartsDrew(page, "#generator");
      // thresholds as evaluated: one passed, one failed (the run has 500s)
      assertThat(page.locator("#thresholds tbody tr").count()).isEqualTo(2);
      assertThat(page.locator("#thresholds").textContent()).contains("p95(http.duration) < 2s", "error_ratio < 1%",
          "pass", "fail");

      // a metric change redraws the latency and distribution charts
      page.locator(".tab").nth(0).click();
      page.locator("#panel-0 .metric-select").selectOption("step.duration");
      assertChartsDrew(page, "#panel-0");

      assertThat(opened.consoleErrors).isEmpty();
      assertThat(opened.blockedRequests).as("requests the report made beyond itself").isEmpty();
    }
  }

  /** Every chart in the scope has a canvas with coloured (series) pixels and drew data points. */
  private static void assertChartsDrew(Page page, String scope) {
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> charts = (List<Map<String, Object>>) page.evaluate("scope => Array.from("
        + "document.querySelectorAll(scope + ' .chart')).map(el => { const c = el.querySelector('canvas');"
        + " let ink = 0, colour = 0; if (c) { const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
        + " for (let i = 0; i < d.length; i += 4) { if (d[i + 3] > 0) { ink++;"
        + " if (Math.max(d[i], d[i + 1], d[i + 2]) - Math.min(d[i], d[i + 1], d[i + 2]) > 60) colour++; } } }"
        + " return { chart: el.getAttribute('data-chart'), drawn: el.getAttribute('data-drawn'), ink, colour }; })",
        scope);
    assertThat(charts).as("charts in " + scope).isNotEmpty();
    for (Map<String, Object> c : charts) {
      assertThat(c.get("drawn")).as("chart %s in %s", c.get("chart"), scope).isNotNull()
          .isNotIn("empty", "error");
      assertThat(Integer.parseInt((String) c.get("drawn"))).as("points of %s", c.get("chart")).isPositive();
      assertThat(((Number) c.get("colour")).intValue()).as("series pixels of %s in %s", c.get("chart"), scope)
          .isGreaterThan(50);
    }
  }

  /** The request, step and error tables show the counts the result holds. */
  private static void assertRowsHoldTheRunsNumbers(Page page, String panel, ScenarioResult s) {
    String text = page.locator(panel).innerText();
    for (Breakdown b : s.breakdown()) {
      if (b.metric().equals("http.duration") && b.tag("error") == null && "/items/{id}".equals(b.tag("url"))) {
        long samples = s.breakdown().stream().filter(x -> x.metric().equals("http.duration")
            && "/items/{id}".equals(x.tag("url"))).mapToLong(x -> x.histogram().count()).sum();
        String row = page.locator(panel + " table.requests tr", new Page.LocatorOptions().setHasText("/items/{id}"))
            .first().innerText();
        assertThat(row).contains(Fmt.count(samples)).contains(Fmt.num(b.histogram().p95()));
      }
    }
    assertThat(text).contains(Fmt.count(s.requests()));
    for (ErrorGroup e : s.errors()) {
      String row = page.locator(panel + " table.errors tr", new Page.LocatorOptions().setHasText(e.message()))
          .first().innerText();
      assertThat(row).contains(e.kind()).contains(Fmt.count(e.count()));
    }
    s.breakdown().stream().filter(b -> b.metric().equals("step.duration") && b.tag("error") == null).forEach(b ->
        assertThat(page.locator(panel + " table.steps tr", new Page.LocatorOptions().setHasText(b.tag("step")))
            .first().innerText()).contains(Fmt.num(b.histogram().p95())));
  }
}
