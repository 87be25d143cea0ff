package dev.liveload.junit;

import dev.liveload.Scenario;
import dev.liveload.result.RunResult;
import dev.liveload.result.RunStatus;
import dev.liveload.result.ScenarioResult;
import dev.liveload.result.ThresholdResult;
import java.util.Locale;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a whole {@link RunResult}. Obtain with {@link LiveLoadAssertions#assertThat(RunResult)}.
 *
 * @since 0.1
 */
public final class RunResultAssert extends AbstractAssert<RunResultAssert, RunResult> {

  RunResultAssert(RunResult actual) {
    super(actual, RunResultAssert.class);
  }

  /**
   * @param scenario the scenario class (its {@link Scenario#name()})
   * @return assertions on that scenario
   */
  public ScenarioAssert scenario(Class<? extends Scenario> scenario) {
    return scenario(nameOf(scenario));
  }

  /**
   * @param name the scenario's name
   * @return assertions on that scenario
   */
  public ScenarioAssert scenario(String name) {
    isNotNull();
    var found = actual.scenarios().stream().filter(s -> s.name().equals(name)).findFirst();
    if (found.isEmpty()) {
      failWithMessage("Expecting run '%s' to have a scenario named '%s', but it has %s", actual.run().name(), name,
          actual.scenarios().stream().map(ScenarioResult::name).toList());
    }
    return new ScenarioAssert(found.orElseThrow(), context());
  }

  /** @return assertions on the whole run's totals */
  public ScenarioAssert total() {
    isNotNull();
    return new ScenarioAssert(actual.total(), context());
  }

  /** Verifies that the run completed (not interrupted or aborted). @return this */
  public RunResultAssert completed() {
    isNotNull();
    if (actual.run().status() != RunStatus.COMPLETED) {
      failWithMessage("Expecting run '%s' to have completed, but it was %s%s", actual.run().name(),
          actual.run().status().name().toLowerCase(Locale.ROOT),
          actual.run().reason().isEmpty() ? "" : " (" + actual.run().reason() + ")");
    }
    return this;
  }

  /** Verifies that every threshold passed. @return this */
  public RunResultAssert passedThresholds() {
    isNotNull();
    var failed = actual.thresholds().stream().filter(t -> !t.passed()).toList();
    if (!failed.isEmpty()) {
      failWithMessage("Expecting every threshold of run '%s' to pass, but %d failed:%n%s", actual.run().name(),
          failed.size(), failed.stream().map(RunResultAssert::line).collect(Collectors.joining("\n")));
    }
    return this;
  }

  /** Verifies that the generator was not saturated (its timings are not inflated by itself). @return this */
  public RunResultAssert generatorNotSaturated() {
    isNotNull();
    if (actual.generator().saturated()) {
      failWithMessage("Expecting the generator of run '%s' not to be saturated, but: %s", actual.run().name(),
          String.join("; ", actual.generator().warnings()));
    }
    return this;
  }

  private static String line(ThresholdResult t) {
    return "  ✗ " + t.expression() + " — observed " + t.observedText();
  }

  private String context() {
    return String.format(Locale.ROOT, "run '%s': %d requests, %d iterations, up to %d users, %.1f s",
        actual.run().name(), actual.total().requests(), actual.total().iterations(), actual.total().maxUsers(),
        actual.run().durationMillis() / 1000.0);
  }

  static String nameOf(Class<? extends Scenario> scenario) {
    try {
      var c = scenario.getDeclaredConstructor();
      c.setAccessible(true);
      return c.newInstance().name();
    } catch (ReflectiveOperationException | RuntimeException e) {
      return scenario.getSimpleName();
    }
  }
}
