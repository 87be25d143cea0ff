package dev.liveload.bench;

import dev.liveload.LiveLoad;
import dev.liveload.Load;
import dev.liveload.Progress;
import dev.liveload.RunOptions;
import dev.liveload.cluster.Cluster;
import dev.liveload.internal.metrics.Hdr;
import dev.liveload.result.Breakdown;
import dev.liveload.result.Environment;
import dev.liveload.result.GeneratorHealth;
import dev.liveload.result.Histogram;
import dev.liveload.result.Point;
import dev.liveload.result.RunInfo;
import dev.liveload.result.RunResult;
import dev.liveload.result.RunStatus;
import dev.liveload.result.ScenarioResult;
import dev.liveload.result.TimeSeries;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Distributed-run benchmark: total requests/s against the reference nginx target with one JVM and with 2 and 4
 * worker JVMs on this host (same cores: the difference is coordination overhead), then the controller's time and
 * memory to merge 100 synthetic node results of a 10-minute run. Not a test: it prints figures.
 */
public final class ClusterBench {
  private ClusterBench() {}

  public static void main(String[] args) throws Exception {
    String target = args.length > 0 ? args[0] : "http://127.0.0.1:18080";
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    int users = 100;
    System.out.printf(Locale.ROOT, "cluster benchmark: %d users, GET / on %s, %d s per run, %d cores%n", users, target,
        seconds, Runtime.getRuntime().availableProcessors());
    throughput(target, users, 5, 0); // warm-up
    var rows = new ArrayList<String>();
    rows.add(throughput(target, users, seconds, 0));
    rows.add(throughput(target, users, seconds, 2));
    rows.add(throughput(target, users, seconds, 4));
    System.out.printf(Locale.ROOT, "%n%-22s %12s %9s %9s%n", "generators", "requests/s", "p50 ms", "p99 ms");
    rows.forEach(System.out::println);
    merge();
  }

  private static String throughput(String target, int users, int seconds, int workers) throws Exception {
    var options = RunOptions.builder()
        .scenario(GetRoot.class, Load.constant(users, Duration.ofSeconds(seconds)))
        .baseUrl(target)
        .progress(Progress.none());
    List<Process> processes = new ArrayList<>();
    try {
      if (workers > 0) {
        String cluster = "bench-" + System.nanoTime();
        List<String> members = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
          members.add("127.0.0.1:" + freePort());
        }
        for (String m : members) {
          processes.add(new ProcessBuilder(javaBinary(), "-Xmx512m", "-cp", System.getProperty("java.class.path"),
              "dev.liveload.cluster.Worker", "--cluster", cluster, "--members", String.join(",", members),
              "--bind", "127.0.0.1", "--port", m.substring(m.indexOf(':') + 1))
              .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start());
        }
        options.distributed(Cluster.named(cluster).members(members.toArray(String[]::new)).port(freePort())
            .workers(workers));
      }
      RunResult r = LiveLoad.run(options.build());
      Histogram h = r.total().metric("http.duration");
      return String.format(Locale.ROOT, "%-22s %12.0f %9.2f %9.2f", workers == 0 ? "1 JVM (no cluster)"
          : workers + " worker JVMs", r.total().throughput(), h.p50(), h.p99());
    } finally {
      processes.forEach(Process::destroy);
      for (Process p : processes) {
        p.waitFor();
      }
    }
  }

  /** 100 synthetic node results, 10 minutes of 1 s points with real HDR data each, merged. */
  private static void merge() {
    var random = new SplittableRandom(1);
    var nodes = new ArrayList<RunResult>();
    long start = 1_700_000_000_000L;
    for (int n = 0; n < 100; n++) {
      nodes.add(node(n, start, random));
    }
    var memory = ManagementFactory.getMemoryMXBean();
    System.gc();
    long heapBefore = memory.getHeapMemoryUsage().getUsed();
    long t0 = System.nanoTime();
    RunResult merged = RunResult.merge(nodes);
    long mergeNanos = System.nanoTime() - t0;
    long heapAfter = memory.getHeapMemoryUsage().getUsed();
    String json = merged.toJson();
    System.out.printf(Locale.ROOT, "%nmerge of 100 node results, each 600 points x 2 metrics (10 min at 1 s): %.0f ms; "
        + "heap grew by %d MB during the merge (no GC forced); merged JSON %.1f MB; %d requests, %d points%n",
        mergeNanos / 1e6, Math.max(0, heapAfter - heapBefore) >> 20, json.length() / 1e6, merged.total().requests(),
        merged.total().timeSeries().points().size());
  }

  private static RunResult node(int n, long start, SplittableRandom random) {
    var points = new ArrayList<Point>();
    var total = Hdr.newHistogram();
    var iterations = Hdr.newHistogram();
    long requests = 0;
    for (int s = 0; s < 600; s++) {
      var h = Hdr.newHistogram();
      var it = Hdr.newHistogram();
      for (int i = 0; i < 200; i++) {
        long v = 1000 + (long) (random.nextDouble() * random.nextDouble() * 200_000);
        h.recordValue(v);
        it.recordValue(v * 3);
      }
      total.add(h);
      iterations.add(it);
      requests += 200;
      points.add(new Point(start + s * 1000L, 1000, 10, Map.of("requests", 200L, "iterations", 200L),
          Map.of("http.duration", Hdr.summarize(h, "ms", 1000), "iteration.duration", Hdr.summarize(it, "ms", 1000))));
    }
    var metrics = Map.of("http.duration", Hdr.summarize(total, "ms", 1000),
        "iteration.duration", Hdr.summarize(iterations, "ms", 1000));
    var breakdown = List.of(new Breakdown("http.duration", Map.of("method", "GET", "url", "/", "status", "200"),
        metrics.get("http.duration")), new Breakdown("iteration.duration", Map.of(), metrics.get("iteration.duration")));
    var counters = Map.of("requests", requests, "iterations", requests, "requests.failed", 0L);
    var s = new ScenarioResult("api", "10 users for 10m", 10, 600_000, counters, metrics, breakdown, List.of(),
        new TimeSeries(1000, points));
    var total2 = new ScenarioResult("all", s.load(), 10, 600_000, counters, metrics, breakdown, List.of(),
        new TimeSeries(1000, points));
    var info = new RunInfo("run", "bench", Instant.ofEpochMilli(start), Instant.ofEpochMilli(start + 600_000),
        RunStatus.COMPLETED, "", Map.of(), new Environment("bench", "", "", "", "node-" + n, 2, 0));
    var health = new GeneratorHealth(false, List.of(), 2, 50, 80, 0, 0, 0, Histogram.empty("ms", 1000), List.of());
    return new RunResult(RunResult.SCHEMA, info, total2, List.of(s), List.of(), health);
  }

  private static String javaBinary() {
    return ProcessHandle.current().info().command().orElse(System.getProperty("java.home") + File.separator + "bin"
        + File.separator + "java");
  }

  private static int freePort() throws IOException {
    try (var s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
