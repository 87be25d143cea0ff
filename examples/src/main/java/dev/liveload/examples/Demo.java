package dev.liveload.examples;

import static java.time.Duration.ofMillis;
import static java.time.Duration.ofSeconds;

import dev.liveload.LiveLoad;
import dev.liveload.Load;
import dev.liveload.RunHook;
import dev.liveload.RunOptions;
import dev.liveload.report.HtmlReport;
import dev.liveload.result.RunResult;
import java.nio.file.Path;

/**
 * The demo: starts the embedded {@link ShopApp}, runs {@link ShopScenario} with 30 users for about 10 seconds
 * with two thresholds, prints progress and the end-of-test summary, and writes {@code target/liveload/result.json}
 * and the HTML report {@code target/liveload/report.html}; with {@code -Dliveload.history=DIR} it also adds the run
 * to that run history and judges it against the runs before it.
 *
 * <pre>{@code
 * ./mvnw -q -pl examples -am compile exec:java
 * }</pre>
 */
public final class Demo {
  private Demo() {}

  public static void main(String[] args) {
    Path out = Path.of(args.length > 0 ? args[0] : "target/liveload/result.json");
    try (ShopApp app = ShopApp.start(ofMillis(10), 0.05)) {
      System.out.println("Shop app on " + app.url() + "; 30 users for 10 s (2 s ramp-up)...");
      RunResult result = LiveLoad.run(RunOptions.builder()
          .name("shop demo")
          .scenario(ShopScenario.class, Load.rampUp(0, 30, ofSeconds(2)).thenHold(ofSeconds(8)))
          .baseUrl(app.url())
          .resultFile(out)
          .threshold("p95(http.duration) < 100ms", "error_ratio < 5%")
          .build());
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
