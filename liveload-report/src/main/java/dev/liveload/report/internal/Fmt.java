package dev.liveload.report.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How numbers read in reports: 3 significant figures for measurements, grouped digits for counts. */
public final class Fmt {
  private static final DateTimeFormatter UTC =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private Fmt() {}

  /** A measurement: {@code 127}, {@code 12.3}, {@code 1.23}, {@code 0.123}; {@code -} when not finite. */
  public static String num(double v) {
    if (!Double.isFinite(v)) {
      return "-";
    }
    double a = Math.abs(v);
    if (a >= 100 || v == Math.rint(v)) {
      return String.format(Locale.ROOT, "%,.0f", v);
    }
    if (a >= 10) {
      return String.format(Locale.ROOT, "%.1f", v);
    }
    if (a >= 1 || a == 0) {
      return a == 0 ? "0" : String.format(Locale.ROOT, "%.2f", v);
    }
    return String.format(Locale.ROOT, "%.3f", v);
  }

  /** A measurement followed by its unit: {@code 12.3 ms}, {@code 512 bytes}. */
  public static String value(double v, String unit) {
    return unit == null || unit.isEmpty() ? num(v) : num(v) + " " + unit;
  }

  /** A count with grouped digits: {@code 12,345}. */
  public static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /** A ratio as a percentage: {@code 1.23%}; two decimals below 10%. */
  public static String percent(double ratio) {
    if (!Double.isFinite(ratio)) {
      return "-";
    }
    double p = ratio * 100;
    return String.format(Locale.ROOT, p == 0 || p >= 10 ? "%.1f%%" : "%.2f%%", p);
  }

  /** A rate per second: {@code 812.4/s}. */
  public static String rate(double perSecond) {
    return num(perSecond) + "/s";
  }

  /** A length of time: {@code 850 ms}, {@code 2.4 s}, {@code 3 min 05 s}, {@code 1 h 02 min}. */
  public static String duration(long millis) {
    if (millis < 1000) {
      return millis + " ms";
    }
    if (millis < 60_000) {
      return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
    long s = millis / 1000;
    if (s < 3600) {
      return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
    }
    return String.format(Locale.ROOT, "%d h %02d min", s / 3600, s / 60 % 60);
  }

  /** Seconds since the start as {@code m:ss} or {@code h:mm:ss}. */
  public static String elapsed(long millis) {
    long s = Math.max(0, millis) / 1000;
    return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }

  /** A point in time, in UTC to the second. */
  public static String instant(Instant t) {
    return t == null ? "-" : UTC.format(t);
  }

  /** Bytes as {@code 812 MB}, {@code 1.2 GB}. */
  public static String bytes(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    if (bytes < 1 << 20) {
      return num(bytes / 1024.0) + " KB";
    }
    if (bytes < 1L << 30) {
      return num(bytes / (double) (1 << 20)) + " MB";
    }
    return num(bytes / (double) (1L << 30)) + " GB";
  }

  /** A relative change: {@code +20.0%}, {@code -2.1%}; {@code new} when there was nothing to compare with. */
  public static String change(double relative) {
    if (!Double.isFinite(relative)) {
      return "n/a";
    }
    return String.format(Locale.ROOT, "%+.1f%%", relative * 100);
  }
}
