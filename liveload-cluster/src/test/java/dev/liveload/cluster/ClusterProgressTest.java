package dev.liveload.cluster;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;

import dev.liveload.LiveLoad;
import dev.liveload.Load;
import dev.liveload.Progress;
import dev.liveload.ProgressSnapshot;
import dev.liveload.RunOptions;
import dev.liveload.result.Point;
import dev.liveload.result.RunResult;
import dev.liveload.testing.TargetServer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A progress callback at the controller of a 2-worker run: one merged snapshot a second, each the whole cluster at
 * that second (checked against the workers' own time series, merged), and the users of a killed worker gone.
 */
class ClusterProgressTest {
  private static WorkerProcesses workers;
  private static TargetServer target;

  @BeforeAll
  static void start() throws Exception {
    workers = new WorkerProcesses(2);
    target = TargetServer.start();
    target.route("/count", exchange -> TargetServer.send(exchange, 200, "ok"));
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
  void theCallbackGetsTheWholeClusterEverySecondAndLosesAKilledWorkersUsers() {
    var snapshots = new CopyOnWriteArrayList<ProgressSnapshot>();
    var killedAfter = new AtomicInteger(-1);
    RunResult r = LiveLoad.run(RunOptions.builder()
        .baseUrl(target.url())
        .scenario(CountingScenario.class, Load.constant(6, ofSeconds(10)))
        .progress(Progress.to(s -> {
          snapshots.add(s);
          // the second worker dies once the run has shown both for a few seconds
          if (s.elapsed().toMillis() >= 4_000 && killedAfter.get() < 0) {
            killedAfter.set(snapshots.size());
            workers.processes.get(1).destroyForcibly();
          }
        }).every(ofSeconds(1)))
        .distributed(workers.cluster(2))
        .build());

    assertThat(r.nodes()).extracting(n -> n.id() + " " + n.status()).containsExactly("w1 completed", "w2 failed");
    // a failed worker leaves the run described as the whole run, not as a concatenation of shares
    String whole = Load.constant(6, ofSeconds(10)).describe();
    assertThat(r.scenarios()).singleElement().satisfies(s -> assertThat(s.load()).isEqualTo(whole));
    assertThat(r.total().load()).isEqualTo(whole);
    snapshots.forEach(s -> System.out.println("snapshot " + s.line()));
    assertThat(snapshots).as("one snapshot a second of a 10 s run").hasSizeGreaterThanOrEqualTo(8);
    // one snapshot for each second the workers sampled at (a second can be missing only when a worker's threads
    // waited for a CPU longer than that, as it reports)
    long start = r.run().start().toEpochMilli();
    double lag = r.nodes().stream().filter(n -> n.generator() != null)
        .mapToDouble(n -> n.generator().schedulerLag().max()).max().orElse(0);
    for (int i = 1; i < snapshots.size(); i++) {
      long step = ClusterSecond.of(start + snapshots.get(i).elapsed().toMillis())
          - ClusterSecond.of(start + snapshots.get(i - 1).elapsed().toMillis());
      assertThat(step).as("seconds between snapshots %d and %d (worst lag %.0f ms)", i - 1, i, lag)
          .isBetween(1L, lag > 1000 ? 2L : 1L);
    }

    // every snapshot is the cluster at its second: the workers' own per-second figures, added up. That needs each
    // worker to have sampled within 800 ms of its second (the controller gathers samples by second, 200 ms early
    // allowed); a worker whose threads waited longer for a CPU, as it reports, blurs the seconds
    boolean onTime = lag < 800;
    System.out.printf("workers' worst scheduling lag %.1f ms: %s%n", lag, onTime ? "checking every second exactly"
        : "seconds blurred, checking totals only");
    List<Point> points = r.total().timeSeries().points();
    for (ProgressSnapshot s : snapshots) {
      assertThat(s.users()).isBetween(0, 6);
      assertThat(s.requests()).isLessThanOrEqualTo(r.total().requests());
      if (!onTime) {
        continue;
      }
      long second = ClusterSecond.of(start + s.elapsed().toMillis());
      long requestsSoFar = points.stream().filter(p -> ClusterSecond.of(p.time() + p.millis()) <= second)
          .mapToLong(p -> p.count("requests")).sum();
      if (s.elapsed().toMillis() < 8_500) {
        assertThat(s.requests()).as("requests so far at %s", s.elapsed()).isEqualTo(requestsSoFar);
      } else {
        // the workers' final, partial second can land in the same second as their last full one
        assertThat(s.requests()).as("requests so far at %s", s.elapsed()).isLessThanOrEqualTo(requestsSoFar);
      }
      var endingThen = points.stream().filter(p -> ClusterSecond.of(p.time() + p.millis()) == second).toList();
      if (endingThen.size() == 1) {
        assertThat(s.users()).as("users at %s", s.elapsed()).isEqualTo(endingThen.get(0).users());
      }
      assertThat(s.phase()).isIn("hold 6 users", "done");
    }

    var before = snapshots.subList(0, killedAfter.get());
    assertThat(before).allSatisfy(s -> {
      assertThat(s.workers()).isEqualTo(new ProgressSnapshot.Workers(2, 2));
      assertThat(s.line()).contains("| workers 2/2").contains("| users 6 |");
    });
    if (onTime) {
      assertThat(before).filteredOn(s -> s.elapsed().toMillis() >= 1_000)
          .allSatisfy(s -> assertThat(s.users()).isEqualTo(6));
    }
    var after = snapshots.subList(killedAfter.get(), snapshots.size()).stream()
        .filter(s -> s.workers().alive() == 1).toList();
    assertThat(after).as("snapshots once w2 was seen dead").isNotEmpty()
        .allSatisfy(s -> assertThat(s.line()).contains("| workers 1/2"));
    assertThat(after.stream().filter(s -> !s.phase().equals("done")))
        .allSatisfy(s -> assertThat(s.users()).as("w1's share only").isLessThanOrEqualTo(3));
    if (onTime) {
      assertThat(after.stream().filter(s -> !s.phase().equals("done")))
          .allSatisfy(s -> assertThat(s.users()).as("w1's share only").isEqualTo(3));
    }
    assertThat(snapshots.get(snapshots.size() - 1).requests()).isLessThanOrEqualTo(r.total().requests());
  }

  /** The wall-clock second a sample belongs to, as the controller gathers them. */
  private static final class ClusterSecond {
    static long of(long sampleMillis) {
      return Math.floorDiv(sampleMillis + 200, 1000);
    }
  }
}
