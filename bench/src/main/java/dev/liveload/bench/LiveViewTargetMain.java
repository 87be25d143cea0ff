package dev.liveload.bench;

import dev.liveload.browser.liveview.LiveViewTarget;
import java.time.Duration;

/**
 * Runs the LiveView test target in its own JVM, so the benchmark's generator figures (memory, CPU) do not include
 * the target. Prints {@code URL <base url>} and serves until its standard input closes.
 *
 * <pre>
 * java -cp ... dev.liveload.bench.LiveViewTargetMain 50     # the click handler takes 50 ms on the server
 * </pre>
 */
public final class LiveViewTargetMain {
  private LiveViewTargetMain() {}

  public static void main(String[] args) throws Exception {
    long delay = args.length > 0 ? Long.parseLong(args[0]) : 50;
    try (var target = LiveViewTarget.start().delay("inc", Duration.ofMillis(delay))) {
      System.out.println("URL " + target.url());
      System.out.flush();
      while (System.in.read() >= 0) {
        // serve until the parent closes our stdin (or dies)
      }
    }
  }
}
