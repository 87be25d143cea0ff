package dev.liveload.browser.playwright.internal;

import java.time.Instant;

/**
 * Maps a page's clock (epoch ms: {@code performance.timeOrigin + performance.now()}) onto the JVM's
 * {@link System#nanoTime()}, so that what the page measured is placed in the user's time. Every batch the owner arms
 * is a reading: the page tells its clock from inside a call whose start and end the owner timed; the reading with
 * the shortest round trip among the last {@value #WINDOW} is the most exact (its error is at most half of it), and
 * a sliding window follows the clocks' drift. Before the first reading, the wall clocks are taken to agree. Owner
 * thread only.
 */
final class PageClock {
  static final int WINDOW = 16;

  /** Per reading: JVM ms minus page ms, and the call's round trip in ns. */
  private final double[] offsets = new double[WINDOW];
  private final long[] roundTrips = new long[WINDOW];
  private int readings;
  private int next;
  private double offsetMs = Double.NaN;

  /**
   * One reading: the page's clock said {@code pageMs} during a call made from {@code beforeNanos} to
   * {@code afterNanos}.
   */
  void observe(double pageMs, long beforeNanos, long afterNanos) {
    if (Double.isNaN(pageMs) || afterNanos - beforeNanos < 0) {
      return;
    }
    offsets[next] = (beforeNanos + (afterNanos - beforeNanos) / 2) / 1e6 - pageMs;
    roundTrips[next] = afterNanos - beforeNanos;
    next = (next + 1) % WINDOW;
    readings = Math.min(WINDOW, readings + 1);
    int best = 0;
    for (int i = 1; i < readings; i++) {
      if (roundTrips[i] < roundTrips[best]) {
        best = i;
      }
    }
    offsetMs = offsets[best];
  }

  /** @return the JVM's {@link System#nanoTime()} at page time {@code pageMs} */
  long toNanos(double pageMs) {
    if (Double.isNaN(offsetMs)) {
      Instant wall = Instant.now();
      long nanos = System.nanoTime();
      offsetMs = nanos / 1e6 - (wall.getEpochSecond() * 1e3 + wall.getNano() / 1e6);
    }
    return Math.round((pageMs + offsetMs) * 1e6);
  }
}
