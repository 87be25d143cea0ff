package dev.liveload.history.internal;

import dev.liveload.InvalidOptionException;
import dev.liveload.history.Labels;
import dev.liveload.history.RegressionRule;
import dev.liveload.report.Tolerance;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The settings of the history hook, each a system property or, when that is not set, an environment variable.
 *
 * @param directory        the history, or null when none is configured (the hook then does nothing)
 * @param labels           labels to give every run, besides the git ones
 * @param baseline         labels the baseline runs must have
 * @param rule             the regression rule
 * @param failOnRegression whether a flagged regression fails the run
 */
public record HookSettings(Path directory, Map<String, String> labels, Map<String, String> baseline,
    RegressionRule rule, boolean failOnRegression) {

  /** Every setting: its property, its environment variable, what it means. */
  public enum Setting {
    /** The history's directory. */
    HISTORY("liveload.history", "the history directory; unset: runs are not added to a history"),
    /** Labels for every run. */
    LABELS("liveload.history.labels", "labels for every run besides the git ones, e.g. env=ci,region=eu"),
    /** Labels the baseline must have. */
    BASELINE("liveload.history.baseline", "judge against earlier runs with these labels only, e.g. branch=main"),
    /** Whether to fail. */
    FAIL("liveload.history.failOnRegression", "true: a regression against history fails the run (default false: "
        + "it is reported)"),
    /** The rule's window. */
    WINDOW("liveload.history.window", "the last N runs form the history (default 20)"),
    /** The rule's minimum. */
    MIN_RUNS("liveload.history.minRuns", "judge a figure only with at least N earlier runs (default 5)"),
    /** The rule's multiple. */
    MADS("liveload.history.mads", "flag beyond the median plus X scaled MADs (default 3)"),
    /** The rule's tolerance. */
    TOLERANCE("liveload.history.tolerance", "and only changes of more than PCT percent (default 10)");

    private final String property;
    private final String description;

    Setting(String property, String description) {
      this.property = property;
      this.description = description;
    }

    /** @return the system property, e.g. {@code liveload.history.window} */
    public String property() {
      return property;
    }

    /** @return the environment variable, e.g. {@code LIVELOAD_HISTORY_WINDOW} */
    public String variable() {
      return property.replace('.', '_').replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }

    /** @return what it means */
    public String description() {
      return description;
    }
  }

  /**
   * Reads the settings of this process.
   *
   * @return the settings
   * @throws InvalidOptionException naming the setting that is not valid
   */
  public static HookSettings current() {
    return read(System::getProperty, System.getenv());
  }

  /**
   * @param properties system properties by name
   * @param env        environment variables
   * @return the settings
   * @throws InvalidOptionException naming the setting that is not valid
   */
  public static HookSettings read(UnaryOperator<String> properties, Map<String, String> env) {
    var get = (java.util.function.Function<Setting, String>) s -> {
      String v = properties.apply(s.property());
      if (v == null || v.isBlank()) {
        v = env.get(s.variable());
      }
      return v == null || v.isBlank() ? null : v.strip();
    };
    String dir = get.apply(Setting.HISTORY);
    RegressionRule rule = RegressionRule.DEFAULT;
    if (get.apply(Setting.WINDOW) != null) {
      rule = rule.window(integer(Setting.WINDOW, get.apply(Setting.WINDOW)));
    }
    if (get.apply(Setting.MIN_RUNS) != null) {
      rule = rule.minRuns(integer(Setting.MIN_RUNS, get.apply(Setting.MIN_RUNS)));
    }
    if (get.apply(Setting.MADS) != null) {
      rule = rule.mads(number(Setting.MADS, get.apply(Setting.MADS)));
    }
    String tolerance = get.apply(Setting.TOLERANCE);
    if (tolerance != null) {
      rule = rule.tolerance(Tolerance.percent(number(Setting.TOLERANCE, tolerance.endsWith("%")
          ? tolerance.substring(0, tolerance.length() - 1) : tolerance)));
    }
    String fail = get.apply(Setting.FAIL);
    if (fail != null && !fail.equalsIgnoreCase("true") && !fail.equalsIgnoreCase("false")) {
      throw new InvalidOptionException(Setting.FAIL.property(), fail, "must be true or false");
    }
    return new HookSettings(dir == null ? null : Path.of(dir), labels(Setting.LABELS, get.apply(Setting.LABELS)),
        labels(Setting.BASELINE, get.apply(Setting.BASELINE)), rule, "true".equalsIgnoreCase(fail));
  }

  private static Map<String, String> labels(Setting s, String text) {
    try {
      return Labels.parse(text);
    } catch (InvalidOptionException e) {
      throw new InvalidOptionException(s.property(), text, e.getMessage());
    }
  }

  private static int integer(Setting s, String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new InvalidOptionException(s.property(), text, "must be a whole number");
    }
  }

  private static double number(Setting s, String text) {
    try {
      return Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw new InvalidOptionException(s.property(), text, "must be a number");
    }
  }
}
