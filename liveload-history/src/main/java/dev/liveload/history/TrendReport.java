package dev.liveload.history;

import dev.liveload.history.internal.TrendPage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The trend report: one self-contained HTML file (uPlot and the data inlined; no network) with, per run name, the
 * latest run's verdict against the runs before it, a chart per scenario (throughput and error ratio), per step and
 * per duration metric (p50, p95, p99) across the runs, and a table of the runs (start, labels, status, thresholds,
 * throughput, error ratio, each step's p95). A value the {@link RegressionRule} flags is ringed in red; each point
 * and each run in the table links to that run's own HTML report in the history.
 *
 * <pre>{@code
 * try (History history = History.open(Path.of("perf-history"))) {
 *   TrendReport.write(history.trends(RunQuery.all().label("branch", "main").last(20)),
 *       history.directory().resolve("trend.html"));
 * }
 * }</pre>
 *
 * <p>Everything taken from the runs (names, labels) is escaped. Thread-safe: it keeps no state.
 *
 * @since 0.1
 */
public final class TrendReport {
  private TrendReport() {}

  /**
   * Renders trends with absolute {@code file:} links to the runs' reports.
   *
   * @param trends from {@link History#trends}
   * @return the HTML document, never null
   */
  public static String render(List<Trend> trends) {
    return TrendPage.render(Objects.requireNonNull(trends, "trends"), null);
  }

  /**
   * Renders trends into a file (UTF-8), creating parent directories; links to the runs' reports are relative to it,
   * so the history directory with the page in it can be moved or published as a whole.
   *
   * @param trends from {@link History#trends}
   * @param file   where to write
   * @return {@code file}
   * @throws UncheckedIOException when the file cannot be written
   */
  public static Path write(List<Trend> trends, Path file) {
    String html = TrendPage.render(Objects.requireNonNull(trends, "trends"), file);
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      return Files.writeString(file, html, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the trend report to " + file, e);
    }
  }
}
