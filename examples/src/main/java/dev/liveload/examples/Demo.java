package dev.liveload.examples;

import static java.time.Duration.ofMillis;
import static java.time.Duration.ofSeconds;

import dev.liveload.LiveLoad;
import dev.liveload.Load;
import dev.liveload.RunOptions;
import dev.liveload.result.Histogram;
import dev.liveload.result.RunResult;
import dev.liveload.result.ScenarioResult;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The demo: starts the embedded {@link ShopApp}, runs {@link ShopScenario} with 30 users for about 10 seconds,
 * prints a summary and writes {@code target/liveload/result.json}.
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
          .build());
      System.out.print(summary(result));
      System.out.println("Result written to " + out.toAbsolutePath());
    }
  }

  /** A plain-text summary: what was run and the key figures, with units. */
  static String summary(RunResult r) {
    var sb = new StringBuilder();
    var total = r.total();
    sb.append(String.format(Locale.ROOT, "%nRun '%s' %s in %.1f s%s%n", r.run().name(),
        r.run().status().name().toLowerCase(Locale.ROOT), r.run().durationMillis() / 1000.0,
        r.run().reason().isEmpty() ? "" : " (" + r.run().reason() + ")"));
    sb.append(String.format(Locale.ROOT, "  requests   %d (%.1f/s over the run), %d failed (%.2f%%)%n",
        total.requests(), total.throughput(), total.failedRequests(), 100 * total.errorRatio()));
    sb.append(String.format(Locale.ROOT, "  iterations %d, %d failed, %d interrupted; users up to %d%n",
        total.iterations(), total.failedIterations(), total.count("iterations.interrupted"), total.maxUsers()));
    for (ScenarioResult s : r.scenarios()) {
      sb.append(String.format(Locale.ROOT, "%n  %s — %s%n", s.name(), s.load()));
      sb.append(String.format(Locale.ROOT, "    %-34s %8s %9s %9s %9s %9s%n", "latency of passed samples (ms)",
          "count", "p50", "p95", "p99", "max"));
      line(sb, "http.duration (all requests)", s.metric("http.duration"));
      line(sb, "iteration.duration", s.metric("iteration.duration"));
      s.breakdown().stream().filter(b -> b.metric().equals("step.duration") && b.tag("error") == null)
          .forEach(b -> line(sb, "step: " + b.tag("step"), b.histogram()));
      if (!s.errors().isEmpty()) {
        sb.append("    errors:\n");
        s.errors().stream().limit(10).forEach(e -> sb.append(String.format(Locale.ROOT, "      %6d × %-8s %s%n",
            e.count(), e.kind(), e.message())));
      }
    }
    var g = r.generator();
    sb.append(String.format(Locale.ROOT, "%n  generator: CPU mean %.0f%% / max %.0f%% of one core (%d cores), heap "
        + "used up to %d MB, scheduling lag p99 %.1f ms%s%n", g.cpuMeanPercent(), g.cpuMaxPercent(), g.cores(),
        g.heapUsedMaxBytes() >> 20, g.schedulerLag().p99(), g.saturated() ? " — SATURATED: " + g.warnings() : ""));
    return sb.toString();
  }

  private static void line(StringBuilder sb, String label, Histogram h) {
    if (h == null) {
      return;
    }
    sb.append(String.format(Locale.ROOT, "    %-34s %8d %9.2f %9.2f %9.2f %9.2f%n", label, h.count(), h.p50(),
        h.p95(), h.p99(), h.max()));
  }
}
