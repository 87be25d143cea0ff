package dev.liveload.junit;

import dev.liveload.result.Breakdown;
import dev.liveload.result.Histogram;
import dev.liveload.result.ScenarioResult;
import java.util.List;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.AbstractDoubleAssert;
import org.assertj.core.api.AbstractLongAssert;
import org.assertj.core.api.Assertions;

/**
 * Assertions on one scenario (or the run's total). Obtain with {@link RunResultAssert#scenario(String)}.
 *
 * @since 0.1
 */
public final class ScenarioAssert extends AbstractAssert<ScenarioAssert, ScenarioResult> {
  private final String context;

  ScenarioAssert(ScenarioResult actual, String context) {
    super(actual, ScenarioAssert.class);
    this.context = context;
  }

  private String where() {
    return actual.name().equals(ScenarioResult.TOTAL) ? "the whole run" : "scenario '" + actual.name() + "'";
  }

  /**
   * @param name step name (nested steps: {@code outer / inner})
   * @return assertions on the step's duration (passed samples)
   */
  public LatencyAssert step(String name) {
    List<Breakdown> rows = actual.breakdown().stream()
        .filter(b -> b.metric().equals("step.duration") && name.equals(b.tag("step")) && b.tag("error") == null)
        .toList();
    if (rows.isEmpty()) {
      failWithMessage("Expecting %s to have a step named '%s' with passed samples, but its steps are %s (%s)",
          where(), name, actual.breakdown().stream().filter(b -> b.metric().equals("step.duration"))
              .map(b -> b.tag("step")).distinct().toList(), context);
    }
    return new LatencyAssert(merge(rows), "step '" + name + "' in " + where(), context);
  }

  /**
   * @param method HTTP method
   * @param url    URL template as reported, e.g. {@code /users/{id}}
   * @return assertions on that request's duration (passed samples)
   */
  public LatencyAssert request(String method, String url) {
    List<Breakdown> rows = actual.breakdown().stream()
        .filter(b -> b.metric().equals("http.duration") && method.equals(b.tag("method")) && url.equals(b.tag("url"))
            && b.tag("error") == null)
        .toList();
    if (rows.isEmpty()) {
      failWithMessage("Expecting %s to have passed %s %s requests, but it has none; its URLs are %s (%s)", where(),
          method, url, actual.breakdown().stream().filter(b -> b.metric().equals("http.duration"))
              .map(b -> b.tag("method") + " " + b.tag("url")).distinct().toList(), context);
    }
    return new LatencyAssert(merge(rows), method + " " + url + " in " + where(), context);
  }

  /**
   * @param metric metric name, e.g. {@code http.duration}
   * @return assertions on the metric's passed samples
   */
  public LatencyAssert metric(String metric) {
    Histogram h = actual.metric(metric);
    if (h == null) {
      failWithMessage("Expecting %s to have samples of %s, but it has only %s (%s)", where(), metric,
          actual.metrics().keySet(), context);
    }
    return new LatencyAssert(h, metric + " in " + where(), context);
  }

  /** @return assertions on passed requests' latency ({@code http.duration}) */
  public LatencyAssert latency() {
    return metric("http.duration");
  }

  /** @return the failure ratio (failed requests over requests; iterations when there were no requests), 0..1 */
  public AbstractDoubleAssert<?> errorRatio() {
    return Assertions.assertThat(actual.errorRatio()).as("error ratio of %s (%d of %d requests failed; %s)", where(),
        actual.failedRequests(), actual.requests(), context);
  }

  /** @return requests per second over the scenario's running time */
  public AbstractDoubleAssert<?> throughput() {
    return Assertions.assertThat(actual.throughput()).as("requests per second of %s (%d requests over %.1f s; %s)",
        where(), actual.requests(), actual.durationMillis() / 1000.0, context);
  }

  /** @return the number of requests */
  public AbstractLongAssert<?> requests() {
    return Assertions.assertThat(actual.requests()).as("requests of %s (%s)", where(), context);
  }

  /** @return the number of iterations that ran to an end */
  public AbstractLongAssert<?> iterations() {
    return Assertions.assertThat(actual.iterations()).as("iterations of %s (%s)", where(), context);
  }

  /** @return the number of failed iterations */
  public AbstractLongAssert<?> failedIterations() {
    return Assertions.assertThat(actual.failedIterations()).as("failed iterations of %s (%s)", where(), context);
  }

  /**
   * @param counter a counter, e.g. {@code iterations.dropped}
   * @return its value
   */
  public AbstractLongAssert<?> counter(String counter) {
    return Assertions.assertThat(actual.count(counter)).as("%s of %s (%s)", counter, where(), context);
  }

  private static Histogram merge(List<Breakdown> rows) {
    Histogram h = rows.get(0).histogram();
    for (int i = 1; i < rows.size(); i++) {
      h = h.merge(rows.get(i).histogram());
    }
    return h;
  }
}
