package dev.liveload.cluster;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.liveload.LiveLoad;
import dev.liveload.Load;
import dev.liveload.Progress;
import dev.liveload.RunOptions;
import dev.liveload.Throttle;
import dev.liveload.data.Feeder;
import dev.liveload.testing.TargetServer;
import dev.liveload.internal.metrics.Hdr;
import dev.liveload.result.NodeResult;
import dev.liveload.result.RunResult;
import dev.liveload.result.RunStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** A controller (this JVM, or a child JVM) and three worker JVMs on 127.0.0.1. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DistributedRunTest {
  private static WorkerProcesses workers;
  private static TargetServer target;
  private static final AtomicLong lastRequestNanos = new AtomicLong();
  private static final Map<String, AtomicInteger> fed = new ConcurrentHashMap<>();

  @BeforeAll
  static void startWorkers() throws Exception {
    workers = new WorkerProcesses(3);
    target = TargetServer.start();
    target.route("/count", exchange -> {
      lastRequestNanos.set(System.nanoTime());
      TargetServer.send(exchange, 200, "ok");
    });
    target.route("/throttled", exchange -> TargetServer.send(exchange, 200, "ok"));
    target.route("/feed", exchange -> {
      fed.computeIfAbsent(String.valueOf(exchange.getRequestURI().getQuery()), k -> new AtomicInteger())
          .incrementAndGet();
      TargetServer.send(exchange, 200, "ok");
    });
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

  private static RunOptions.Builder options() {
    return RunOptions.builder().baseUrl(target.url()).progress(Progress.none());
  }

  @Test
  @Order(1)
  void threeWorkersCountEverythingOnceAndMergeExactly() {
    long before = target.count("/count");
    RunResult r = LiveLoad.run(options()
        .scenario(CountingScenario.class, Load.constant(6, ofSeconds(4)))
        .threshold("error_ratio < 1%")
        .distributed(workers.cluster(3))
        .build());

    assertThat(r.run().status()).as(r.run().reason()).isEqualTo(RunStatus.COMPLETED);
    assertThat(r.nodes()).extracting(NodeResult::id).containsExactly("w1", "w2", "w3");
    assertThat(r.nodes()).allSatisfy(n -> {
      assertThat(n.status()).isEqualTo("completed");
      assertThat(n.maxUsers()).isEqualTo(2);
      assertThat(Math.abs(n.startSkewMillis())).as("start skew ms").isLessThan(50);
      assertThat(n.counters().get("requests")).isPositive();
    });
    long received = target.count("/count") - before;
    long merged = r.total().requests();
    long sumOfNodes = r.nodes().stream().mapToLong(n -> n.counters().get("requests")).sum();
    assertThat(merged).isEqualTo(received).isEqualTo(sumOfNodes);
    assertThat(r.total().failedRequests()).isZero();

    var union = Hdr.newHistogram();
    r.nodes().forEach(n -> union.add(Hdr.decode(n.metrics().get("http.duration").hdr())));
    assertThat(Hdr.decode(r.total().metric("http.duration").hdr())).isEqualTo(union);
    assertThat(r.thresholds()).singleElement().satisfies(t -> assertThat(t.passed()).isTrue());
    assertThat(r.total().maxUsers()).isEqualTo(6);
    // the merged time series adds the nodes up, interval by interval
    long seriesRequests = r.total().timeSeries().points().stream().mapToLong(p -> p.count("requests")).sum();
    assertThat(seriesRequests).isEqualTo(merged);
    assertThat(RunResult.fromJson(r.toJson())).isEqualTo(r);
  }

  @Test
  @Order(2)
  void aPlanWithAWrongSignatureStartsNoLoad() {
    long before = target.count("/count");
    assertThatThrownBy(() -> LiveLoad.run(options()
        .scenario(CountingScenario.class, Load.constant(3, ofSeconds(2)))
        .distributed(workers.cluster(3).secret("not-the-secret"))
        .build()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("3 of 3 workers refused the plan; no load was started")
        .hasMessageContaining("plan signature does not match");
    assertThat(target.count("/count")).isEqualTo(before);
  }

  @Test
  @Order(3)
  void aQueueFeederHandsEachRowOutOnceAcrossTheCluster() {
    var rows = new ArrayList<Map<String, String>>();
    for (int i = 0; i < 60; i++) {
      rows.add(Map.of("email", "user" + i + "@shop.test"));
    }
    RunResult r = LiveLoad.run(options()
        .feeder("accounts", Feeder.of(rows).whenExhausted(Feeder.WhenExhausted.STOP))
        .scenario(FeedingScenario.class, Load.constant(6, ofSeconds(20)))
        .distributed(workers.cluster(3))
        .build());

    assertThat(r.run().status()).as(r.run().reason()).isEqualTo(RunStatus.COMPLETED);
    assertThat(fed).as("every row, once, across the three workers").hasSize(60)
        .allSatisfy((query, n) -> assertThat(n.get()).as(query).isEqualTo(1));
    assertThat(r.nodes()).allSatisfy(n -> assertThat(n.counters().get("requests")).isEqualTo(20));
    assertThat(r.total().failedIterations()).isZero();
    assertThat(r.total().durationMillis()).as("the run ended when the rows ran out").isLessThan(15_000);
  }

  @Test
  @Order(4)
  void aRateThrottleHoldsAcrossTheCluster() {
    long before = target.count("/throttled");
    RunResult r = LiveLoad.run(options()
        .scenario(ThrottledScenario.class, Load.constant(6, ofSeconds(5)))
        .throttle(Throttle.rate("rate", 20, ofSeconds(1)))
        .gracefulStop(java.time.Duration.ZERO)
        .distributed(workers.cluster(3))
        .build());
    long admitted = target.count("/throttled") - before;
    // 20/s for 5 s across the whole cluster, not 20/s per worker
    assertThat(admitted).isBetween(95L, 105L);
    assertThat(r.total().requests()).isEqualTo(admitted);
  }

  @Test
  @Order(5)
  void aKilledWorkerIsFailedWithItsDataAndTheOthersComplete() throws Exception {
    long before = target.count("/count");
    var started = new CountDownLatch(1);
    Thread killer = Thread.ofPlatform().start(() -> {
      try {
        while (target.count("/count") - before < 150) {
          Thread.sleep(20);
        }
        Thread.sleep(1500); // let a few snapshots from w2 arrive
        workers.processes.get(1).destroyForcibly(); // SIGKILL
        started.countDown();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    long t0 = System.nanoTime();
    RunResult r = LiveLoad.run(options()
        .scenario(CountingScenario.class, Load.constant(6, ofSeconds(6)))
        .distributed(workers.cluster(3))
        .build());
    double seconds = (System.nanoTime() - t0) / 1e9;
    killer.join();
    assertThat(started.await(1, TimeUnit.SECONDS)).isTrue();

    assertThat(seconds).as("the run ends on time").isLessThan(20);
    assertThat(r.run().status()).isEqualTo(RunStatus.INTERRUPTED);
    assertThat(r.run().reason()).contains("1 of 3 workers failed: w2").contains("the others completed");
    NodeResult w2 = r.nodes().get(1);
    assertThat(w2.id()).isEqualTo("w2");
    assertThat(w2.status()).isEqualTo("failed");
    assertThat(w2.counters().get("requests")).as("w2's data up to its last snapshot").isPositive();
    assertThat(r.nodes().get(0).status()).isEqualTo("completed");
    assertThat(r.nodes().get(2).status()).isEqualTo("completed");
    long received = target.count("/count") - before;
    long merged = r.total().requests();
    assertThat(merged).isEqualTo(r.nodes().stream().mapToLong(n -> n.counters().get("requests")).sum());
    // nothing counted twice; only what w2 did after its last snapshot (about a second) is missing
    assertThat(merged).isLessThanOrEqualTo(received);
    assertThat(received - merged).isLessThan(150);

    workers.start(1); // bring w2 back for later tests
  }

  @Test
  @Order(6)
  void killingTheControllerStopsTheWorkersLoadWithinTenSeconds() throws Exception {
    // wait for w2 (restarted above) to be back in the cluster: the child controller waits for 3 workers
    long before = target.count("/count");
    var cmd = new ArrayList<String>();
    cmd.add(WorkerProcesses.javaBinary());
    cmd.addAll(WorkerProcesses.jvmFlags());
    cmd.addAll(List.of("-Xmx256m", "-cp", System.getProperty("java.class.path"), ControllerMain.class.getName(),
        workers.cluster, target.url()));
    cmd.addAll(workers.members());
    Path log = Files.createDirectories(Path.of("target", "worker-logs")).resolve("controller.log");
    var pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().put("LIVELOAD_CLUSTER_SECRET", WorkerProcesses.SECRET);
    Process controller = pb.start();
    try {
      long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
      while (target.count("/count") - before < 200 && System.nanoTime() < waitUntil) {
        Thread.sleep(50);
      }
      assertThat(target.count("/count") - before).as("the workers' load started; see " + log)
          .isGreaterThanOrEqualTo(200);
      long killedAt = System.nanoTime();
      controller.destroyForcibly();
      // the load stops when no request has arrived for a second
      while (System.nanoTime() - lastRequestNanos.get() < TimeUnit.SECONDS.toNanos(1)
          && System.nanoTime() - killedAt < TimeUnit.SECONDS.toNanos(30)) {
        Thread.sleep(50);
      }
      double stoppedAfter = (lastRequestNanos.get() - killedAt) / 1e9;
      assertThat(stoppedAfter).as("seconds from kill to the last request").isLessThan(10);
    } finally {
      controller.destroyForcibly();
    }
  }

  @Test
  @Order(7)
  void aHungWorkerIsFailedAfterTheHeartbeatTimeout() throws Exception {
    long before = target.count("/count");
    Process w3 = workers.processes.get(2);
    Thread freezer = Thread.ofPlatform().start(() -> {
      try {
        while (target.count("/count") - before < 150) {
          Thread.sleep(20);
        }
        Thread.sleep(1500);
        new ProcessBuilder("kill", "-STOP", String.valueOf(w3.pid())).start().waitFor();
      } catch (Exception e) {
        Thread.currentThread().interrupt();
      }
    });
    try {
      long t0 = System.nanoTime();
      RunResult r = LiveLoad.run(options()
          .scenario(CountingScenario.class, Load.constant(6, ofSeconds(12)))
          .distributed(workers.cluster(3))
          .build());
      double seconds = (System.nanoTime() - t0) / 1e9;
      freezer.join();
      assertThat(seconds).as("the run ends on time").isLessThan(30);
      NodeResult hung = r.nodes().get(2);
      assertThat(hung.id()).isEqualTo("w3");
      assertThat(hung.status()).isEqualTo("failed");
      assertThat(hung.reason()).contains("left the cluster");
      assertThat(hung.counters().get("requests")).isPositive();
      assertThat(r.nodes().get(0).status()).isEqualTo("completed");
      assertThat(r.total().requests()).isLessThanOrEqualTo(target.count("/count") - before);
    } finally {
      new ProcessBuilder("kill", "-CONT", String.valueOf(w3.pid())).start().waitFor();
    }
  }
}
