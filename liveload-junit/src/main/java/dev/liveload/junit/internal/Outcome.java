package dev.liveload.junit.internal;

import dev.liveload.result.RunResult;
import dev.liveload.result.ThresholdResult;
import java.nio.file.Path;
import java.util.List;

/**
 * What one load test produced.
 *
 * @param test     the test, {@code Class.method}
 * @param result   the result, with every verdict
 * @param verdicts every threshold's verdict
 * @param json     the result file
 * @param html     the report file, or null when none was written
 * @param hooks    failures the run hooks reported (a regression against history), never null
 */
public record Outcome(String test, RunResult result, List<ThresholdResult> verdicts, Path json, Path html,
    List<String> hooks) {
  /** Copies the hook failures. */
  public Outcome {
    hooks = List.copyOf(hooks);
  }
}
