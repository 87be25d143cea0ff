package dev.liveload.result;

import dev.liveload.internal.metrics.Hdr;

/**
 * A distribution of measured values: summary figures plus the encoded HDR histogram they came from, so two
 * histograms merge without loss.
 *
 * <p>Values are in {@link #unit()} ({@code "ms"} for durations, {@code "bytes"} for sizes). The encoded
 * histogram ({@link #hdr()}, base64 of HdrHistogram's compressed encoding) records integers in
 * {@code 1/scale} of that unit: durations are recorded in microseconds, so their {@code scale} is 1000.
 *
 * <pre>{@code
 * Histogram h = result.total().metric("http.duration");
 * System.out.printf("p95 %.1f %s over %d samples%n", h.p95(), h.unit(), h.count());
 * double p999 = h.percentile(99.9);   // any percentile, from the HDR data
 * }</pre>
 *
 * <p>Immutable and thread-safe. An empty histogram has {@code count == 0} and all figures 0.
 *
 * @param unit   unit of every figure, never null
 * @param scale  how many HDR units make one {@code unit} (1000 for durations recorded in µs), at least 1
 * @param count  number of samples
 * @param min    smallest sample
 * @param mean   arithmetic mean
 * @param stddev standard deviation
 * @param p50    median
 * @param p75    75th percentile
 * @param p90    90th percentile
 * @param p95    95th percentile
 * @param p99    99th percentile
 * @param p999   99.9th percentile
 * @param max    largest sample
 * @param hdr    base64 of the compressed HDR histogram; never null
 * @since 0.1
 */
public record Histogram(
    String unit,
    int scale,
    long count,
    double min,
    double mean,
    double stddev,
    double p50,
    double p75,
    double p90,
    double p95,
    double p99,
    double p999,
    double max,
    String hdr) {

  /** Unit of durations. */
  public static final String MILLISECONDS = "ms";

  /**
   * An empty histogram in the given unit.
   *
   * @param unit  unit of the figures
   * @param scale HDR units per {@code unit}
   * @return a histogram with no samples
   */
  public static Histogram empty(String unit, int scale) {
    return Hdr.summarize(Hdr.newHistogram(), unit, scale);
  }

  /**
   * Any percentile, computed from the encoded HDR data (exact to the histogram's 3 significant digits).
   *
   * @param percentile between 0 and 100
   * @return the value at that percentile, in {@link #unit()}; 0 when empty
   */
  public double percentile(double percentile) {
    if (percentile < 0 || percentile > 100) {
      throw new IllegalArgumentException("percentile must be in [0, 100], was " + percentile);
    }
    if (count == 0) {
      return 0;
    }
    return Hdr.decode(hdr).getValueAtPercentile(percentile) / (double) scale;
  }

  /**
   * The share of samples at or below a value.
   *
   * @param value in {@link #unit()}
   * @return between 0 and 1; 1 when empty
   */
  public double fractionAtOrBelow(double value) {
    if (count == 0) {
      return 1;
    }
    var h = Hdr.decode(hdr);
    long v = (long) Math.floor(value * scale);
    return h.getCountBetweenValues(0, Math.max(0, v)) / (double) h.getTotalCount();
  }

  /**
   * Combines this histogram with another of the same unit and scale, losslessly.
   *
   * @param other the histogram to add, not null
   * @return a new histogram holding both sets of samples
   * @throws IllegalArgumentException when units or scales differ
   */
  public Histogram merge(Histogram other) {
    if (!unit.equals(other.unit) || scale != other.scale) {
      throw new IllegalArgumentException("cannot merge a histogram in " + other.unit + " (scale " + other.scale
          + ") into one in " + unit + " (scale " + scale + ")");
    }
    if (other.count == 0) {
      return this;
    }
    if (count == 0) {
      return other;
    }
    var sum = Hdr.decode(hdr);
    sum.add(Hdr.decode(other.hdr));
    return Hdr.summarize(sum, unit, scale);
  }

  /**
   * The ratio of p99 to p50, a quick flag for a long tail (LiveLoad reports flag ratios above 5).
   *
   * @return p99 / p50, or 0 when there are no samples or p50 is 0
   */
  public double tailRatio() {
    return count == 0 || p50 == 0 ? 0 : p99 / p50;
  }
}
