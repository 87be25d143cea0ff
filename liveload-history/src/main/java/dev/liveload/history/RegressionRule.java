package dev.liveload.history;

import dev.liveload.InvalidOptionException;
import dev.liveload.report.Tolerance;
import java.util.Objects;

/**
 * When a run's figure is a regression against the runs before it. Immutable.
 *
 * <p>For each figure (per scenario: throughput, error ratio, p50/p95/p99 of each duration metric; per step: p50,
 * p95, p99, error ratio and steps per second), take its values in the last {@code window} completed runs of the same
 * name that the baseline query selects; with fewer than {@code minRuns} of them, the figure is not judged. Their
 * median {@code m} and median absolute deviation {@code MAD} give the spread {@code mads × 1.4826 × MAD} (1.4826
 * makes the MAD of normally distributed values their standard deviation). The current value is a regression when it
 * is worse than {@code m} by more than the spread <em>and</em> by more than the {@link Tolerance} (its relative
 * share of {@code m} and its floor: 1 ms for latency, 0.1 percentage points for the error ratio by default), so that
 * a history with almost no spread does not flag noise. Worse is higher for latency and errors, lower for throughput.
 *
 * <pre>{@code
 * RegressionRule.DEFAULT;                                            // last 20 runs, at least 5, 3 MADs, 10%
 * RegressionRule.DEFAULT.window(50).mads(4).tolerance(Tolerance.percent(5));
 * }</pre>
 *
 * @param window    how many of the latest runs form the history; between 3 and 1000
 * @param minRuns   how many runs at least before a figure is judged; between 3 and {@code window}
 * @param mads      the robust multiple: how many (scaled) MADs from the median a value may be; between 0 and 100
 * @param tolerance the smallest change that counts, whatever the spread; never null
 * @since 0.1
 */
public record RegressionRule(int window, int minRuns, double mads, Tolerance tolerance) {
  /** Consistency constant: 1.4826 × MAD estimates the standard deviation of normally distributed values. */
  public static final double MAD_TO_SIGMA = 1.4826;

  /** The last 20 runs, at least 5 of them, 3 MADs, and 10% (floors 1 ms and 0.1 percentage points). */
  public static final RegressionRule DEFAULT = new RegressionRule(20, 5, 3, Tolerance.percent(10));

  /** Validates; see the parameters for the ranges. */
  public RegressionRule {
    if (window < 3 || window > 1000) {
      throw new InvalidOptionException("history.window", window, "must be between 3 and 1000 runs");
    }
    if (minRuns < 3 || minRuns > window) {
      throw new InvalidOptionException("history.minRuns", minRuns, "must be between 3 and the window (" + window
          + ")");
    }
    if (!Double.isFinite(mads) || mads < 0 || mads > 100) {
      throw new InvalidOptionException("history.mads", mads, "must be between 0 and 100");
    }
    Objects.requireNonNull(tolerance, "tolerance");
  }

  /**
   * @param runs how many of the latest runs form the history (3 to 1000); {@code minRuns} is lowered to it if
   *             larger
   * @return a rule with that window
   */
  public RegressionRule window(int runs) {
    return new RegressionRule(runs, Math.min(minRuns, Math.max(3, runs)), mads, tolerance);
  }

  /**
   * @param runs how many runs at least before a figure is judged (3 to the window)
   * @return a rule with that minimum
   */
  public RegressionRule minRuns(int runs) {
    return new RegressionRule(window, runs, mads, tolerance);
  }

  /**
   * @param multiple how many scaled MADs from the median a value may be (0 to 100)
   * @return a rule with that multiple
   */
  public RegressionRule mads(double multiple) {
    return new RegressionRule(window, minRuns, multiple, tolerance);
  }

  /**
   * @param smallest the smallest change that counts
   * @return a rule with that tolerance
   */
  public RegressionRule tolerance(Tolerance smallest) {
    return new RegressionRule(window, minRuns, mads, smallest);
  }
}
