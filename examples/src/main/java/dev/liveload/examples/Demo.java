package dev.liveload.examples;

import static java.time.Duration.ofMillis;
import static java.time.Duration.ofSeconds;

import dev.liveload.LiveLoad;
import dev.liveload.Load;
import dev.liveload.RunHook;
import dev.liveload.RunOptions;
import dev.liveload.browser.BrowserOptions;
import dev.liveload.browser.playwright.PlaywrightConnection;
import dev.liveload.data.Feeder;
import dev.liveload.report.HtmlReport;
import dev.liveload.result.RunResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * The demo: starts the embedded {@link ShopApp} and, for about 10 seconds, runs 30 HTTP shoppers
 * ({@link ShopScenario}) and, when a Chromium is found, {@value #BROWSER_USERS} shoppers in real browsers
 * ({@link BrowserShopper}, on the app's {@code /shop} page) beside them, with thresholds; prints progress and the
 * end-of-test summary, and writes {@code target/liveload/result.json} and the HTML report
 * {@code target/liveload/report.html}. Without a Chromium it says in one line how to get one and runs the HTTP
 * shoppers alone. With {@code -Dliveload.history=DIR} it also adds the run to that run history and judges it
 * against the runs before it.
 *
 * <pre>{@code
 * ./mvnw -q -pl examples -am compile exec:java
 * }</pre>
 */
public final class Demo {
  /** How many browser users the demo runs when a Chromium is found. */
  public static final int BROWSER_USERS = 5;

  private Demo() {}

  /**
   * Runs the demo.
   *
   * @param args optionally the result file (default {@code target/liveload/result.json}); the report is written
   *             beside it as {@code report.html}
   */
  public static void main(String[] args) {
    Path out = Path.of(args.length > 0 ? args[0] : "target/liveload/result.json");
    BrowserOptions browser = BrowserOptions.defaults().viewport(800, 600);
    Optional<String> chromium = PlaywrightConnection.findBrowser(browser);
    try (ShopApp app = ShopApp.start(ofMillis(10), 0.05)) {
      RunOptions.Builder options = RunOptions.builder()
          .name("shop demo")
          .scenario(ShopScenario.class, Load.rampUp(0, 30, ofSeconds(2)).thenHold(ofSeconds(8)))
          .baseUrl(app.url())
          .resultFile(out)
          // limits with room for a laptop or CI runner that is busy with other work: the app answers in 5-15 ms
          .threshold("p95(http.duration) < 500ms", "error_ratio < 5%");
      if (chromium.isPresent()) {
        System.out.println("Shop app on " + app.url() + "; 30 HTTP shoppers for 10 s (2 s ramp-up) and "
            + BROWSER_USERS + " shoppers in " + chromium.get() + "...");
        List<Map<String, String>> accounts = IntStream.rangeClosed(1, BROWSER_USERS)
            .mapToObj(i -> Map.of("email", "shopper" + i + "@shop.test")).toList();
        options.scenario(BrowserShopper.class, Load.constant(BROWSER_USERS, ofSeconds(10)))
            .feeder("accounts", Feeder.of(accounts).uniquePerUser())
            .browser(browser)
            .threshold("p95(step.duration{scenario:BrowserShopper}) < 5s");
      } else {
        System.out.println("No usable Chromium found, so this run has no browser users; for them, `apt-get install "
            + "chromium-headless-shell` (Debian/Ubuntu) or set LIVELOAD_BROWSER=/path/to/chrome.");
        System.out.println("Shop app on " + app.url() + "; 30 HTTP shoppers for 10 s (2 s ramp-up)...");
      }
      RunResult result = LiveLoad.run(options.build());
      System.out.println(LiveLoad.verdict(result));
      // the run hooks (liveload-history's: with -Dliveload.history=DIR the run is added to that history)
      RunHook.Outcome said = RunHook.afterRun(RunHook.installed(), result);
      said.notes().forEach(System.out::println);
      said.failures().forEach(f -> System.out.println("  ✗ " + f));
      Path report = HtmlReport.write(result, out.resolveSibling("report.html"));
      System.out.println("Result written to " + out.toAbsolutePath() + "\nReport written to " + report.toAbsolutePath());
    }
  }
}
