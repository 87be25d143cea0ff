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

  /** Summary figures plus encoding, values divided by {@code scale}. */
  public static Histogram summarize(org.HdrHistogram.AbstractHistogram h, String unit, int scale) {
    double s = scale;
    if (h.getTotalCount() == 0) {
      return new Histogram(unit, scale, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, encode(h));
    }
    return new Histogram(unit, scale, h.getTotalCount(),
        h.getMinValue() / s,
        round(h.getMean() / s),
        round(h.getStdDeviation() / s),
        h.getValueAtPercentile(50) / s,
        h.getValueAtPercentile(75) / s,
        h.getValueAtPercentile(90) / s,
        h.getValueAtPercentile(95) / s,
        h.getValueAtPercentile(99) / s,
        h.getValueAtPercentile(99.9) / s,
        h.getMaxValue() / s,
        encode(h));
  }

  /** Rounds to 6 significant decimals so that means print compactly and stably. */
  private static double round(double v) {
    return Math.round(v * 1_000_000d) / 1_000_000d;
  }
}
