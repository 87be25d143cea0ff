package dev.liveload.report;

import dev.liveload.report.internal.SummaryDoc;
import dev.liveload.result.RunResult;
import java.util.Objects;

/**
 * A run's summary as text: for a console, or as Markdown for a CI job summary or a pull-request comment.
 *
 * <p>Both say the same: the run's status and time, the key figures (requests, throughput, error rate,
 * p50/p95/p99, users), each threshold's verdict, per scenario its metrics, the top steps and requests (the HTML
 * report has them all) and the most frequent errors, the generator's health, and — given a {@link Comparison} —
 * what regressed or improved against the baseline. Every figure says its unit and window. Long tails (p99 / p50
 * above 5) are flagged.
 *
 * <pre>{@code
 * System.out.println(Summary.console(result));
 * // GitHub Actions: append to the job summary
 * Files.writeString(Path.of(System.getenv("GITHUB_STEP_SUMMARY")),
 *     Summary.markdown(result, Comparison.of(Path.of("baseline.json"), result)), StandardOpenOption.APPEND);
 * }</pre>
 *
 * <p>Names, URLs and messages from the result are escaped in Markdown, so they show as written. Thread-safe.
 *
 * @since 0.1
 */
public final class Summary {
  private Summary() {}

  /**
   * The summary for a console.
   *
   * @param result the result, not null
   * @return plain text, never null
   */
  public static String console(RunResult result) {
    return console(result, null);
  }

  /**
   * The summary for a console, with a comparison.
   *
   * @param result     the result, not null
   * @param comparison its comparison with a baseline, or null for none
   * @return plain text, never null
   */
  public static String console(RunResult result, Comparison comparison) {
    return SummaryDoc.of(Objects.requireNonNull(result, "result"), comparison, false).toText();
  }

  /**
   * The summary as GitHub-flavoured Markdown.
   *
   * @param result the result, not null
   * @return Markdown, never null
   */
  public static String markdown(RunResult result) {
    return markdown(result, null);
  }

  /**
   * The summary as GitHub-flavoured Markdown, with a comparison.
   *
   * @param result     the result, not null
   * @param comparison its comparison with a baseline, or null for none
   * @return Markdown, never null
   */
  public static String markdown(RunResult result, Comparison comparison) {
    return SummaryDoc.of(Objects.requireNonNull(result, "result"), comparison, true).toMarkdown();
  }
}
