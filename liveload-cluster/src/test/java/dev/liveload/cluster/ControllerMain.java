package dev.liveload.cluster;

import dev.liveload.LiveLoad;
import dev.liveload.Load;
import dev.liveload.Progress;
import dev.liveload.RunOptions;
import java.time.Duration;
import java.util.Arrays;

/**
 * A controller in its own JVM, so that a test can kill it: args cluster, base URL, then member addresses; the secret
 * comes from LIVELOAD_CLUSTER_SECRET.
 */
public final class ControllerMain {
  public static void main(String[] args) {
    String[] members = Arrays.copyOfRange(args, 2, args.length);
    LiveLoad.run(RunOptions.builder()
        .scenario(CountingScenario.class, Load.constant(6, Duration.ofMinutes(2)))
        .baseUrl(args[1])
        .progress(Progress.none())
        .distributed(Cluster.named(args[0]).members(members).port(WorkerProcesses.freePortUnchecked()).workers(3))
        .build());
  }
}
