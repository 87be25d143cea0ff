package dev.liveload.bench;

import dev.liveload.LiveLoad;
import dev.liveload.Load;
import dev.liveload.RunOptions;
import java.time.Duration;
import java.util.Locale;

/** One quick run for profiling: {@code QuickHttp [users] [seconds] [path]} against 127.0.0.1:18080. */
public final class QuickHttp {
  private QuickHttp() {}

  public static void main(String[] args) {
    int users = args.length > 0 ? Integer.parseInt(args[0]) : 50;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 8;
    String path = args.length > 2 ? args[2] : "/";
    for (int round = 0; round < 2; round++) {
      var r = LiveLoad.run(RunOptions.builder()
          .scenario("get", user -> user.http().get(path).send(), Load.constant(users, Duration.ofSeconds(seconds)))
          .baseUrl("http://127.0.0.1:18080").build());
      var h = r.total().metric("http.duration");
      System.out.printf(Locale.ROOT, "%d users: %.0f req/s, p50 %.2f p99 %.2f ms, cpu %.0f%%%n", users,
          r.total().throughput(), h.p50(), h.p99(), r.generator().cpuMeanPercent());
    }
  }
}
