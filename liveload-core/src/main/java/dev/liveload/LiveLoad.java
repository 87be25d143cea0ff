package dev.liveload;

import dev.liveload.internal.engine.Engine;
import dev.liveload.result.RunResult;
import dev.liveload.result.RunStatus;
import dev.liveload.result.ThresholdResult;

/**
 * Runs load tests.
 *
 * <pre>{@code
 * RunResult result = LiveLoad.run(RunOptions.builder()
 *     .scenario(Api.class, Load.constant(50, ofSeconds(30)))
 *     .baseUrl("http://localhost:8080")
 *     .threshold("p95(http.duration) < 300ms", "error_ratio < 1%")
 *     .build());
 *
 * // or, in a main that gates a CI pipeline: exits 0 when every threshold passed, 1 otherwise
 * public static void main(String[] args) {
 *   LiveLoad.runAndExit(options);
 * }
 * }</pre>
 *
 * @since 0.1
 */
public final class LiveLoad {
  private LiveLoad() {}

  /**
   * Runs the populations in {@code options} at the same time, each user on its own virtual thread, and returns
   * when every user has stopped. Interrupting the calling thread (or Ctrl-C) stops the run early and still
   * returns what was measured, with status {@code INTERRUPTED} (the thread's interrupt flag is then set again).
   *
   * @param options what to run
   * @return the result, never null
   */
  public static RunResult run(RunOptions options) {
    if (options.distribution() != null) {
      return options.distribution().run(options);
    }
    return new Engine(options).run();
  }

  /**
   * The exit code for a result: 0 when the run completed and every threshold passed, 1 otherwise.
   *
   * @param result the result
   * @return 0 or 1
   */
  public static int exitCode(RunResult result) {
    return result.passed() && result.run().status() == RunStatus.COMPLETED ? 0 : 1;
  }

  /**
   * Runs, prints the verdict (each failed threshold with its observed value, or why the run did not complete)
   * and exits the JVM with {@link #exitCode(RunResult)}. The {@link RunHook}s on the class path check their
   * settings before the load and take the result after it (liveload-history's adds it to the history named by
   * {@code -Dliveload.history}); what they say is printed after the verdict, and a failure they report makes the
   * exit code 1.
   *
   * @param options what to run
   */
  public static void runAndExit(RunOptions options) {
    var hooks = RunHook.installed();
    hooks.forEach(RunHook::beforeRun);
    RunResult result = run(options);
    RunHook.Outcome said = RunHook.afterRun(hooks, result);
    System.out.println(verdict(result));
    said.notes().forEach(System.out::println);
    if (!said.failures().isEmpty()) {
      System.out.println("FAILED after the run:");
      said.failures().forEach(f -> System.out.println("  ✗ " + f));
    }
    System.out.flush();
    System.exit(said.failures().isEmpty() ? exitCode(result) : 1);
  }

  /**
   * The one-paragraph verdict {@link #runAndExit} prints.
   *
   * @param result the result
   * @return e.g. {@code FAILED: 1 of 2 thresholds failed: ✗ p95(http.duration) < 300ms (observed 312.4ms)}
   */
  public static String verdict(RunResult result) {
    long failed = result.thresholds().stream().filter(t -> !t.passed()).count();
    var sb = new StringBuilder(exitCode(result) == 0 ? "PASSED" : "FAILED");
    if (result.run().status() != RunStatus.COMPLETED) {
      sb.append(": run ").append(result.run().status().name().toLowerCase(java.util.Locale.ROOT));
      if (!result.run().reason().isEmpty()) {
        sb.append(" (").append(result.run().reason()).append(')');
      }
    }
    if (!result.thresholds().isEmpty()) {
      sb.append(result.run().status() != RunStatus.COMPLETED ? "; " : ": ");
      sb.append(failed == 0 ? "all " + result.thresholds().size() + " thresholds passed"
          : failed + " of " + result.thresholds().size() + " thresholds failed");
      for (ThresholdResult t : result.thresholds()) {
        if (!t.passed()) {
          sb.append("\n  ✗ ").append(t.expression()).append(" (observed ").append(t.observedText()).append(")");
        }
      }
    }
    return sb.toString();
  }
}
