package dev.liveload;

import dev.liveload.result.GeneratorHealth;
import dev.liveload.result.Histogram;
import dev.liveload.result.RunResult;
import java.util.Locale;

/**
 * What a time- or rate-bounded test may allow on top of the target's known behaviour: the lateness the generator
 * reports about itself. Its health probe (a virtual thread that asks to wake every {@value #PROBE_PERIOD_MS} ms,
 * like a user's timed wait or its wait for a reply) records how late it woke; when other processes keep the cores
 * busy, users wake as late, and their timestamps with them. A bound is then "what the target does" + "what LiveLoad
 * may add" (stated per test) + a figure from here, never "what a quiet machine does".
 *
 * <p>Which figure:
 * <ul>
 *   <li>a percentile of many samples: the same percentile-ish of the probe's lateness ({@link #percentile}), since
 *       users and probe wake at unrelated moments and see the same stalls;
 *   <li>one wake-up, or the worst of a few ({@link #worstCase}): a stall begins at a moment the probe does not choose,
 *       and the probe, due every {@value #PROBE_PERIOD_MS} ms, sees it only from its next due wake-up on; so one user
 *       may have waited up to the probe's maximum plus one probe period.
 * </ul>
 *
 * <p>Tests print {@link #describe(RunResult)} next to their figures, so a near-bound result shows why.
 */
public final class GeneratorLateness {
  /** How often the generator's probe asks to wake (HealthMonitor.PROBE_PERIOD_NANOS), ms. */
  public static final double PROBE_PERIOD_MS = 50;

  private GeneratorLateness() {}

  /** @return the probe's highest wake-up lateness in the measured run, ms (0 when it took no sample) */
  public static double max(RunResult result) {
    Histogram lag = result.generator().schedulerLag();
    return lag == null ? 0 : lag.max();
  }

  /** @return the probe's p99 wake-up lateness in the measured run, ms (0 when it took no sample) */
  public static double p99(RunResult result) {
    return percentile(result, 99);
  }

  /**
   * @param percentile 0 to 100
   * @return the probe's wake-up lateness at that percentile in the measured run, ms (0 when it took no sample)
   */
  public static double percentile(RunResult result, double percentile) {
    Histogram lag = result.generator().schedulerLag();
    return lag == null ? 0 : lag.percentile(percentile);
  }

  /**
   * @return how late any one user may have woken, by what the generator reports: its probe's maximum plus one
   *     probe period, ms
   */
  public static double worstCase(RunResult result) {
    return max(result) + PROBE_PERIOD_MS;
  }

  /** @return one line: saturated or not, the lag figures, CPU, GC and any warnings */
  public static String describe(RunResult result) {
    GeneratorHealth g = result.generator();
    Histogram lag = g.schedulerLag();
    return String.format(Locale.ROOT, "generator: saturated %s, lag p50 %.2f p99 %.2f max %.2f ms over %d samples, "
            + "cpu mean %.0f%% max %.0f%%, gc %d ms%s", g.saturated(), lag == null ? 0 : lag.p50(), p99(result),
        max(result), lag == null ? 0 : lag.count(), g.cpuMeanPercent(), g.cpuMaxPercent(), g.gcMillis(),
        g.warnings().isEmpty() ? "" : "; warnings: " + g.warnings());
  }
}
