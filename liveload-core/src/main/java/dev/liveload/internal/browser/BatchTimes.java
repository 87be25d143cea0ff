package dev.liveload.internal.browser;

import dev.liveload.browser.PageOutcome;
import dev.liveload.browser.PageSample;

/**
 * Places the page's samples in the user's time, so that each is recorded under the step it happened in. A sample's
 * time comes mapped from the page's clock, with the mapping's error; batches pin it down: the user's thread waits
 * through every batch, so its scenario and step cannot change between handing a batch over and getting the result,
 * and a sample the page took while it ran the batch belongs to the batch's step whatever the error. A sample taken
 * between two batches happened while the user was between them (thinking, making HTTP calls), and is kept within
 * that gap. Remembers the last {@value #SIZE} batches. Used by the user's thread only.
 */
final class BatchTimes {
  static final int SIZE = 32;

  /** Per batch: handed over and answered (the user's clock), begun and finished in the page (mapped). */
  private final long[] submitted = new long[SIZE];
  private final long[] answered = new long[SIZE];
  private final long[] begun = new long[SIZE];
  private final long[] finished = new long[SIZE];
  private int newest = -1;
  private int size;

  /** Remembers a batch the user handed over at {@code submitted} and got back at {@code answered}. */
  void add(long submittedNanos, long answeredNanos, PageOutcome out) {
    newest = (newest + 1) & (SIZE - 1);
    size = Math.min(SIZE, size + 1);
    submitted[newest] = submittedNanos;
    answered[newest] = answeredNanos;
    boolean known = out.startNanos() != PageSample.NO_TIME && out.endNanos() != PageSample.NO_TIME
        && out.endNanos() - out.startNanos() >= 0;
    begun[newest] = known ? out.startNanos() : PageSample.NO_TIME;
    finished[newest] = known ? out.endNanos() : PageSample.NO_TIME;
  }

  /**
   * The time on the user's clock at which the user was where it was when the page took a sample at {@code t}
   * (mapped from the page's clock).
   *
   * @param t   the sample's time
   * @param now the user's clock now (a sample cannot be later)
   * @return a time to look the user's scenario and step up at
   */
  long userTime(long t, long now) {
    long later = now; // the start of the gap after the batch looked at (the next batch, or now)
    for (int n = 0, i = newest; n < size; n++, i = (i - 1) & (SIZE - 1)) {
      if (begun[i] == PageSample.NO_TIME) {
        if (t - submitted[i] >= 0) {
          return clamp(t, submitted[i], later);
        }
      } else if (t - begun[i] >= 0) {
        if (t - finished[i] <= 0) {
          return submitted[i]; // while the page ran this batch
        }
        return clamp(t, answered[i], later); // between this batch and the next
      }
      later = submitted[i];
    }
    return Math.min(t, later);
  }

  private static long clamp(long t, long from, long to) {
    if (to - from < 0) {
      return from;
    }
    return t - from < 0 ? from : t - to > 0 ? to : t;
  }
}
