package dev.liveload.cluster;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.liveload.LiveLoad;
import dev.liveload.Load;
import dev.liveload.Progress;
import dev.liveload.RunOptions;
import dev.liveload.cluster.internal.ScenarioClasses;
import dev.liveload.testing.TargetServer;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two worker JVMs, the second with another build of {@link CountingScenario} ahead on its class path: the plan
 * carries the controller's fingerprint of the class, and the second worker refuses it, naming the class and both
 * fingerprints, before any load.
 */
class ScenarioFingerprintTest {
  private static final String CLUSTER = "liveload-fingerprint-" + java.util.UUID.randomUUID();
  private static final List<Process> processes = new ArrayList<>();
  private static final List<String> members = new ArrayList<>();
  private static TargetServer target;
  private static Path otherBuild;
  @TempDir
  static Path scratch;

  @BeforeAll
  static void start() throws Exception {
    target = TargetServer.start();
    target.route("/count", exchange -> TargetServer.send(exchange, 200, "ok"));
    otherBuild = compileOtherCountingScenario();
    Path logs = Files.createDirectories(Path.of("target", "worker-logs"));
    for (int i = 0; i < 2; i++) {
      members.add("127.0.0.1:" + WorkerProcesses.freePort());
    }
    for (int i = 0; i < 2; i++) {
      String cp = (i == 1 ? otherBuild + File.pathSeparator : "") + System.getProperty("java.class.path");
      var cmd = new ArrayList<String>();
      cmd.add(WorkerProcesses.javaBinary());
      cmd.addAll(WorkerProcesses.jvmFlags());
      cmd.addAll(List.of("-Xmx256m", "-cp", cp, "dev.liveload.cluster.Worker", "--cluster", CLUSTER, "--members",
          String.join(",", members), "--port", members.get(i).split(":")[1], "--name", "f" + (i + 1)));
      var pb = new ProcessBuilder(cmd).redirectErrorStream(true)
          .redirectOutput(logs.resolve("fingerprint-f" + (i + 1) + ".log").toFile());
      pb.environment().put("LIVELOAD_CLUSTER_SECRET", WorkerProcesses.SECRET);
      processes.add(pb.start());
    }
  }

  /** The same class name, other code: what a worker started from an older jar has. */
  private static Path compileOtherCountingScenario() throws Exception {
    Path dir = scratch.resolve("other-build");
    Path src = Files.createDirectories(dir.resolve("src/dev/liveload/cluster")).resolve("CountingScenario.java");
    Files.writeString(src, """
        package dev.liveload.cluster;

        public final class CountingScenario extends dev.liveload.Scenario {
          @Override
          public void run(dev.liveload.User user) {
            user.http().get("/count?from=the-old-build");
          }
        }
        """);
    Path classes = Files.createDirectories(dir.resolve("classes"));
    int rc = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(), "-cp",
        System.getProperty("java.class.path"), src.toString());
    assertThat(rc).as("compiling the other build").isZero();
    return classes;
  }

  @AfterAll
  static void stop() throws InterruptedException {
    for (Process p : processes) {
      p.destroyForcibly();
      p.waitFor(30, TimeUnit.SECONDS);
    }
    if (target != null) {
      target.close();
    }
  }

  @Test
  void aWorkerWithOtherScenarioClassesRefusesThePlanNamingBothFingerprints() {
    String ours = ScenarioClasses.fingerprint(CountingScenario.class);
    long before = target.count("/count");
    assertThatThrownBy(() -> LiveLoad.run(RunOptions.builder()
        .baseUrl(target.url())
        .scenario(CountingScenario.class, Load.constant(2, ofSeconds(3)))
        .progress(Progress.none())
        .distributed(Cluster.named(CLUSTER).members(members.toArray(String[]::new))
            .port(WorkerProcesses.freePortUnchecked()).workers(2).secret(WorkerProcesses.SECRET))
        .build()))
        .isInstanceOf(IllegalStateException.class)
        .satisfies(e -> System.out.println("refusal: " + e.getMessage()))
        .hasMessageContaining("1 of 2 workers refused the plan; no load was started")
        .hasMessageContaining("f2: scenario classes differ from the controller's: dev.liveload.cluster.CountingScenario"
            + " is ")
        .hasMessageContaining(ours + " at the controller")
        .hasMessageContaining("(from file:" + otherBuild + "/)")
        .hasMessageNotContaining("f1:");
    assertThat(target.count("/count")).as("no load").isEqualTo(before);
  }
}
