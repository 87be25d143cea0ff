package dev.liveload.history.internal;

import dev.liveload.history.Regression;
import dev.liveload.history.RegressionRule;
import dev.liveload.report.Delta.Statistic;
import dev.liveload.report.Tolerance;
import java.util.Arrays;
import java.util.List;

/** Judges one figure against its history by a {@link RegressionRule}; see there for the rule. */
public final class Detector {
  private Detector() {}

  /**
   * @param current the run's figure
   * @param history the same figure in earlier runs (finite values only are used)
   * @param rule    the rule
   * @return the regression, or null when the figure is within the history's spread or could not be judged
   */
  public static Regression judge(Figure current, List<Double> history, RegressionRule rule) {
    double[] v = history.stream().mapToDouble(Double::doubleValue).filter(Double::isFinite).toArray();
    if (v.length < rule.minRuns() || !Double.isFinite(current.value())) {
      return null;
    }
    double median = median(v);
    double[] deviations = Arrays.stream(v).map(x -> Math.abs(x - median)).toArray();
    double spread = rule.mads() * RegressionRule.MAD_TO_SIGMA * median(deviations);
    double allowed = Math.max(spread, Math.max(rule.tolerance().relative() * Math.abs(median),
        floor(current.statistic(), current.unit(), rule.tolerance())));
    boolean higherIsWorse = current.statistic().higherIsWorse();
    double limit = higherIsWorse ? median + allowed : median - allowed;
    boolean regressed = higherIsWorse ? current.value() > limit : current.value() < limit;
    if (!regressed) {
      return null;
    }
    return new Regression(current.scenario(), current.subject(), current.name(), current.statistic(),
        current.unit(), current.value(), median, Arrays.stream(v).min().orElse(median),
        Arrays.stream(v).max().orElse(median), limit, v.length);
  }

  /** @return the smallest change that counts for this kind of figure, whatever its relative size */
  static double floor(Statistic statistic, String unit, Tolerance t) {
    return switch (statistic) {
      case ERROR_RATIO -> t.errorRatio();
      case THROUGHPUT -> 0;
      default -> "ms".equals(unit) ? t.latencyMillis() : 0;
    };
  }

  /** @return the median of the values (the mean of the middle two for an even count); NaN for none */
  static double median(double[] values) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double[] s = values.clone();
    Arrays.sort(s);
    int mid = s.length / 2;
    return s.length % 2 == 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
  }
}
