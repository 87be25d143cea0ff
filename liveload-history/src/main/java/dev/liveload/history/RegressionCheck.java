package dev.liveload.history;

import java.util.List;

/**
 * A run judged against the runs before it. Immutable.
 *
 * <pre>{@code
 * RegressionCheck check = history.check(result);   // same name, the last 20 completed runs before it
 * if (check.regressed()) {
 *   check.regressions().forEach(r -> System.out.println(r.describe()));
 * }
 * }</pre>
 *
 * @param name        the run's name
 * @param baseline    the runs it was judged against, newest first; never null
 * @param rule        the rule it was judged by
 * @param judged      how many of its figures had enough history to be judged
 * @param regressions the figures flagged; never null
 * @since 0.1
 */
public record RegressionCheck(String name, List<RunEntry> baseline, RegressionRule rule, int judged,
    List<Regression> regressions) {

  /** Copies the lists. */
  public RegressionCheck {
    baseline = List.copyOf(baseline);
    regressions = List.copyOf(regressions);
  }

  /** @return whether any figure was flagged */
  public boolean regressed() {
    return !regressions.isEmpty();
  }

  /**
   * @return one line, then one per regression: {@code 2 regressions in CheckoutTest.checkout against the last 20
   *     runs: ...}, {@code no regression ...}, or {@code not judged: 3 earlier runs, 5 needed}
   */
  public String describe() {
    if (baseline.size() < rule.minRuns()) {
      return "not judged against history: " + name + " has " + baseline.size() + " earlier completed run"
          + (baseline.size() == 1 ? "" : "s") + " there, " + rule.minRuns() + " needed";
    }
    if (regressions.isEmpty()) {
      return "no regression in " + name + " against its last " + baseline.size() + " runs (" + judged
          + " figures judged)";
    }
    var sb = new StringBuilder().append(regressions.size()).append(regressions.size() == 1 ? " regression" :
        " regressions").append(" in ").append(name).append(" against its last ").append(baseline.size())
        .append(" runs:");
    regressions.forEach(r -> sb.append("\n  ").append(r.describe()));
    return sb.toString();
  }
}
