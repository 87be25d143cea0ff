package dev.liveload.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.liveload.GeneratorLateness;
import dev.liveload.LiveLoad;
import dev.liveload.Load;
import dev.liveload.Progress;
import dev.liveload.RunOptions;
import dev.liveload.Scenario;
import dev.liveload.result.Breakdown;
import dev.liveload.result.Histogram;
import dev.liveload.result.RunResult;
import dev.liveload.result.ScenarioResult;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Browser steps are timed by the page's clock, and the page's samples land in the step they happened in: on the
 * scripted connection, whose batches say how long they ran in the page and when.
 */
class BrowserTimingTest {
  private static final String LATER = "ws://fake/later";
  private static final String NOW = "ws://fake/now";

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

  private static Histogram row(ScenarioResult s, String metric, String step) {
    return s.breakdown().stream()
        .filter(b -> b.metric().equals(metric) && java.util.Objects.equals(step, b.tag("step")))
        .map(Breakdown::histogram).findFirst()
        .orElseThrow(() -> new AssertionError("no " + metric + " in step " + step + ": " + s.breakdown().stream()
            .filter(b -> b.metric().equals(metric)).map(Breakdown::tags).toList()));
  }

  private static long frames(ScenarioResult s, String step, String url) {
    return s.breakdown().stream()
        .filter(b -> b.metric().equals(BrowserMetrics.WS_RECEIVED) && java.util.Objects.equals(step, b.tag("step"))
            && url.equals(b.tag("url")))
        .mapToLong(b -> b.histogram().count()).sum();
  }

  @Test
  void aStepCountsItsBatchesForTheirTimeInThePageAndTheHandOverIsBrowserQueue() {
    RunResult r = run(user -> user.browser()
        .step("click", b -> b.click("#queued"))
        .step("click and think", b -> b.click("#queued").think(Duration.ofMillis(100))), 3);
    ScenarioResult s = r.scenario("s");
    long queued = FakeConnection.QUEUED_MILLIS;
    long inPage = FakeConnection.PAGE_MILLIS;
    // the user's own code and a think's wake-up take longer when the machine is busy: one wake-up by up to what the
    // generator reports about itself (its probe's maximum plus one probe period); 5 ms for the user's own code.
    // The hand-over is 140 ms, longer than that slack on any machine where the probe saw under 80 ms, so a step
    // that held it would not pass.
    double slack = 5 + GeneratorLateness.worstCase(r);
    System.out.printf("slack %.1f ms; %s%n", slack, GeneratorLateness.describe(r));
    Histogram click = row(s, "step.duration", "click");
    assertThat(click.count()).isEqualTo(3);
    // the user waited 150 ms for each batch, of which the page ran 10: the step is the page's 10 ms (plus the
    // microseconds of the user's own code), not the 150 the user's thread waited
    assertThat(click.min()).isGreaterThanOrEqualTo(inPage);
    assertThat(click.max()).isLessThanOrEqualTo(inPage + slack);
    // a think is the user's time, on the user's clock: a mixed step is its thinks plus its batches' page time
    Histogram mixed = row(s, "step.duration", "click and think");
    assertThat(mixed.min()).isGreaterThanOrEqualTo(100.0 + inPage);
    assertThat(mixed.max()).isLessThanOrEqualTo(100.0 + inPage + slack);
    Histogram queue = row(s, BrowserMetrics.QUEUE, "click");
    assertThat(queue.count()).isEqualTo(3);
    assertThat(queue.min()).as("the hand-over the step leaves out").isGreaterThanOrEqualTo(queued - inPage - 1.0);
    // the iteration leaves the hand-overs out too: two page-timed batches and a think
    assertThat(s.metric("iteration.duration").max()).isLessThanOrEqualTo(100.0 + 2 * inPage + 2 * slack);
  }

  @Test
  void usersThatSpendMuchOfTheirTimeInHandOversMarkTheGeneratorSaturated() {
    // 100 ms per batch of which 10 in the page, back to back: 90% of the users' time is the generator's
    RunResult stalled = run(user -> user.browser().click("#stalled").sync(), 4);
    assertThat(stalled.generator().saturated()).isTrue();
    assertThat(stalled.generator().warnings()).anySatisfy(w -> assertThat(w)
        .contains("browser users spent").contains("waiting for the browser thread").contains("browser.queue"));
    // the same hand-over with a person's pause of 3 s: a few percent, not the generator's limit (90 ms of hand-over
    // in 3.1 s is 3%; only a machine that delays the hand-over by 250 ms more, which the generator would see in
    // its own wake-ups too, tips it over 10%)
    RunResult paced = run(user -> user.browser().click("#stalled").think(Duration.ofSeconds(3)), 2);
    System.out.println("paced: " + GeneratorLateness.describe(paced));
    if (GeneratorLateness.worstCase(paced) < 250) {
      assertThat(paced.generator().warnings()).noneSatisfy(w -> assertThat(w).contains("browser users spent"));
    } // else the machine itself made the hand-overs slow, and the generator rightly says so
  }

  @Test
  void aFrameReceivedDuringAThinkInsideAStepCountsInThatStepNotTheNext() {
    ScenarioResult s = run(user -> user.browser()
        .step("watch", b -> b.click("#frame-later").think(Duration.ofMillis(4 * FakeConnection.LATER_MILLIS)))
        .step("next", b -> b.click("#x"))
        .click("#frame-later").think(Duration.ofMillis(4 * FakeConnection.LATER_MILLIS))
        .step("last", b -> b.click("#y")), 2).scenario("s");
    // the page received it during the think inside "watch", and handed it back with the batch of "next"
    assertThat(frames(s, "watch", LATER)).isEqualTo(2);
    assertThat(frames(s, "next", LATER)).isZero();
    // during a think outside any step: no step, not the step whose batch brought it back
    assertThat(frames(s, null, LATER)).isEqualTo(2);
    assertThat(frames(s, "last", LATER)).isZero();
    // a frame stamped while a batch ran counts in the batch's step
    for (String step : List.of("watch", "next", "last")) {
      assertThat(frames(s, step, NOW)).as(step).isEqualTo(2);
    }
  }
}
