package dev.liveload.history;

import dev.liveload.report.Delta.Statistic;
import dev.liveload.report.Delta.Subject;
import java.util.List;

/**
 * One figure across the runs of a {@link Trend}. Immutable.
 *
 * <pre>{@code
 * TrendSeries s = trend.series("Checkout", "pay", Delta.Statistic.P95).orElseThrow();
 * for (int i = 0; i < s.values().size(); i++) {
 *   System.out.println(trend.runs().get(i).start() + " " + s.values().get(i) + (s.flagged().get(i) ? " !" : ""));
 * }
 * }</pre>
 *
 * @param scenario  scenario name, or {@code "all"} for several scenarios together
 * @param subject   the scenario's own figures ({@code RUN}), a metric, or a step
 * @param name      {@code requests}/{@code iterations}, the metric or the step
 * @param statistic which figure
 * @param unit      {@code ms}, {@code /s} or {@code ratio}
 * @param values    one per run of the trend, NaN where a run does not have the figure; never null
 * @param flagged   one per run: whether the {@link RegressionRule} flags that run's value against the runs before
 *                  it; never null
 * @since 0.1
 */
public record TrendSeries(String scenario, Subject subject, String name, Statistic statistic, String unit,
    List<Double> values, List<Boolean> flagged) {
  /** Copies the lists. */
  public TrendSeries {
    values = List.copyOf(values);
    flagged = List.copyOf(flagged);
  }
}
