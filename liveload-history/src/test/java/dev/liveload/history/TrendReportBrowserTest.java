package dev.liveload.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Route;
import dev.liveload.history.SyntheticRuns.Factors;
import dev.liveload.report.Delta.Statistic;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trend report in headless Chromium with the network closed: the history directory is served from disk under an
 * address that does not exist, and any other request is aborted and recorded.
 */
class TrendReportBrowserTest {
  static final String ORIGIN = "http://history.invalid/";
  static final List<String> CHROMIUM = List.of("/usr/lib/chromium/chromium-headless-shell",
      "/usr/bin/chromium-headless-shell", "/usr/bin/chromium");

  @Test
  void rendersOfflineWithoutErrorsAndItsChartsHoldTheRunsFiguresAndLinkToTheirReports(@TempDir Path dir)
      throws Exception {
    List<Trend> trends;
    Path page = dir.resolve("trend.html");
    try (History history = History.open(dir)) {
      var rnd = new Random(3);
      for (int n = 1; n <= 12; n++) {
        double slow = n >= 10 ? 1.3 : 1;
        history.add(SyntheticRuns.run("CheckoutLoadTest.checkout", "c" + n, n, new Factors(slow * (1 + 0.02
            * rnd.nextGaussian()), 1, 1)), Map.of("branch", "main", "commit", "%040x".formatted(n)));
        history.add(SyntheticRuns.run("Catalogue <script>alert(1)</script>", "k" + n, n, new Factors(1, 1, 1)),
            Map.of("branch", n % 2 == 0 ? "main" : "feature"));
      }
      trends = history.trends(RunQuery.all().label("branch", "main"));
      TrendReport.write(trends, page);
    }
    assertThat(trends).extracting(Trend::name).containsExactly("Catalogue <script>alert(1)</script>",
        "CheckoutLoadTest.checkout");
    Trend checkout = trends.get(1);
    TrendSeries payP95 = checkout.series("Checkout", "pay", Statistic.P95).orElseThrow();
    assertThat(payP95.flagged().indexOf(true)).isEqualTo(9);

    var errors = new CopyOnWriteArrayList<String>();
    var blocked = new CopyOnWriteArrayList<String>();
    try (Playwright pw = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of(
            "PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        Browser browser = pw.chromium().launch(new BrowserType.LaunchOptions().setHeadless(true)
            .setExecutablePath(chromium()).setArgs(List.of("--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync")));
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1360, 900))) {
      context.route("**/*", route -> serve(route, dir, blocked));
      Page p = context.newPage();
      p.onConsoleMessage(m -> {
        if (m.type().equals("error")) {
          errors.add(m.text());
        }
      });
      p.onPageError(e -> errors.add("page error: " + e));
      p.navigate(ORIGIN + "trend.html");
      p.waitForFunction("() => window.liveloadTrendReady === true");
      p.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "trend-report.png")).setFullPage(true));

      // one section per test; the hostile name is text, not markup
      assertThat(p.locator("section.trend h2").allTextContents()).hasSize(2).first().asString()
          .startsWith("Catalogue <script>alert(1)</script>");
      // every chart drew its points in colour, and holds exactly the figures of the trend
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> charts = (List<Map<String, Object>>) p.evaluate("() => Array.from("
          + "document.querySelectorAll('.chart')).map(el => { const c = el.querySelector('canvas'); let colour = 0;"
          + " if (c) { const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
          + " for (let i = 0; i < d.length; i += 4) if (d[i + 3] > 0 && Math.max(d[i], d[i + 1], d[i + 2])"
          + " - Math.min(d[i], d[i + 1], d[i + 2]) > 60) colour++; }"
          + " return { trend: +el.dataset.trend, chart: +el.dataset.chart, drawn: el.dataset.drawn,"
          + " flagged: el.dataset.flagged, colour, title: el.parentElement.querySelector('h3').textContent,"
          + " labels: el._u ? el._u.series.slice(1).map(s => s.label) : [], data: el._u ? el._u.data : null }; })");
      assertThat(charts).hasSizeGreaterThanOrEqualTo(2 * 4); // per test: the scenario, 2 steps, 2 metrics
      for (Map<String, Object> c : charts) {
        String what = c.get("title") + " (test " + c.get("trend") + ")";
        assertThat(c.get("drawn")).as(what).isNotIn("empty", "error", null);
        assertThat(Integer.parseInt((String) c.get("drawn"))).as(what).isPositive();
        assertThat(((Number) c.get("colour")).intValue()).as("series pixels of " + what).isGreaterThan(50);
        Trend t = trends.get(((Number) c.get("trend")).intValue());
        @SuppressWarnings("unchecked")
        List<List<Object>> data = (List<List<Object>>) c.get("data");
        @SuppressWarnings("unchecked")
        List<String> labels = (List<String>) c.get("labels");
        assertThat(data.get(0)).hasSize(t.runs().size());
        for (int k = 0; k < labels.size(); k++) {
          TrendSeries s = series(t, (String) c.get("title"), labels.get(k));
          List<Object> drawn = data.get(k + 1);
          for (int i = 0; i < t.runs().size(); i++) {
            assertThat(((Number) drawn.get(i)).doubleValue()).as("%s %s run %d", what, labels.get(k), i)
                .isEqualTo(s.values().get(i));
          }
        }
      }
      Map<String, Object> pay = charts.stream().filter(c -> c.get("title").equals("Checkout · step pay")
          && ((Number) c.get("trend")).intValue() == 1).findFirst().orElseThrow();
      assertThat(Integer.parseInt((String) pay.get("flagged"))).isPositive();
      assertThat(p.locator("#trend-1 .alert.bad").textContent()).contains("Checkout · step pay · p95 = ");
      // the table: one row per run, newest first, each linking to its run's report
      assertThat(p.locator("#trend-1 table.runs tbody tr").count()).isEqualTo(checkout.runs().size());
      assertThat(p.locator("#trend-1 table.runs tbody tr").first().getAttribute("data-run")).isEqualTo("c12");
      for (String href : p.locator("#trend-1 table.runs a").all().stream().map(a -> a.getAttribute("href")).toList()) {
        assertThat(dir.resolve(href)).isRegularFile();
      }

      // a click on the 3rd point of pay's chart opens that run's own report
      int run = 2;
      p.evaluate("([t, c, i]) => { const el = document.querySelector(`.chart[data-trend='${t}'][data-chart='${c}']`);"
          + " el.scrollIntoView({ block: 'center', behavior: 'instant' }); const u = el._u, r = u.over.getBoundingClientRect();"
          + " window.__at = [r.left + u.valToPos(i, 'x'), r.top + u.valToPos(u.data[2][i], u.series[2].scale)]; }",
          List.of(1, ((Number) pay.get("chart")).intValue(), run));
      @SuppressWarnings("unchecked")
      List<Number> at = (List<Number>) p.evaluate("() => window.__at");
      p.mouse().move(at.get(0).doubleValue(), at.get(1).doubleValue());
      p.waitForNavigation(() -> p.mouse().click(at.get(0).doubleValue(), at.get(1).doubleValue()));
      assertThat(p.url()).isEqualTo(ORIGIN + dir.relativize(checkout.runs().get(run).report()).toString());
      assertThat(p.title()).isEqualTo("LiveLoad report — CheckoutLoadTest.checkout");
    }
    assertThat(errors).isEmpty();
    assertThat(blocked).as("requests beyond the history").isEmpty();
  }

  /** The series a chart line shows: by the chart's title and the line's label. */
  private static TrendSeries series(Trend t, String title, String label) {
    return t.series().stream().filter(s -> dev.liveload.history.internal.TrendPage.title(s).equals(title)
        && s.statistic().label().equals(label)).findFirst().orElseThrow(() -> new AssertionError("no series for "
        + title + " / " + label));
  }

  private static void serve(Route route, Path dir, List<String> blocked) {
    String url = route.request().url();
    if (url.startsWith(ORIGIN)) {
      Path file = dir.resolve(java.net.URI.create(url).getPath().substring(1)).normalize();
      if (file.startsWith(dir) && Files.isRegularFile(file)) {
        try {
          route.fulfill(new Route.FulfillOptions().setStatus(200).setContentType("text/html; charset=utf-8")
              .setBodyBytes(Files.readAllBytes(file)));
          return;
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }
    }
    blocked.add(url);
    route.abort();
  }

  static Path chromium() {
    return CHROMIUM.stream().map(Path::of).filter(Files::isExecutable).findFirst().orElseThrow(() ->
        new IllegalStateException("no Chromium found at " + CHROMIUM + "; install it with "
            + "'apt-get install -y chromium chromium-headless-shell'"));
  }
}
