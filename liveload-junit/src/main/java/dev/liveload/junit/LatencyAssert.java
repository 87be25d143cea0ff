package dev.liveload.junit;

import dev.liveload.result.Histogram;
import java.time.Duration;
import java.util.Locale;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a distribution of durations: pick a statistic, then compare it.
 *
 * <pre>{@code
 * assertThat(result).scenario(Checkout.class).step("pay").p95().isLessThan(ofMillis(500));
 * }</pre>
 *
 * @since 0.1
 */
public final class LatencyAssert extends AbstractAssert<LatencyAssert, Histogram> {
  private final String what;
  private final String context;

  LatencyAssert(Histogram actual, String what, String context) {
    super(actual, LatencyAssert.class);
    this.what = what;
    this.context = context;
  }

  /** @return the median */
  public DurationAssert p50() {
    return stat("p50", actual.p50());
  }

  /** @return the 90th percentile */
  public DurationAssert p90() {
    return stat("p90", actual.p90());
  }

  /** @return the 95th percentile */
  public DurationAssert p95() {
    return stat("p95", actual.p95());
  }

  /** @return the 99th percentile */
  public DurationAssert p99() {
    return stat("p99", actual.p99());
  }

  /** @return the 99.9th percentile */
  public DurationAssert p999() {
    return stat("p99.9", actual.p999());
  }

  /** @return the largest sample */
  public DurationAssert max() {
    return stat("max", actual.max());
  }

  /** @return the mean */
  public DurationAssert mean() {
    return stat("mean", actual.mean());
  }

  /**
   * @param percentile in [0, 100]
   * @return that percentile, from the HDR data
   */
  public DurationAssert percentile(double percentile) {
    return stat("p" + percentile, actual.percentile(percentile));
  }

  /** @return the number of samples, as a plain assertion */
  public org.assertj.core.api.AbstractLongAssert<?> count() {
    return org.assertj.core.api.Assertions.assertThat(actual.count()).as("samples of %s (%s)", what, context);
  }

  private DurationAssert stat(String name, double value) {
    if (!"ms".equals(actual.unit())) {
      failWithMessage("%s is measured in %s, not as a duration", what, actual.unit());
    }
    return new DurationAssert(Duration.ofNanos(Math.round(value * 1_000_000)),
        String.format(Locale.ROOT, "%s of %s (%d samples; %s)", name, what, actual.count(), context));
  }
}
