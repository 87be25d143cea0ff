package dev.liveload.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.liveload.junit.fixtures.LoadTestFixtures;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.opentest4j.AssertionFailedError;

/** What a failing load test shows: the load's verdict, the body's own failure, and where the files are. */
class LoadTestFailureTest {

  private static Throwable failureOf(Class<?> fixture) {
    List<Event> finished = EngineTestKit.engine("junit-jupiter").selectors(selectClass(fixture)).execute()
        .testEvents().finished().list();
    assertThat(finished).hasSize(1);
    TestExecutionResult r = finished.get(0).getRequiredPayload(TestExecutionResult.class);
    assertThat(r.getStatus()).isEqualTo(TestExecutionResult.Status.FAILED);
    return r.getThrowable().orElseThrow();
  }

  private static String reportOf(String fixture, String method) {
    return Path.of("target/liveload/LoadTestFixtures." + fixture, method + ".html").toAbsolutePath().toString();
  }

  @Test
  void aFailingThresholdAndAFailingBodyAssertionAreBothShownWithTheReport() {
    Throwable t = failureOf(LoadTestFixtures.FailingBoth.class);
    assertThat(t).isInstanceOf(AssertionFailedError.class);
    String m = t.getMessage();
    assertThat(m).startsWith("1 of 1 LiveLoad thresholds failed in FailingBoth.bothFail:\n  ✗ p95(step:slow) < 1ms "
        + "— observed ");
    assertThat(m).contains("\nand the test body failed too (attached below as suppressed): [error ratio of scenario "
        + "'Ping' (0 of ").contains("to be greater than:\n      0.5\n  run: ");
    assertThat(m).contains("\n  run: ").contains("\n  result: ").endsWith("\n  report: "
        + reportOf("FailingBoth", "bothFail"));
    assertThat(Path.of(reportOf("FailingBoth", "bothFail"))).exists();
    // the body's own failure, with its stack trace, rides along
    assertThat(t.getSuppressed()).singleElement().isInstanceOf(AssertionError.class)
        .satisfies(body -> assertThat(body.getMessage()).startsWith("[error ratio of scenario 'Ping'"))
        .satisfies(body -> assertThat(body.getStackTrace()[0].getClassName()).startsWith("dev.liveload.junit"));
  }

  @Test
  void aFailingBodyAssertionAloneSaysWhatWasObservedAndWhereTheReportIs() {
    Throwable t = failureOf(LoadTestFixtures.FailingAssertion.class);
    assertThat(t).isInstanceOf(AssertionError.class);
    String m = t.getMessage();
    assertThat(m).startsWith("Expecting p95 of step 'slow' in scenario 'Ping' (")
        .contains("run 'FailingAssertion.assertsTooMuch'")
        .contains("to be less than 1 ms, but it was ")
        .contains("\n  the load of FailingAssertion.assertsTooMuch passed its threshold\n  run: ")
        .endsWith("\n  report: " + reportOf("FailingAssertion", "assertsTooMuch"));
    // the assertion's own error is the cause, and the trace starts where the assertion failed
    assertThat(t.getCause()).isInstanceOf(AssertionError.class);
    assertThat(t.getStackTrace()).isEqualTo(t.getCause().getStackTrace());
  }

  @Test
  void anExceptionFromTheBodyKeepsItsTypeAndCarriesTheReportLocation() {
    Throwable t = failureOf(LoadTestFixtures.BodyThrows.class);
    assertThat(t).isInstanceOf(IllegalStateException.class).hasMessage("the body's own bug");
    assertThat(t.getSuppressed()).singleElement().satisfies(note -> assertThat(note.getMessage())
        .startsWith("the load of BodyThrows.throwsIllegalState passed\n  run: ")
        .endsWith("report: " + reportOf("BodyThrows", "throwsIllegalState")));
  }
}
