package dev.liveload.history;

import java.util.List;

/**
 * The figures of one run name across its runs, oldest first: one {@link TrendSeries} per scenario, step or metric
 * and statistic. Immutable.
 *
 * <pre>{@code
 * for (Trend t : history.trends(RunQuery.all().label("branch", "main").last(20))) {
 *   t.series("Checkout", "pay", Delta.Statistic.P95).ifPresent(s -> System.out.println(s.values()));
 * }
 * }</pre>
 *
 * @param name   the run name
 * @param runs   its runs, oldest first; never null
 * @param series its figures, each with one value per run; never null
 * @since 0.1
 */
public record Trend(String name, List<RunEntry> runs, List<TrendSeries> series) {
  /** Copies the lists. */
  public Trend {
    runs = List.copyOf(runs);
    series = List.copyOf(series);
  }

  /**
   * One series by scenario, step (or metric, or {@code requests}/{@code iterations}) and statistic.
   *
   * @param scenario  scenario name
   * @param name      step, metric, or {@code requests}/{@code iterations}
   * @param statistic which figure
   * @return the first series that matches, or empty
   */
  public java.util.Optional<TrendSeries> series(String scenario, String name,
      dev.liveload.report.Delta.Statistic statistic) {
    return series.stream().filter(s -> s.scenario().equals(scenario) && s.name().equals(name)
        && s.statistic() == statistic).findFirst();
  }
}
