package dev.liveload.browser.playwright.internal;

import dev.liveload.browser.PageSample;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * How one batch ran in the page, for {@code PageOutcome}: the page's clock when it was first armed, and the spans it
 * spent running there. Each arming is one span, from the start of its first action's time (a wait's starts where
 * the previous action ended) to the end of its last; what lies between two armings (the owner re-arming the page
 * after a navigation, a Playwright call for a screenshot) is the driver's hand-over, not the page's time, except
 * the host calls themselves, which count for how long they took. Owner thread only.
 */
final class BatchTiming {
  private final List<double[]> spans = new ArrayList<>();
  private double from = Double.NaN;
  private double to = Double.NaN;
  private long hostMicros;
  private double begun = Double.NaN;
  private boolean timed;

  /** A new batch. */
  void reset() {
    spans.clear();
    from = Double.NaN;
    to = Double.NaN;
    hostMicros = 0;
    begun = Double.NaN;
    timed = true;
  }

  /** The page was armed, its clock reading {@code pageMs}: a new span begins with the next action. */
  void armed(double pageMs) {
    close();
    if (Double.isNaN(begun) && !Double.isNaN(pageMs)) {
      begun = pageMs;
    }
  }

  /** An action ran in the page from {@code fromMs} (the start of its measured time) to {@code endMs}. */
  void ran(double fromMs, double endMs) {
    if (Double.isNaN(fromMs) || Double.isNaN(endMs) || endMs < fromMs) {
      return;
    }
    from = Double.isNaN(from) ? fromMs : Math.min(from, fromMs);
    to = Double.isNaN(to) ? endMs : Math.max(to, endMs);
  }

  /** The owner made a Playwright call for the batch (a screenshot, a storage snapshot) that took {@code micros}. */
  void host(long micros) {
    close();
    hostMicros += Math.max(0, micros);
  }

  /** The batch ended without the page saying so (a deadline, a crash): its time in the page is not known. */
  void lost() {
    timed = false;
  }

  /** @return the batch's time in the page, µs, or -1 when not known */
  long pageMicros() {
    close();
    if (!timed) {
      return -1;
    }
    spans.sort(Comparator.comparingDouble(s -> s[0]));
    double total = 0;
    double start = Double.NaN;
    double end = Double.NaN;
    for (double[] s : spans) {
      if (Double.isNaN(start) || s[0] > end) {
        if (!Double.isNaN(start)) {
          total += end - start;
        }
        start = s[0];
        end = s[1];
      } else {
        end = Math.max(end, s[1]);
      }
    }
    if (!Double.isNaN(start)) {
      total += end - start;
    }
    return Math.round(total * 1000) + hostMicros;
  }

  /** @return when the page was first armed for the batch, on the JVM's clock, or {@link PageSample#NO_TIME} */
  long startNanos(PageClock clock) {
    return Double.isNaN(begun) ? PageSample.NO_TIME : clock.toNanos(begun);
  }

  private void close() {
    if (!Double.isNaN(from)) {
      spans.add(new double[] {from, to});
    }
    from = Double.NaN;
    to = Double.NaN;
  }
}
