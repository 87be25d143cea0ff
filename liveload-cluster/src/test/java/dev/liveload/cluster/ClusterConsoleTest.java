package dev.liveload.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.liveload.Load;
import dev.liveload.internal.engine.SummaryTable;
import dev.liveload.result.GeneratorHealth;
import dev.liveload.result.NodeResult;
import dev.liveload.result.RunResult;
import dev.liveload.result.RunStatus;
import dev.liveload.testing.TargetServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a user sees of a normal 2-worker run, controller and workers each in their own JVM: LiveLoad's lines and no
 * Hazelcast chatter or warning; and the merged result describes the whole run, its generator health the busiest
 * worker's.
 */
class ClusterConsoleTest {
  private static final Pattern WARNING = Pattern.compile("\\b(WARN|WARNING|SEVERE|ERROR)\\b");
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
  void aNormalRunPrintsLiveLoadsLinesAndNoWarning() throws Exception {
    Path logs = Files.createDirectories(Path.of("target", "worker-logs"));
    Path resultFile = logs.resolve("console-result.json");
    Files.deleteIfExists(resultFile);
    Path controllerLog = logs.resolve("console-controller.log");
    var cmd = new ArrayList<String>();
    cmd.add(WorkerProcesses.javaBinary());
    cmd.addAll(WorkerProcesses.jvmFlags());
    cmd.addAll(List.of("-Xmx256m", "-cp", System.getProperty("java.class.path"),
        ConsoleControllerMain.class.getName(), workers.cluster, target.url(), resultFile.toString()));
    cmd.addAll(workers.members());
    var pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(controllerLog.toFile());
    pb.environment().put("LIVELOAD_CLUSTER_SECRET", WorkerProcesses.SECRET);
    Process controller = pb.start();
    assertThat(controller.waitFor(120, TimeUnit.SECONDS)).as("the controller ends; see " + controllerLog).isTrue();
    assertThat(controller.exitValue()).isZero();
    // the workers end as a user ends them (Ctrl-C / SIGTERM): they leave the cluster gracefully
    for (Process p : workers.processes) {
      p.destroy();
    }
    for (Process p : workers.processes) {
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }

    String console = Files.readString(controllerLog);
    var workerLogs = new ArrayList<String>();
    for (int i = 0; i < 2; i++) {
      workerLogs.add(Files.readString(logs.resolve(workers.name(i) + "-" + workers.ports.get(i) + ".log")));
    }
    System.out.println("=== controller console\n" + console);
    for (int i = 0; i < 2; i++) {
      System.out.println("=== worker " + workers.name(i) + " console\n" + workerLogs.get(i));
    }
    for (String out : concat(console, workerLogs)) {
      assertThat(out.lines().filter(l -> WARNING.matcher(l).find()).toList()).as("warning lines").isEmpty();
      assertThat(out).doesNotContain("com.hazelcast").doesNotContain("Members {");
    }
    assertThat(console).contains("LiveLoad controller: 2 workers in cluster '" + workers.cluster + "': w1 (")
        .contains("| workers 2/2").contains("hold 10 users | users 10 |")
        .contains("generators (busiest of 2 workers, per figure)")
        .contains("  node w1 on ").contains("  node w2 on ");
    for (int i = 0; i < 2; i++) {
      assertThat(workerLogs.get(i)).contains("LiveLoad worker " + workers.name(i) + " joined cluster")
          .contains("LiveLoad worker " + workers.name(i) + " left the cluster");
    }

    RunResult r = RunResult.read(resultFile);
    assertThat(r.run().status()).as(r.run().reason()).isEqualTo(RunStatus.COMPLETED);
    String whole = Load.constant(10, Duration.ofSeconds(6)).describe();
    assertThat(r.scenarios()).singleElement().satisfies(s -> assertThat(s.load()).isEqualTo(whole));
    assertThat(r.total().load()).isEqualTo(whole);
    assertThat(SummaryTable.render(r)).contains("CountingScenario — " + whole);
    assertThat(r.total().maxUsers()).isEqualTo(10);

    GeneratorHealth g = r.generator();
    List<GeneratorHealth> nodes = r.nodes().stream().map(NodeResult::generator).toList();
    System.out.printf("merged load: %s; generator: workers %d, cores %d, CPU mean %.1f%% max %.1f%%, heap used max "
        + "%d MB, GC %d ms, lag p99 %.2f ms%n", r.total().load(), g.workers(), g.cores(), g.cpuMeanPercent(),
        g.cpuMaxPercent(), g.heapUsedMaxBytes() >> 20, g.gcMillis(), g.schedulerLag().p99());
    r.nodes().forEach(n -> System.out.printf("node %s on %s: cores %d, CPU mean %.1f%% max %.1f%%, heap used max "
        + "%d MB, GC %d ms, lag p99 %.2f ms%n", n.id(), n.host(), n.cores(), n.generator().cpuMeanPercent(),
        n.generator().cpuMaxPercent(), n.generator().heapUsedMaxBytes() >> 20, n.generator().gcMillis(),
        n.generator().schedulerLag().p99()));
    assertThat(g.workers()).isEqualTo(2);
    assertThat(g.cpuMeanPercent()).isEqualTo(nodes.stream().mapToDouble(GeneratorHealth::cpuMeanPercent).max()
        .orElseThrow()).isLessThanOrEqualTo(g.cpuMaxPercent());
    assertThat(g.cpuMaxPercent()).isEqualTo(nodes.stream().mapToDouble(GeneratorHealth::cpuMaxPercent).max()
        .orElseThrow());
    assertThat(g.heapUsedMaxBytes()).isEqualTo(nodes.stream().mapToLong(GeneratorHealth::heapUsedMaxBytes).max()
        .orElseThrow());
    assertThat(g.schedulerLag()).isEqualTo(nodes.stream().map(GeneratorHealth::schedulerLag)
        .max(Comparator.comparingDouble((dev.liveload.result.Histogram h) -> h.p99())
            .thenComparingDouble(h -> h.max())).orElseThrow());
    // both workers on this one host: its cores once
    assertThat(r.nodes()).extracting(NodeResult::host).containsOnly(r.nodes().get(0).host());
    assertThat(g.cores()).isEqualTo(r.nodes().get(0).cores());
    assertThat(RunResult.fromJson(r.toJson())).isEqualTo(r);
  }

  private static List<String> concat(String first, List<String> rest) {
    var all = new ArrayList<String>();
    all.add(first);
    all.addAll(rest);
    return all;
  }
}
