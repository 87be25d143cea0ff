package dev.liveload.cluster;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** Worker JVMs as real separate processes on 127.0.0.1, with this test's class path (scenarios included). */
final class WorkerProcesses implements AutoCloseable {
  static final String SECRET = "test-secret-" + UUID.randomUUID();

  final String cluster = "liveload-test-" + UUID.randomUUID();
  final List<Integer> ports = new ArrayList<>();
  final List<Process> processes = new ArrayList<>();
  private final Path logs;

  WorkerProcesses(int count) throws IOException {
    for (int i = 0; i < count; i++) {
      ports.add(freePort());
    }
    logs = Files.createDirectories(Path.of("target", "worker-logs"));
    for (int i = 0; i < count; i++) {
      processes.add(start(i));
    }
  }

  List<String> members() {
    return ports.stream().map(p -> "127.0.0.1:" + p).toList();
  }

  String name(int i) {
    return "w" + (i + 1);
  }

  /** Starts (or restarts) worker {@code i}. */
  Process start(int i) throws IOException {
    var cmd = new ArrayList<String>();
    cmd.add(javaBinary());
    cmd.addAll(jvmFlags());
    cmd.addAll(List.of("-Xmx256m", "-cp", System.getProperty("java.class.path"),
        "dev.liveload.cluster.Worker", "--cluster", cluster, "--members", String.join(",", members()),
        "--bind", "127.0.0.1", "--port", String.valueOf(ports.get(i)), "--name", name(i)));
    var pb = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(logs.resolve(name(i) + "-" + ports.get(i) + ".log").toFile());
    pb.environment().put("LIVELOAD_CLUSTER_SECRET", SECRET);
    Process p = pb.start();
    if (i < processes.size()) {
      processes.set(i, p);
    }
    return p;
  }

  static String javaBinary() {
    return ProcessHandle.current().info().command().orElse(System.getProperty("java.home") + File.separator + "bin"
        + File.separator + "java");
  }

  /** Hazelcast's recommended flags on JDK 21+ (and on 23+ the one for its Unsafe use). */
  static List<String> jvmFlags() {
    var flags = new ArrayList<>(List.of("--add-modules", "java.se",
        "--add-exports", "java.base/jdk.internal.ref=ALL-UNNAMED",
        "--add-opens", "java.base/java.lang=ALL-UNNAMED", "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
        "--add-opens", "java.management/sun.management=ALL-UNNAMED",
        "--add-opens", "jdk.management/com.sun.management.internal=ALL-UNNAMED"));
    if (Runtime.version().feature() >= 23) {
      flags.add("--sun-misc-unsafe-memory-access=allow");
    }
    return flags;
  }

  static int freePort() throws IOException {
    try (var s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  Cluster cluster(int workers) {
    return Cluster.named(cluster).members(members().toArray(String[]::new)).port(freePortUnchecked())
        .workers(workers).secret(SECRET).joinTimeout(java.time.Duration.ofSeconds(60));
  }

  static int freePortUnchecked() {
    try {
      return freePort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    processes.forEach(Process::destroyForcibly);
    for (Process p : processes) {
      try {
        p.waitFor();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public String toString() {
    return processes.stream().map(p -> String.valueOf(p.pid())).collect(Collectors.joining(","));
  }
}
