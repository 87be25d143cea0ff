package dev.liveload.junit;

import java.time.Duration;
import java.util.Locale;
import org.assertj.core.api.AbstractAssert;

/**
 * Compares one latency statistic; messages read "Expecting p95 of step 'pay' ... to be less than 500 ms, but it was
 * 612.3 ms".
 *
 * @since 0.1
 */
public final class DurationAssert extends AbstractAssert<DurationAssert, Duration> {
  private final String what;

  DurationAssert(Duration actual, String what) {
    super(actual, DurationAssert.class);
    this.what = what;
  }

  /** @param limit the limit @return this */
  public DurationAssert isLessThan(Duration limit) {
    if (actual.compareTo(limit) >= 0) {
      fail("to be less than", limit);
    }
    return this;
  }

  /** @param limit the limit @return this */
  public DurationAssert isLessThanOrEqualTo(Duration limit) {
    if (actual.compareTo(limit) > 0) {
      fail("to be at most", limit);
    }
    return this;
  }

  /** @param limit the limit @return this */
  public DurationAssert isGreaterThan(Duration limit) {
    if (actual.compareTo(limit) <= 0) {
      fail("to be more than", limit);
    }
    return this;
  }

  /** @param low lowest allowed @param high highest allowed @return this */
  public DurationAssert isBetween(Duration low, Duration high) {
    if (actual.compareTo(low) < 0 || actual.compareTo(high) > 0) {
      failWithMessage("Expecting %s to be between %s and %s, but it was %s", what, ms(low), ms(high), ms(actual));
    }
    return this;
  }

  private void fail(String relation, Duration limit) {
    failWithMessage("Expecting %s %s %s, but it was %s", what, relation, ms(limit), ms(actual));
  }

  static String ms(Duration d) {
    double ms = d.toNanos() / 1e6;
    return String.format(Locale.ROOT, ms == Math.rint(ms) ? "%.0f ms" : "%.3f ms", ms);
  }
}
