package dev.liveload.history;

import dev.liveload.result.RunResult;
import dev.liveload.result.RunStatus;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * One run in a {@link History}: what its index row says, and where its files are. Immutable.
 *
 * <pre>{@code
 * for (RunEntry run : history.runs(RunQuery.named("CheckoutTest.checkout").last(5))) {
 *   System.out.println(run.start() + " " + run.label("commit") + " " + run.status() + " " + run.report());
 * }
 * RunResult full = history.runs(RunQuery.all().last(1)).get(0).read();
 * }</pre>
 *
 * @param id               the run's id ({@code RunInfo.id}), never null
 * @param name             the run's name ({@code RunInfo.name}; a JUnit load test's is {@code Class.method}), never
 *                         null
 * @param start            when its load started, never null
 * @param end              when its last user stopped, never null
 * @param status           how it ended, never null
 * @param reason           why it ended early; empty when it completed
 * @param thresholds       how many thresholds it had
 * @param thresholdsFailed how many of them failed
 * @param labels           its labels (git commit, branch, tag, and the user's), sorted by key; never null
 * @param result           its result file ({@code liveload.result/v1} JSON), absolute, never null
 * @param report           its HTML report, absolute, never null (the file may be missing in a history copied in
 *                         part)
 * @param added            when it was added to the history, never null
 * @since 0.1
 */
public record RunEntry(String id, String name, Instant start, Instant end, RunStatus status, String reason,
    int thresholds, int thresholdsFailed, Map<String, String> labels, Path result, Path report, Instant added) {

  /** Copies the labels, sorted by key. */
  public RunEntry {
    labels = java.util.Collections.unmodifiableMap(new TreeMap<>(labels));
  }

  /**
   * A label's value.
   *
   * @param key the label, e.g. {@code branch}
   * @return its value, or null when the run has no such label
   */
  public String label(String key) {
    return labels.get(key);
  }

  /** @return true when the run completed and every threshold passed */
  public boolean passed() {
    return status == RunStatus.COMPLETED && thresholdsFailed == 0;
  }

  /**
   * Reads the run's full result from its file.
   *
   * @return the result
   * @throws java.io.UncheckedIOException when the file cannot be read
   * @throws IllegalArgumentException when the file is damaged (not a LiveLoad result)
   */
  public RunResult read() {
    return RunResult.read(result);
  }
}
