package dev.liveload.history;

import dev.liveload.report.Delta;
import dev.liveload.report.Delta.Statistic;
import dev.liveload.report.Delta.Subject;
import java.util.Locale;

/**
 * One figure of a run outside the spread of the runs before it, by a {@link RegressionRule}. Immutable.
 *
 * <pre>{@code
 * for (Regression r : history.check(result).regressions()) {
 *   System.out.println(r.describe());
 *   // Checkout · step pay · p95 = 262 ms, above the last 20 runs: 198–221 ms, median 210 ms (+24.8%; flagged above 231 ms)
 * }
 * }</pre>
 *
 * @param scenario  scenario name, or {@code "all"} for several scenarios together; never null
 * @param subject   what the figure is about: the scenario ({@code RUN}), a metric, a step; never null
 * @param name      {@code requests}/{@code iterations}, the metric or the step; never null
 * @param statistic which figure; never null
 * @param unit      {@code ms}, {@code /s} or {@code ratio}; never null
 * @param current   the run's value
 * @param median    the history's median
 * @param low       the history's smallest value
 * @param high      the history's largest value
 * @param limit     the value beyond which the rule flags (median plus or minus the allowed change)
 * @param runs      how many runs the history had for this figure
 * @since 0.1
 */
public record Regression(String scenario, Subject subject, String name, Statistic statistic, String unit,
    double current, double median, double low, double high, double limit, int runs) {

  /** @return the change from the median: (current - median) / median; NaN when the median is 0 */
  public double change() {
    return toDelta().change();
  }

  /** @return this regression as a comparison of the current value with the history's median */
  public Delta toDelta() {
    return new Delta(scenario, subject, name, statistic, unit, median, current, Delta.Verdict.REGRESSED);
  }

  /** @return what the figure is: {@code Checkout · step pay · p95} */
  public String label() {
    return toDelta().label();
  }

  /**
   * @return one line: the step, the figure, the current value and the historical range, e.g. {@code Checkout · step
   *     pay · p95 = 262 ms, above the last 20 runs: 198–221 ms, median 210 ms (+24.8%; flagged above 231 ms)}
   */
  public String describe() {
    Delta d = toDelta();
    double c = change();
    String change = Double.isFinite(c) ? String.format(Locale.ROOT, "%+.1f%%; ", c * 100) : "";
    return label() + " = " + d.value(current) + ", " + (statistic.higherIsWorse() ? "above" : "below")
        + " the last " + runs + " runs: " + d.value(low) + "–" + d.value(high) + ", median " + d.value(median)
        + " (" + change + "flagged " + (statistic.higherIsWorse() ? "above " : "below ") + d.value(limit) + ")";
  }
}
