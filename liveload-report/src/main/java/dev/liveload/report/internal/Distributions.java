package dev.liveload.report.internal;

import dev.liveload.result.Histogram;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.zip.DataFormatException;
import org.HdrHistogram.HistogramIterationValue;

/** Reads a result histogram's HDR data: the histogram and percentile-curve points the distribution charts draw. */
public final class Distributions {
  /** Bars of a distribution histogram (log-spaced buckets from min to max). */
  static final int BUCKETS = 40;

  private Distributions() {}

  /**
   * Decodes a histogram's HDR data (base64 of HdrHistogram's compressed encoding).
   *
   * @throws IllegalArgumentException when the data is not an encoded HDR histogram
   */
  public static org.HdrHistogram.Histogram decode(Histogram h) {
    try {
      var decoded = org.HdrHistogram.Histogram.decodeFromCompressedByteBuffer(
          ByteBuffer.wrap(Base64.getDecoder().decode(h.hdr())), 0);
      decoded.setAutoResize(true);
      return decoded;
    } catch (DataFormatException | IllegalArgumentException | java.nio.BufferUnderflowException e) {
      throw new IllegalArgumentException("a histogram's hdr field is not an encoded HDR histogram: " + e, e);
    }
  }

  /**
   * The percentile curve: value at percentile, at percentiles that close in on 100 (50, 75, 87.5, ... as
   * HdrHistogram iterates them, 5 steps per halving of the distance to 100), ending at the maximum.
   *
   * @return {percentiles, values in the histogram's unit}; empty arrays without samples
   */
  public static double[][] percentileCurve(Histogram h) {
    if (h.count() == 0) {
      return new double[][] {{}, {}};
    }
    var hdr = decode(h);
    double scale = h.scale();
    List<double[]> points = new ArrayList<>();
    for (HistogramIterationValue v : hdr.percentiles(5)) {
      double p = v.getPercentileLevelIteratedTo();
      if (p > 99.999) {
        break; // the curve ends at the maximum, added below
      }
      points.add(new double[] {p, v.getValueIteratedTo() / scale});
    }
    points.add(new double[] {100, h.max()});
    double[][] out = new double[2][points.size()];
    for (int i = 0; i < points.size(); i++) {
      out[0][i] = points.get(i)[0];
      out[1][i] = points.get(i)[1];
    }
    return out;
  }

  /**
   * A histogram of sample counts in {@link #BUCKETS} buckets spaced evenly on a log scale from the minimum to the
   * maximum (linear when the range is narrow).
   *
   * @return {bucket upper bounds in the histogram's unit, sample counts}; empty arrays without samples
   */
  public static double[][] buckets(Histogram h) {
    if (h.count() == 0) {
      return new double[][] {{}, {}};
    }
    var hdr = decode(h);
    long lo = hdr.getMinValue();
    long hi = hdr.getMaxValue();
    int n = lo == hi ? 1 : BUCKETS;
    long[] upper = new long[n];
    boolean log = lo > 0 && hi / (double) lo > 4;
    for (int i = 0; i < n; i++) {
      double f = (i + 1) / (double) n;
      upper[i] = i == n - 1 ? Long.MAX_VALUE : (long) (log ? lo * Math.pow(hi / (double) lo, f) : lo + (hi - lo) * f);
    }
    double[] counts = new double[n];
    for (HistogramIterationValue v : hdr.recordedValues()) {
      // each recorded value counts once, in the bucket its (lowest equivalent) value falls in
      long value = hdr.lowestEquivalentValue(v.getValueIteratedTo());
      int at = java.util.Arrays.binarySearch(upper, value);
      counts[at >= 0 ? at : Math.min(n - 1, -at - 1)] += v.getCountAtValueIteratedTo();
    }
    double[] bounds = new double[n];
    for (int i = 0; i < n; i++) {
      bounds[i] = (i == n - 1 ? hi : upper[i]) / (double) h.scale();
    }
    return new double[][] {bounds, counts};
  }
}
