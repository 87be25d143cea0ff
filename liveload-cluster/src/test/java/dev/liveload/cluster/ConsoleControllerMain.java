package dev.liveload.cluster;

import dev.liveload.LiveLoad;
import dev.liveload.Load;
import dev.liveload.Progress;
import dev.liveload.RunOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

/**
 * A controller in its own JVM with the default console progress, so that a test sees the console a user sees: args
 * cluster, base URL, result file, then member addresses; the secret comes from LIVELOAD_CLUSTER_SECRET.
 */
public final class ConsoleControllerMain {
  public static void main(String[] args) {
    String[] members = Arrays.copyOfRange(args, 3, args.length);
    LiveLoad.run(RunOptions.builder()
        .name("console")
        .scenario(CountingScenario.class, Load.constant(10, Duration.ofSeconds(6)))
        .baseUrl(args[1])
        .progress(Progress.console().every(Duration.ofSeconds(2)))
        .resultFile(Path.of(args[2]))
        .distributed(Cluster.named(args[0]).members(members).port(WorkerProcesses.freePortUnchecked()).workers(2))
        .build());
  }
}
