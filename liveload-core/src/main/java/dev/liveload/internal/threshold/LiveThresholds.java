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
 *
 * <p>While the run goes, a threshold is judged only once no single sample can decide it: a statistic needs at least
 * {@value #MIN_SAMPLES} samples, a percentile pN at least 100 / (100 - N) (p99: 100, p99.9: 1000), an error ratio
 * under a limit L more than 1 / L requests (1%: 101), each at most {@value #MAX_SAMPLES_NEEDED}; a rate needs one
 * second of run; a count is judged at once. Before that the threshold is neither failing nor passing, so a first
 * interval of a few milliseconds with a handful of failures neither records a first failure nor aborts the run. The
 * final verdict judges the whole run, however few its samples.
 */
public final class LiveThresholds {
  /** Fewest samples a statistic needs before a live evaluation may fail it. */
  static final int MIN_SAMPLES = 20;
  /** Most samples a live evaluation waits for, however strict the threshold. */
  static final int MAX_SAMPLES_NEEDED = 1000;
  /** Run time a rate needs before a live evaluation may fail it. */
  static final long MIN_RATE_MILLIS = 1000;

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
      Expression e = expressions.get(i);
      if (isRate(e) && elapsedMillis < MIN_RATE_MILLIS) {
        continue;
      }
      Evaluator.Outcome o = Evaluator.evaluate(e, view);
      if (o.passed() || Double.isNaN(o.observed()) || o.samples() < samplesNeeded(e)) {
        continue; // nothing (or too little) to judge yet: only the final evaluation fails for no data
      }
      String at = String.format(Locale.ROOT, elapsedMillis < 10_000 ? "%s at %.1f s" : "%s at %.0f s",
          o.observedText(), elapsedMillis / 1000.0);
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

  /** @return how many samples a live evaluation of {@code e} needs before it may fail (see the class comment) */
  static long samplesNeeded(Expression e) {
    double needed = switch (e.function()) {
      case "percentile" -> e.percentile() >= 100 ? MIN_SAMPLES : Math.ceil(100 / (100 - e.percentile()) - 1e-9);
      case "error_ratio" -> e.limit() > 0 ? Math.floor(1 / e.limit() + 1e-9) + 1 : MIN_SAMPLES;
      case "avg", "min", "max" -> MIN_SAMPLES;
      default -> 0; // count, rate, rps
    };
    return needed == 0 ? 0 : (long) Math.min(MAX_SAMPLES_NEEDED, Math.max(MIN_SAMPLES, needed));
  }

  private static boolean isRate(Expression e) {
    return e.function().equals("rate") || e.function().equals("rps");
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
