package dev.liveload.internal.metrics;

import dev.liveload.result.Histogram;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;

/** HdrHistogram helpers: the one place that knows precision, encoding and how summaries are computed. */
public final class Hdr {
  /** Significant digits of every histogram LiveLoad records: 0.1% value resolution. */
  public static final int SIGNIFICANT_DIGITS = 3;
  /** Durations are recorded in microseconds and reported in milliseconds. */
  public static final int MICROS_PER_MILLI = 1000;

  private Hdr() {}

  /** A new auto-resizing histogram with LiveLoad's precision. */
  public static org.HdrHistogram.Histogram newHistogram() {
    var h = new org.HdrHistogram.Histogram(SIGNIFICANT_DIGITS);
    h.setAutoResize(true);
    return h;
  }

  /** Base64 of the compressed encoding. */
  public static String encode(org.HdrHistogram.AbstractHistogram h) {
    ByteBuffer buffer = ByteBuffer.allocate(h.getNeededByteBufferCapacity());
    int length = h.encodeIntoCompressedByteBuffer(buffer, Deflater.BEST_SPEED);
    byte[] bytes = new byte[length];
    buffer.flip();
    buffer.get(bytes);
    return Base64.getEncoder().encodeToString(bytes);
  }

  /** Decodes {@link #encode}'s output into a new auto-resizing histogram. */
  public static org.HdrHistogram.Histogram decode(String base64) {
    try {
      var h = org.HdrHistogram.Histogram.decodeFromCompressedByteBuffer(
          ByteBuffer.wrap(Base64.getDecoder().decode(base64)), 0);
      h.setAutoResize(true);
      return h;
    } catch (DataFormatException | IllegalArgumentException e) {
      throw new IllegalArgumentException("not an encoded HDR histogram: " + e.getMessage(), e);
    }
  }

  /**
   * Merges many histograms of one unit at once: each is decoded once and the sum encoded once (merging pairwise
   * would decode and re-encode the growing sum at every step).
   *
   * @param parts at least one histogram, all of the same unit and scale
   * @return the merged histogram
   */
  public static Histogram mergeAll(java.util.List<Histogram> parts) {
    if (parts.size() == 1) {
      return parts.get(0);
    }
    Histogram first = parts.get(0);
    var sum = newHistogram();
    for (Histogram h : parts) {
      if (!h.unit().equals(first.unit()) || h.scale() != first.scale()) {
        throw new IllegalArgumentException("cannot merge a histogram in " + h.unit() + " (scale " + h.scale()
            + ") with one in " + first.unit() + " (scale " + first.scale() + ")");
      }
      if (h.count() > 0) {
        sum.add(decode(h.hdr()));
      }
    }
    return summarize(sum, first.unit(), first.scale());
  }

  private static final double[] PERCENTILES = {50, 75, 90, 95, 99, 99.9};

  /**
   * Summary figures plus encoding, values divided by {@code scale}. Two passes over the recorded values (the
   * percentiles exactly as {@code getValueAtPercentile} computes them, in one pass; then the deviation) instead of
   * one pass per figure.
   */
  public static Histogram summarize(org.HdrHistogram.AbstractHistogram h, String unit, int scale) {
    double s = scale;
    long total = h.getTotalCount();
    if (total == 0) {
      return new Histogram(unit, scale, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, encode(h));
    }
    long[] thresholds = new long[PERCENTILES.length];
    for (int i = 0; i < PERCENTILES.length; i++) {
      double requested = Math.min(Math.max(Math.nextAfter(PERCENTILES[i], Double.NEGATIVE_INFINITY), 0), 100);
      thresholds[i] = Math.max(1, (long) Math.ceil(requested * total / 100.0));
    }
    long[] atPercentile = new long[PERCENTILES.length];
    int next = 0;
    double sum = 0;
    for (var v : h.recordedValues()) {
      sum += h.medianEquivalentValue(v.getValueIteratedTo()) * (double) v.getCountAtValueIteratedTo();
      while (next < thresholds.length && v.getTotalCountToThisValue() >= thresholds[next]) {
        atPercentile[next++] = v.getValueIteratedTo();
      }
    }
    double mean = sum / total;
    double deviations = 0;
    for (var v : h.recordedValues()) {
      double d = h.medianEquivalentValue(v.getValueIteratedTo()) - mean;
      deviations += d * d * v.getCountAddedInThisIterationStep();
    }
    return new Histogram(unit, scale, total,
        h.getMinValue() / s,
        round(mean / s),
        round(Math.sqrt(deviations / total) / s),
        atPercentile[0] / s,
        atPercentile[1] / s,
        atPercentile[2] / s,
        atPercentile[3] / s,
        atPercentile[4] / s,
        atPercentile[5] / s,
        h.getMaxValue() / s,
        encode(h));
  }

  /** Rounds to 6 significant decimals so that means print compactly and stably. */
  private static double round(double v) {
    return Math.round(v * 1_000_000d) / 1_000_000d;
  }
}
