package dev.liveload.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.liveload.history.SyntheticRuns.Factors;
import dev.liveload.history.fixtures.ShopLoad;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/** A JUnit load test with liveload-history on the class path and -Dliveload.history set. */
class JUnitHistoryTest {
  @Test
  void eachLoadTestIsAddedToTheHistoryAndARegressionFailsItWhenAsked(@TempDir Path tmp) {
    Path dir = tmp.resolve("history");
    try (History history = History.open(dir)) {
      for (int n = 1; n <= 5; n++) {
        history.add(SyntheticRuns.run("ShopLoad.checkout", "earlier-" + n, n, new Factors(1, 1, 1)));
      }
    }
    var properties = List.of("liveload.history", "liveload.history.failOnRegression", "liveload.reportDir");
    System.setProperty("liveload.history", dir.toString());
    System.setProperty("liveload.history.failOnRegression", "true");
    System.setProperty("liveload.reportDir", tmp.resolve("reports").toString());
    Events events;
    try {
      events = EngineTestKit.engine("junit-jupiter").selectors(selectClass(ShopLoad.class)).execute().testEvents();
    } finally {
      properties.forEach(System::clearProperty);
    }
    assertThat(events.failed().count()).isEqualTo(1);
    Throwable failure = events.failed().stream().findFirst().orElseThrow().getPayload(
        org.junit.platform.engine.TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow();
    assertThat(failure.getMessage()).startsWith("ShopLoad.checkout failed after its run:")
        .contains("✗ regression against history in ShopLoad.checkout: Checkout · step pay · p95 = ")
        .contains("above the last 5 runs: 193 ms–193 ms, median 193 ms")
        .contains("result: " + tmp.resolve("reports"));
    assertThat(events.reportingEntryPublished().stream().flatMap(e -> e.getPayload(
        org.junit.platform.engine.reporting.ReportEntry.class).stream()).map(r -> r.getKeyValuePairs().get("liveload")))
        .anyMatch(v -> v != null && v.startsWith("history: run ") && v.endsWith("(6 runs of ShopLoad.checkout)"));
    try (History history = History.open(dir)) {
      assertThat(history.runs(RunQuery.named("ShopLoad.checkout"))).hasSize(6);
    }
  }
}
