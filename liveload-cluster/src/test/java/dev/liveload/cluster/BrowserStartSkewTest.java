package dev.liveload.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.liveload.LiveLoad;
import dev.liveload.Load;
import dev.liveload.Progress;
import dev.liveload.RunOptions;
import dev.liveload.browser.BrowserOptions;
import dev.liveload.browser.testkit.PageTarget;
import dev.liveload.internal.engine.SummaryTable;
import dev.liveload.result.NodeResult;
import dev.liveload.result.RunResult;
import dev.liveload.result.RunStatus;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Browser users on two workers with the default lead: each worker launches its browser while it prepares, before
 * the start time is fixed, so their first actions begin together; the result reports when each began.
 */
class BrowserStartSkewTest {
  private static WorkerProcesses workers;
  private static PageTarget target;

  @BeforeAll
  static void start() throws Exception {
    workers = new WorkerProcesses(2);
    target = PageTarget.start();
  }

  @AfterAll
  static void stop() {
    if (workers != null) {
      workers.close();
    }
    if (target != null) {
      target.close();
    }
  }

  @Test
  void browserUsersOnTwoWorkersBeginTheirFirstActionsWithin50Ms() {
    // the first users' pages are made while the workers prepare, before the start is fixed
    RunResult r = LiveLoad.run(RunOptions.builder()
        .baseUrl(target.url())
        .scenario(BrowserCountingScenario.class, Load.constant(2, Duration.ofSeconds(5)))
        .browser(BrowserOptions.defaults().failureScreenshots(0))
        .progress(Progress.none())
        .distributed(workers.cluster(2)) // the default lead, 2 s
        .build());
    System.out.print(SummaryTable.render(r));
    r.nodes().forEach(n -> System.out.printf("node %s: woke %.3f ms after the planned start, first action at %s ms%n",
        n.id(), n.startSkewMillis(), n.firstActionSkewMillis()));

    assertThat(r.run().status()).as(r.run().reason()).isEqualTo(RunStatus.COMPLETED);
    assertThat(r.total().count("browser.actions")).isPositive();
    assertThat(r.nodes()).allSatisfy(n -> {
      assertThat(n.firstActionSkewMillis()).as("%s's first action, reported", n.id()).isNotNull();
      assertThat(n.firstActionSkewMillis()).as("after the planned start").isGreaterThanOrEqualTo(0.0);
      assertThat(Math.abs(n.startSkewMillis())).as("%s woke on time", n.id())
          .isLessThan(50 + n.generator().schedulerLag().max());
    });
    double first = r.nodes().stream().mapToDouble(NodeResult::firstActionSkewMillis).min().orElseThrow();
    double last = r.nodes().stream().mapToDouble(NodeResult::firstActionSkewMillis).max().orElseThrow();
    // 50 ms on a machine with CPU to spare; a worker whose threads waited for a CPU, or whose users waited for its
    // browser thread to take their actions (browser.queue), as it reports, may begin its first action that much later
    double lag = r.nodes().stream().mapToDouble(n -> n.generator().schedulerLag().max()
        + (n.metrics().containsKey("browser.queue") ? n.metrics().get("browser.queue").max() : 0)).max().orElseThrow();
    System.out.printf("first-action skew %.1f ms; workers' worst scheduling lag plus browser hand-over %.1f ms%n",
        last - first, lag);
    assertThat(last - first)
        .as("first-action skew between the workers, ms (worst lag plus browser hand-over %.1f ms)", lag)
        .isLessThan(50 + lag);
    assertThat(SummaryTable.render(r)).contains("start skew: first actions ");
    assertThat(RunResult.fromJson(r.toJson())).isEqualTo(r);
  }
}
