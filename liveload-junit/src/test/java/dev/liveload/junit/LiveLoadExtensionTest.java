package dev.liveload.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.liveload.junit.fixtures.LoadTestFixtures;
import dev.liveload.result.RunResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.OutputDirectoryCreator;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.reporting.FileEntry;
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
  void aBrokenConfigurationFailsClearlyBeforeAnyLoadNamingTheTest() {
    run(LoadTestFixtures.BrokenUsers.class).assertThatEvents().haveExactly(1, event(test("zeroUsers"),
        finishedWithFailure(instanceOf(ExtensionConfigurationException.class),
            message("@LoadTest on BrokenUsers.zeroUsers: load.users = 0 is not allowed: must be >= 1"))));
    assertThat(LoadTestFixtures.server(LoadTestFixtures.BrokenUsers.class).total()).isZero();

    run(LoadTestFixtures.BrokenThreshold.class).assertThatEvents().haveExactly(1, event(test("typo"),
        finishedWithFailure(instanceOf(ExtensionConfigurationException.class), message(m ->
            m.startsWith("@LoadTest on BrokenThreshold.typo: ") && m.contains("p95(http.duration < 300ms")))));
    assertThat(LoadTestFixtures.server(LoadTestFixtures.BrokenThreshold.class).total()).isZero();

    run(LoadTestFixtures.NoScenario.class).assertThatEvents().haveExactly(1, event(test("nothingToRun"),
        finishedWithFailure(message(m -> m.startsWith("@LoadTest on NoScenario.nothingToRun: it needs a scenario "
            + "class (scenario = MyScenario.class) or an options method")))));

    run(LoadTestFixtures.BadDuration.class).assertThatEvents().haveExactly(1, event(test("vague"),
        finishedWithFailure(message(m -> m.startsWith("@LoadTest on BadDuration.vague: duration = \"a while\" is "
            + "not a duration: write it as ISO-8601 (PT1M30S) or as a number and ms, s, m or h")))));

    run(LoadTestFixtures.BrokenOptionsMethod.class).assertThatEvents().haveExactly(1, event(test("noSuchMethod"),
        finishedWithFailure(message("@LoadTest on BrokenOptionsMethod.noSuchMethod: options = \"missing\": "
            + "BrokenOptionsMethod has no method missing() without parameters"))));

    // a test that takes the RunResult gets the configuration error itself, not a parameter-resolution error
    run(LoadTestFixtures.BrokenWithParameter.class).assertThatEvents().haveExactly(1, event(test("badRampUp"),
        finishedWithFailure(instanceOf(ExtensionConfigurationException.class), message(m ->
            m.startsWith("@LoadTest on BrokenWithParameter.badRampUp: rampUp = \"soon\" is not a duration")))));
    assertThat(LoadTestFixtures.server(LoadTestFixtures.BrokenWithParameter.class).total()).isZero();
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
  void loadTestClassesCanRunInParallel() {
    // the properties README gives
    EngineTestKit.engine("junit-jupiter")
        .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
        .configurationParameter("junit.jupiter.execution.parallel.mode.default", "same_thread")
        .configurationParameter("junit.jupiter.execution.parallel.mode.classes.default", "concurrent")
        .selectors(selectClass(LoadTestFixtures.Passing.class), selectClass(LoadTestFixtures.OptionsMethod.class))
        .execute().testEvents()
        .assertStatistics(s -> s.started(2).succeeded(2));
    assertThat(LoadTestFixtures.Passing.seen.run().name()).isEqualTo("Passing.pingHoldsUnderLoad");
    assertThat(LoadTestFixtures.OptionsMethod.seen.run().name()).isEqualTo("OptionsMethod.mixed");
    var a = LoadTestFixtures.Passing.seen.run();
    var b = LoadTestFixtures.OptionsMethod.seen.run();
    assertThat(a.start().isBefore(b.end()) && b.start().isBefore(a.end())).as("the two runs overlap in time: %s-%s "
        + "and %s-%s", a.start(), a.end(), b.start(), b.end()).isTrue();
  }

  @Test
  void theFilesAreAttachedToTheTestInJUnitsReportsUnlessTurnedOff(@TempDir Path reports) {
    OutputDirectoryCreator outputs = new OutputDirectoryCreator() {
      @Override
      public Path getRootDirectory() {
        return reports;
      }

      @Override
      public Path createOutputDirectory(TestDescriptor descriptor) throws IOException {
        return Files.createDirectories(reports.resolve(descriptor.getDisplayName().replaceAll("\\W", "_")));
      }
    };
    Events attached = EngineTestKit.engine("junit-jupiter").selectors(selectClass(LoadTestFixtures.Passing.class))
        .outputDirectoryCreator(outputs).execute().testEvents();
    attached.assertStatistics(s -> s.succeeded(1));
    List<FileEntry> files = attached.fileEntryPublished().list().stream()
        .map(e -> e.getRequiredPayload(FileEntry.class)).toList();
    assertThat(files).extracting(f -> f.getPath().getFileName().toString(), f -> f.getMediaType().orElse(""))
        .containsExactly(tuple("pingHoldsUnderLoad.json", "application/json"),
            tuple("pingHoldsUnderLoad.html", "text/html"));
    assertThat(files.get(0).getPath()).startsWith(reports)
        .hasSameBinaryContentAs(Path.of("target/liveload/LoadTestFixtures.Passing/pingHoldsUnderLoad.json"));

    Events off = EngineTestKit.engine("junit-jupiter").selectors(selectClass(LoadTestFixtures.Passing.class))
        .outputDirectoryCreator(outputs).configurationParameter("liveload.publishFiles", "false").execute()
        .testEvents();
    off.assertStatistics(s -> s.succeeded(1));
    assertThat(off.fileEntryPublished().count()).isZero();
  }

  @Test
  void loadTestsCarryTheLoadTag() throws Exception {
    var tag = LoadTest.class.getAnnotation(org.junit.jupiter.api.Tag.class);
    assertThat(tag.value()).isEqualTo("load");
    assertThat(Files.exists(Path.of("target"))).isTrue();
  }
}
