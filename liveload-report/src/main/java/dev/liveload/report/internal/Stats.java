package dev.liveload.report.internal;

import dev.liveload.result.Histogram;
import java.util.List;

/**
 * Summary figures of one distribution, as tables show them: a result {@link Histogram}'s own figures, or the
 * figures of several histograms merged from their HDR data (a table row that groups breakdown rows).
 *
 * @param unit  unit of every figure
 * @param count number of samples
 */
public record Stats(String unit, long count, double min, double mean, double stddev, double p50, double p75,
    double p90, double p95, double p99, double p999, double max) {

  /** Tail ratios above this are flagged (LiveLoad's long-tail warning). */
  public static final double TAIL_FLAG = 5;

  /** The figures of one histogram. */
  public static Stats of(Histogram h) {
    return new Stats(h.unit(), h.count(), h.min(), h.mean(), h.stddev(), h.p50(), h.p75(), h.p90(), h.p95(), h.p99(),
        h.p999(), h.max());
  }

  /**
   * The figures of several histograms of one unit taken together, merged losslessly from their HDR data.
   *
   * @param parts histograms of one unit and scale, possibly empty
   * @param unit  the unit to report when {@code parts} is empty
   * @return the merged figures
   */
  public static Stats merge(List<Histogram> parts, String unit) {
    List<Histogram> nonEmpty = parts.stream().filter(h -> h.count() > 0).toList();
    if (nonEmpty.isEmpty()) {
      return new Stats(parts.isEmpty() ? unit : parts.get(0).unit(), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }
    if (nonEmpty.size() == 1) {
      return of(nonEmpty.get(0));
    }
    Histogram first = nonEmpty.get(0);
    var sum = Distributions.decode(first);
    for (int i = 1; i < nonEmpty.size(); i++) {
      sum.add(Distributions.decode(nonEmpty.get(i)));
    }
    double s = first.scale();
    return new Stats(first.unit(), sum.getTotalCount(), sum.getMinValue() / s, sum.getMean() / s,
        sum.getStdDeviation() / s,
        sum.getValueAtPercentile(50) / s, sum.getValueAtPercentile(75) / s, sum.getValueAtPercentile(90) / s,
        sum.getValueAtPercentile(95) / s, sum.getValueAtPercentile(99) / s, sum.getValueAtPercentile(99.9) / s,
        sum.getMaxValue() / s);
  }

  /** @return p99 / p50, or 0 without samples or with a p50 of 0 */
  public double tailRatio() {
    return count == 0 || p50 == 0 ? 0 : p99 / p50;
  }

  /** @return whether the tail ratio is above {@link #TAIL_FLAG} */
  public boolean longTail() {
    return tailRatio() > TAIL_FLAG;
  }
}
