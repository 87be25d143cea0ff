package dev.liveload.bench;

import dev.liveload.LiveLoad;
import dev.liveload.Load;
import dev.liveload.RunOptions;
import dev.liveload.result.Histogram;
import dev.liveload.result.RunResult;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * HTTP throughput and timing benchmark against the reference nginx target ({@code ../shared/bench/target.sh}),
 * with wrk's requests/s measured in the same run as the yardstick. Not a test: it prints figures.
 *
 * <pre>
 * bench/run-http.sh                      # builds, starts the target, runs this with -Xmx512m
 * java -cp ... dev.liveload.bench.HttpBench [--seconds 10] [--target http://127.0.0.1:18080]
 * </pre>
 */
public final class HttpBench {
  private HttpBench() {}

  public static void main(String[] args) throws Exception {
    String target = "http://127.0.0.1:18080";
    int seconds = 10;
    Path script = Path.of("../shared/bench/target.sh");
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--target" -> target = args[++i];
        case "--seconds" -> seconds = Integer.parseInt(args[++i]);
        case "--script" -> script = Path.of(args[++i]);
        default -> throw new IllegalArgumentException("unknown argument " + args[i]
            + "; usage: HttpBench [--target URL] [--seconds N] [--script path/to/target.sh]");
      }
    }
    System.out.printf(Locale.ROOT, "LiveLoad HTTP benchmark: target %s, %d s per run, JDK %s, %d cores, max heap %d MB%n",
        target, seconds, System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20);

    Double wrk = Files.isExecutable(script) ? wrk(script, "/", 50, seconds) : null;
    System.out.println(wrk == null ? "wrk: not measured (no target.sh)"
        : String.format(Locale.ROOT, "wrk (C, 1 thread, 50 connections, GET /): %.0f requests/s", wrk));

    run(target, "/", 50, 5); // warm-up, not reported
    var rows = new ArrayList<String>();
    for (int users : List.of(50, 100, 1000)) {
      System.gc();
      RunResult r = run(target, "/", users, seconds);
      rows.add(row("GET /", users, r, wrk));
    }
    RunResult mix = run(target, "/mix", 100, Math.max(20, seconds * 2));
    rows.add(row("GET /mix", 100, mix, null));

    System.out.printf(Locale.ROOT, "%n%-9s %6s %11s %8s %9s %9s %11s %9s %s%n", "request", "users", "requests/s",
        "vs wrk", "p50 ms", "p99 ms", "heap MB max", "CPU %", "generator");
    rows.forEach(System.out::println);
    System.out.println("""

        requests/s: requests completed / time users were running; p50/p99: http.duration of passed requests \
        (from request start, including connecting, to the last body byte); heap: most heap in use at a 1 s \
        sample; CPU: mean process CPU in percent of one core. /mix truth: 98% of requests 20 ms, 2% 500 ms \
        (p50 20 ms, p99 500 ms).""");
  }

  private static RunResult run(String target, String path, int users, int seconds) {
    return LiveLoad.run(RunOptions.builder()
        .name("bench " + path + " " + users + " users")
        .scenario("get", user -> user.http().get(path).send(), Load.constant(users, Duration.ofSeconds(seconds)))
        .baseUrl(target)
        .gracefulStop(Duration.ofSeconds(5))
        .build());
  }

  private static String row(String label, int users, RunResult r, Double wrk) {
    var s = r.total();
    Histogram h = s.metric("http.duration");
    double rps = s.throughput();
    var g = r.generator();
    return String.format(Locale.ROOT, "%-9s %6d %11.0f %8s %9.2f %9.2f %11d %9.0f %s%s", label, users, rps,
        wrk == null ? "" : String.format(Locale.ROOT, "%.0f%%", 100 * rps / wrk), h == null ? 0 : h.p50(),
        h == null ? 0 : h.p99(), g.heapUsedMaxBytes() >> 20, g.cpuMeanPercent(),
        s.failedRequests() == 0 ? "" : s.failedRequests() + " FAILED requests; ",
        g.saturated() ? "saturated" : "ok");
  }

  private static Double wrk(Path script, String path, int connections, int seconds) throws IOException,
      InterruptedException {
    Process p = new ProcessBuilder("bash", script.toString(), "wrk", path, String.valueOf(connections),
        String.valueOf(seconds)).redirectErrorStream(true).start();
    Double rps = null;
    try (var in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        if (line.startsWith("wrk requests/s:")) {
          rps = Double.parseDouble(line.substring("wrk requests/s:".length()).trim());
        }
      }
    }
    p.waitFor();
    return rps;
  }
}
