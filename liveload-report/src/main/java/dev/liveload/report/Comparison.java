package dev.liveload.report;

import dev.liveload.report.internal.Comparer;
import dev.liveload.result.RunInfo;
import dev.liveload.result.RunResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A current run compared with a baseline run: per-metric deltas with regression flags. Immutable.
 *
 * <p>Compared, for the whole run ({@code "all"}) and for every scenario both runs have (matched by name):
 * throughput and error ratio; p50, p95 and p99 of every duration metric ({@code http.duration},
 * {@code iteration.duration}, ...); and p50/p95/p99 and error ratio of every step and every request (method and
 * URL template). Latency figures are of passed samples. A figure is a regression when it got worse by more than
 * the {@link Tolerance} (5% by default, ignoring latency changes under 1 ms and error-ratio changes under 0.1
 * percentage points); something only one run has is {@code ADDED} or {@code REMOVED}, never a regression.
 *
 * <pre>{@code
 * Comparison c = Comparison.of(Path.of("baseline.json"), result);        // or of(baselineResult, result)
 * if (c.hasRegressions()) {
 *   c.regressions().forEach(d -> System.out.println(d.describe()));
 * }
 * Files.writeString(Path.of("report.html"), HtmlReport.render(result, c));
 * Files.writeString(Path.of("summary.md"), Summary.markdown(result, c));
 * }</pre>
 *
 * @since 0.1
 */
public final class Comparison {
  private final RunInfo baseline;
  private final RunInfo current;
  private final Tolerance tolerance;
  private final List<Delta> deltas;

  private Comparison(RunInfo baseline, RunInfo current, Tolerance tolerance, List<Delta> deltas) {
    this.baseline = baseline;
    this.current = current;
    this.tolerance = tolerance;
    this.deltas = List.copyOf(deltas);
  }

  /**
   * Compares with the default tolerance ({@link Tolerance#DEFAULT}).
   *
   * @param baseline the run to compare against, not null
   * @param current  the run being judged, not null
   * @return the comparison
   */
  public static Comparison of(RunResult baseline, RunResult current) {
    return of(baseline, current, Tolerance.DEFAULT);
  }

  /**
   * Compares with a tolerance.
   *
   * @param baseline  the run to compare against, not null
   * @param current   the run being judged, not null
   * @param tolerance how much worse a figure may get, not null
   * @return the comparison
   */
  public static Comparison of(RunResult baseline, RunResult current, Tolerance tolerance) {
    Objects.requireNonNull(baseline, "baseline");
    Objects.requireNonNull(current, "current");
    Objects.requireNonNull(tolerance, "tolerance");
    return new Comparison(baseline.run(), current.run(), tolerance, Comparer.compare(baseline, current, tolerance));
  }

  /**
   * Compares with a baseline read from its result JSON file, with the default tolerance.
   *
   * @param baselineFile a result JSON file ({@link RunResult#write(Path)})
   * @param current      the run being judged
   * @return the comparison
   * @throws java.io.UncheckedIOException when the file cannot be read
   * @throws IllegalArgumentException when the file is not a LiveLoad result
   */
  public static Comparison of(Path baselineFile, RunResult current) {
    return of(RunResult.read(baselineFile), current);
  }

  /** @return the baseline run's metadata */
  public RunInfo baseline() {
    return baseline;
  }

  /** @return the current run's metadata */
  public RunInfo current() {
    return current;
  }

  /** @return the tolerance the verdicts were judged against */
  public Tolerance tolerance() {
    return tolerance;
  }

  /** @return every delta: the run first, then each scenario; never null */
  public List<Delta> deltas() {
    return deltas;
  }

  /** @return the deltas judged {@link Delta.Verdict#REGRESSED}, never null */
  public List<Delta> regressions() {
    return deltas.stream().filter(Delta::regressed).toList();
  }

  /** @return the deltas judged {@link Delta.Verdict#IMPROVED}, never null */
  public List<Delta> improvements() {
    return deltas.stream().filter(d -> d.verdict() == Delta.Verdict.IMPROVED).toList();
  }

  /** @return whether any figure regressed beyond the tolerance */
  public boolean hasRegressions() {
    return deltas.stream().anyMatch(Delta::regressed);
  }

  /**
   * One delta.
   *
   * @param scenario  scenario name, or {@code "all"}
   * @param subject   what kind of thing
   * @param name      its name (metric, step, request as {@code GET /path}, or {@code requests})
   * @param statistic which figure
   * @return the delta, or empty when it was not compared
   */
  public Optional<Delta> find(String scenario, Delta.Subject subject, String name, Delta.Statistic statistic) {
    return deltas.stream().filter(d -> d.scenario().equals(scenario) && d.subject() == subject
        && d.name().equals(name) && d.statistic() == statistic).findFirst();
  }

  @Override
  public String toString() {
    return "Comparison[" + deltas.size() + " deltas, " + regressions().size() + " regressed, tolerance "
        + tolerance + "]";
  }
}
