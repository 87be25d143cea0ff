package dev.liveload;

import dev.liveload.internal.threshold.Evaluator;
import dev.liveload.internal.threshold.Expression;
import dev.liveload.internal.threshold.Parser;
import dev.liveload.internal.threshold.ResultView;
import dev.liveload.result.RunResult;
import dev.liveload.result.ThresholdResult;
import java.time.Duration;

/**
 * A pass/fail criterion on a run, written as a small expression. Thresholds are evaluated every second while the
 * run goes (and may abort it) and once more on the final result; each verdict, with the observed value, is in
 * {@link RunResult#thresholds()}.
 *
 * <pre>{@code
 * p95(http.duration) < 300ms                          95th percentile of passed requests
 * p99(step:checkout) <= 1s                            99th percentile of the step "checkout"
 * p95(http.duration{scenario:Api,method:POST}) < 200ms
 * avg(iteration.duration{scenario:Browse}) < 5s       also min, max, p50, p99.9, ...
 * error_ratio < 1%                                    failed / all requests (iterations when there are none)
 * error_ratio{url:"/api/cart/{id}"} < 0.5%            values with { } , go in quotes
 * rps > 100                                           requests per second
 * count(dropped) == 0                                 open-model arrivals that found no free user
 * rate(requests.failed) < 2                           per second
 * }</pre>
 *
 * <p>Tags in a selector: {@code scenario}, {@code step}, {@code method}, {@code url} (the template, e.g.
 * {@code /users/{id}}), {@code status}, {@code error}. Statistics cover passed samples unless an {@code error} tag
 * is selected. Units: {@code us}, {@code ms} (the default for durations), {@code s}, {@code m}; {@code %} for
 * ratios; {@code /s} for rates; a space may stand between the number and its unit ({@code 300 ms}). A ratio
 * without {@code %} is between 0 and 1 ({@code error_ratio < 5} is rejected: write {@code 5%} or {@code 0.05}). A
 * statistic over no samples fails ("no data"). An invalid expression is rejected by {@link #of(String)} with the
 * position of the error; a metric, counter or scenario that the run cannot have ({@code p95(http.durration)}) is
 * rejected by {@link RunOptions.Builder#build()}: both before any load starts. A metric that only a custom
 * connection records is declared with {@link RunOptions.Builder#customMetrics(String...)}.
 *
 * <p>While the run goes, a threshold is judged only once no single sample can decide it: a statistic needs 20
 * samples (a percentile pN at least 100 / (100 - N): p99 100, p99.9 1000), {@code error_ratio < L} more than 1 / L
 * requests, each at most 1000; a rate needs one second of run; a count is judged at once. Until then it neither
 * records a first failure nor aborts the run. The final verdict judges the whole run, however few its samples.
 *
 * <p>Immutable.
 *
 * @since 0.1
 */
public final class Threshold {
  private final Expression expression;
  private final boolean abortOnFail;
  private final Duration abortDelay;

  private Threshold(Expression expression, boolean abortOnFail, Duration abortDelay) {
    this.expression = expression;
    this.abortOnFail = abortOnFail;
    this.abortDelay = abortDelay;
  }

  /**
   * Parses an expression.
   *
   * @param expression e.g. {@code p95(http.duration) < 300ms}
   * @return the threshold
   * @throws InvalidOptionException with the position of the first error
   */
  public static Threshold of(String expression) {
    return new Threshold(Parser.parse(expression), false, Duration.ZERO);
  }

  /**
   * Stops the whole run as soon as this threshold fails in a per-second evaluation; the result says why.
   *
   * @return a copy that aborts
   */
  public Threshold abortOnFail() {
    return new Threshold(expression, true, Duration.ZERO);
  }

  /**
   * Stops the whole run when this threshold fails, but not in the first {@code delay} of the run (let a ramp-up
   * or warm-up settle first).
   *
   * @param delay time before a failure may abort, >= 0
   * @return a copy that aborts after the delay
   */
  public Threshold abortOnFail(Duration delay) {
    return new Threshold(expression, true, InvalidOptionException.notNegative("threshold.abortDelay", delay));
  }

  /** @return the expression as written */
  public String expression() {
    return expression.text();
  }

  /** The parsed expression, for the checks {@link RunOptions.Builder#build()} makes. */
  Expression parsed() {
    return expression;
  }

  /** @return whether a failure aborts the run */
  public boolean abortsOnFail() {
    return abortOnFail;
  }

  /** @return how long into the run a failure may first abort it */
  public Duration abortDelay() {
    return abortDelay;
  }

  /**
   * Evaluates this threshold on a result (for example one read from a file, or merged from several generators).
   *
   * @param result the result
   * @return the verdict with the observed value
   */
  public ThresholdResult evaluate(RunResult result) {
    return Evaluator.verdict(expression, Evaluator.evaluate(expression, new ResultView(result)), "");
  }

  @Override
  public String toString() {
    return expression.text() + (abortOnFail ? " (abort on fail" + (abortDelay.isZero() ? ")"
        : " after " + abortDelay + ")") : "");
  }
}
