package dev.liveload.browser.playwright.internal;

import dev.liveload.browser.PageSample;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The samples a page pushed back, kept until the user's next batch collects them: decoded from the runtime's
 * compact arrays ({@code [metric, kind, url, status, error, value, step, at]}, {@code at} on the page's clock, mapped
 * onto the JVM's), bounded. Owner thread only.
 */
final class PageSamples {
  private static final Logger LOG = LoggerFactory.getLogger(PageSamples.class);
  private static final int MAX = 20_000;

  private final List<PageSample> samples = new ArrayList<>();
  private long dropped;

  /** Adds the samples of one report; {@code droppedInPage} counts what the page could not keep. */
  void collect(Object reported, Object droppedInPage, PageClock clock) {
    if (droppedInPage instanceof Number n) {
      dropped += n.longValue();
    }
    if (!(reported instanceof List<?> list)) {
      return;
    }
    for (Object o : list) {
      if (!(o instanceof List<?> f) || f.size() < 7 || f.get(0) == null) {
        continue;
      }
      if (samples.size() >= MAX) {
        dropped++;
        continue;
      }
      double value = f.get(5) instanceof Number n ? n.doubleValue() : Double.NaN;
      if (Double.isNaN(value) || Double.isInfinite(value)) {
        continue;
      }
      long at = f.size() > 7 && f.get(7) instanceof Number t ? clock.toNanos(t.doubleValue()) : PageSample.NO_TIME;
      samples.add(new PageSample(f.get(0).toString(), str(f.get(1)), str(f.get(2)),
          f.get(3) instanceof Number st ? st.intValue() : 0, str(f.get(4)), value, str(f.get(6)), at));
    }
  }

  /** Hands out everything kept so far. */
  List<PageSample> drain() {
    if (dropped > 0) {
      LOG.warn("a page measured more than it could hand back; {} samples were dropped", dropped);
      dropped = 0;
    }
    if (samples.isEmpty()) {
      return List.of();
    }
    var out = List.copyOf(samples);
    samples.clear();
    return out;
  }

  private static String str(Object o) {
    return o == null ? null : o.toString();
  }
}
