package dev.liveload;

import dev.liveload.internal.engine.Engine;
import dev.liveload.result.RunResult;

/**
 * Runs load tests.
 *
 * <pre>{@code
 * RunResult result = LiveLoad.run(RunOptions.builder()
 *     .scenario(Api.class, Load.constant(50, ofSeconds(30)))
 *     .baseUrl("http://localhost:8080")
 *     .build());
 * System.out.println(result.total().requests() + " requests, p95 "
 *     + result.total().metric("http.duration").p95() + " ms");
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
    return new Engine(options).run();
  }
}
