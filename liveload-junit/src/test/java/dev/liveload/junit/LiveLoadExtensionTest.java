package dev.liveload.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.liveload.junit.fixtures.LoadTestFixtures;
import dev.liveload.result.RunResult;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;
import org.opentest4j.AssertionFailedError;

/** The extension, driven through the JUnit Platform like a build would. */
class LiveLoadExtensionTest {

  private static Events run(Class<?> fixture) {
    return EngineTestKit.engine("junit-jupiter").selectors(selectClass(fixture)).execute().testEvents();
  }

  @Test
  void aPassingLoadTestPassesQuietlyAndWritesItsFiles() {
    Events events = run(LoadTestFixtures.Passing.class);
    events.assertStatistics(s -> s.started(1).succeeded(1).failed(0));
    RunResult r = LoadTestFixtures.Passing.seen;
    assertThat(r.total().requests()).isPositive();
    assertThat(r.run().name()).isEqualTo("Passing.pingHoldsUnderLoad");
    assertThat(r.thresholds()).hasSize(2).allSatisfy(t -> assertThat(t.passed()).isTrue());
    Path json = Path.of("target/liveload/LoadTestFixtures.Passing/pingHoldsUnderLoad.json");
    assertThat(json).exists();
    assertThat(RunResult.read(json)).isEqualTo(r);
    Path html = Path.of("target/liveload/LoadTestFixtures.Passing/pingHoldsUnderLoad.html");
    assertThat(html).exists().content().contains("<html").contains("Passing.pingHoldsUnderLoad");
    assertThat(events.list()).allSatisfy(e -> { });
  }

  @Test
  void aFailingThresholdFailsTheTestWithTheExpressionAndTheObservedValue() {
    run(LoadTestFixtures.FailingThreshold.class).assertThatEvents().haveExactly(1, event(test("tooSlow"),
        finishedWithFailure(instanceOf(AssertionFailedError.class),
            message(m -> m.startsWith("1 of 2 LiveLoad thresholds failed in FailingThreshold.tooSlow:")
                && m.contains("✗ p95(step:slow) < 1ms — observed ")
                && !m.contains("✗ error_ratio")
                && m.contains("result: ") && m.contains("FailingThreshold/tooSlow.json")
                && m.contains("report: ") && m.contains("FailingThreshold/tooSlow.html")))));
  }

  @Test
  void aBrokenConfigurationFailsClearlyBeforeAnyLoad() {
    run(LoadTestFixtures.BrokenUsers.class).assertThatEvents().haveExactly(1, event(test("zeroUsers"),
        finishedWithFailure(instanceOf(ExtensionConfigurationException.class),
            message(m -> m.contains("load.users = 0 is not allowed: must be >= 1")))));
    assertThat(LoadTestFixtures.server(LoadTestFixtures.BrokenUsers.class).total()).isZero();

    run(LoadTestFixtures.BrokenThreshold.class).assertThatEvents().haveExactly(1, event(test("typo"),
        finishedWithFailure(message(m -> m.contains("threshold = p95(http.duration < 300ms is not allowed: at "
            + "position 19 expected ')'")))));
    assertThat(LoadTestFixtures.server(LoadTestFixtures.BrokenThreshold.class).total()).isZero();

    run(LoadTestFixtures.NoScenario.class).assertThatEvents().haveExactly(1, event(test("nothingToRun"),
        finishedWithFailure(message(m -> m.contains("needs a scenario class (scenario = MyScenario.class) or an "
            + "options method")))));

    run(LoadTestFixtures.BadDuration.class).assertThatEvents().haveExactly(1, event(test("vague"),
        finishedWithFailure(message(m -> m.contains("@LoadTest(duration = \"a while\") is not a duration")))));
  }

  @Test
  void anOptionsMethodBuildsTheRunAndClassThresholdsApply() {
    run(LoadTestFixtures.OptionsMethod.class).assertStatistics(s -> s.succeeded(1));
    RunResult r = LoadTestFixtures.OptionsMethod.seen;
    assertThat(r.scenarios()).extracting(s -> s.name()).containsExactly("Ping", "health");
    assertThat(r.scenario("Ping").iterations()).isEqualTo(6);
    assertThat(r.thresholds()).singleElement().satisfies(t -> assertThat(t.expression()).isEqualTo("error_ratio < 1%"));
  }

  @Test
  void assertionsSayWhatWasObservedAndInWhichRun() {
    run(LoadTestFixtures.FailingAssertion.class).assertThatEvents().haveExactly(1, event(test("assertsTooMuch"),
        finishedWithFailure(instanceOf(AssertionError.class), message(m ->
            m.startsWith("Expecting p95 of step 'slow' in scenario 'Ping' (")
                && m.contains("run 'FailingAssertion.assertsTooMuch'")
                && m.contains("to be less than 1 ms, but it was ")))));
  }

  @Test
  void loadTestClassesCanRunInParallel() {
    EngineTestKit.engine("junit-jupiter")
        .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
        .configurationParameter("junit.jupiter.execution.parallel.mode.default", "concurrent")
        .configurationParameter("junit.jupiter.execution.parallel.mode.classes.default", "concurrent")
        .selectors(selectClass(LoadTestFixtures.Passing.class), selectClass(LoadTestFixtures.OptionsMethod.class))
        .execute().testEvents()
        .assertStatistics(s -> s.started(2).succeeded(2));
    assertThat(LoadTestFixtures.Passing.seen.run().name()).isEqualTo("Passing.pingHoldsUnderLoad");
    assertThat(LoadTestFixtures.OptionsMethod.seen.run().name()).isEqualTo("OptionsMethod.mixed");
  }

  @Test
  void loadTestsCarryTheLoadTag() throws Exception {
    var tag = LoadTest.class.getAnnotation(org.junit.jupiter.api.Tag.class);
    assertThat(tag.value()).isEqualTo("load");
    assertThat(Files.exists(Path.of("target"))).isTrue();
  }
}
