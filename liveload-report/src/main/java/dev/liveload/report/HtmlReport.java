package dev.liveload.report;

import dev.liveload.report.internal.ReportPage;
import dev.liveload.result.RunResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A run's report as one self-contained HTML file: no CDN, no network, nothing to install; open it from disk,
 * attach it to a CI job, mail it.
 *
 * <p>It shows the run (name, status and why it stopped, start, end, duration), the key figures (requests,
 * throughput, error rate, p95, users), every threshold's verdict, and per scenario (one tab each plus the total
 * when there are several): throughput and active users over time, latency percentiles over time, the latency
 * histogram and percentile curve decoded from the HDR data, sortable tables by request, step and status code,
 * the errors, the counters, and sections for browser, LiveView and WebSocket metrics when the run has them. Then
 * the generator's own health, the nodes of a distributed run, and the run's options and environment. Given a
 * {@link Comparison}, it also shows every figure against the baseline with its verdict. Long tails (p99 / p50
 * above 5) are flagged. Charts are drawn with uPlot, inlined into the page with the data they show.
 *
 * <pre>{@code
 * RunResult result = LiveLoad.run(options);
 * HtmlReport.write(result, Path.of("target/liveload/report.html"));
 * String html = HtmlReport.render(RunResult.read(Path.of("result.json")));               // from a file
 * HtmlReport.write(result, Comparison.of(Path.of("baseline.json"), result), Path.of("report.html"));
 * }</pre>
 *
 * <p>Everything taken from the result (names, URLs, messages) is escaped, so a result cannot inject markup or
 * script into its report. Thread-safe: it keeps no state.
 *
 * @since 0.1
 */
public final class HtmlReport {
  private HtmlReport() {}

  /**
   * Renders a result.
   *
   * @param result the result, not null
   * @return the HTML document, never null
   */
  public static String render(RunResult result) {
    return ReportPage.render(Objects.requireNonNull(result, "result"), null);
  }

  /**
   * Renders a result compared with a baseline.
   *
   * @param result     the result, not null
   * @param comparison its comparison with a baseline ({@code Comparison.of(baseline, result)}), or null for none
   * @return the HTML document, never null
   */
  public static String render(RunResult result, Comparison comparison) {
    return ReportPage.render(Objects.requireNonNull(result, "result"), comparison);
  }

  /**
   * Renders a result into a file (UTF-8), creating parent directories.
   *
   * @param result the result, not null
   * @param file   where to write
   * @return {@code file}
   * @throws UncheckedIOException when the file cannot be written
   */
  public static Path write(RunResult result, Path file) {
    return write(result, null, file);
  }

  /**
   * Renders a result compared with a baseline into a file (UTF-8), creating parent directories.
   *
   * @param result     the result, not null
   * @param comparison its comparison with a baseline, or null for none
   * @param file       where to write
   * @return {@code file}
   * @throws UncheckedIOException when the file cannot be written
   */
  public static Path write(RunResult result, Comparison comparison, Path file) {
    String html = render(result, comparison);
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      return Files.writeString(file, html, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the report to " + file, e);
    }
  }
}
