package dev.liveload.internal.threshold;

import dev.liveload.Threshold;
import dev.liveload.result.RunResult;
import dev.liveload.result.ThresholdResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A run's thresholds as they are watched: evaluated every second on the run so far (remembering when each first
 * failed, and saying when one that aborts on failure should stop the run), then once on the final result.
 */
public final class LiveThresholds {
  private final List<Threshold> thresholds;
  private final List<Expression> expressions = new ArrayList<>();
  private final String[] firstFailure;
  private String abortedBy;

  public LiveThresholds(List<Threshold> thresholds) {
    this.thresholds = List.copyOf(thresholds);
    for (Threshold t : thresholds) {
      expressions.add(Parser.parse(t.expression()));
    }
    this.firstFailure = new String[thresholds.size()];
  }

  /**
   * Evaluates every threshold on the run so far. A threshold with nothing to measure yet is not failing.
   *
   * @param view          the run so far
   * @param elapsedMillis time since the run started
   * @return why the run must abort (the first failing threshold that aborts on failure), or null
   */
  public String evaluate(MetricView view, long elapsedMillis) {
    String abort = null;
    for (int i = 0; i < thresholds.size(); i++) {
      Evaluator.Outcome o = Evaluator.evaluate(expressions.get(i), view);
      if (o.passed() || Double.isNaN(o.observed())) {
        continue; // nothing to judge yet (no samples so far): only the final evaluation fails for no data
      }
      String at = String.format(Locale.ROOT, "%s at %.0f s", o.observedText(), elapsedMillis / 1000.0);
      if (firstFailure[i] == null) {
        firstFailure[i] = at;
      }
      Threshold t = thresholds.get(i);
      if (t.abortsOnFail() && elapsedMillis >= t.abortDelay().toMillis() && abortedBy == null) {
        abortedBy = t.expression();
        abort = "threshold " + t.expression() + " failed (observed " + at + ")";
      }
    }
    return abort;
  }

  /** The final verdicts on a result, each noting when it first failed during the run or that it aborted it. */
  public List<ThresholdResult> verdicts(RunResult result) {
    var view = new ResultView(result);
    var out = new ArrayList<ThresholdResult>();
    for (int i = 0; i < thresholds.size(); i++) {
      Expression e = expressions.get(i);
      String note = "";
      if (thresholds.get(i).expression().equals(abortedBy)) {
        note = "; aborted the run (first failed with " + firstFailure[i] + ")";
      } else if (firstFailure[i] != null) {
        note = "; first failed during the run with " + firstFailure[i];
      }
      out.add(Evaluator.verdict(e, Evaluator.evaluate(e, view), note));
    }
    return out;
  }
}
