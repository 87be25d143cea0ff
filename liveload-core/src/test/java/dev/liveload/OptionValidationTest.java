package dev.liveload;

import static java.time.Duration.ZERO;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.liveload.http.HttpOptions;
import dev.liveload.result.RunResult;
import dev.liveload.result.RunStatus;
import dev.liveload.testing.TargetServer;
import java.time.Duration;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Bad input fails before load starts, naming the option, the value and what is allowed. */
class OptionValidationTest {
  private static final Scenario.Body NOOP = user -> {};

  private static void rejects(ThrowingCallable call, String option, String value, String allowed) {
    assertThatThrownBy(call).isInstanceOf(InvalidOptionException.class)
        .hasMessageStartingWith(option + " = " + value + " is not allowed: ")
        .hasMessageContaining(allowed)
        .satisfies(e -> assertThat(((InvalidOptionException) e).option()).isEqualTo(option));
  }

  @Test
  void loadModels() {
    rejects(() -> Load.constant(0, ofSeconds(1)), "load.users", "0", "must be >= 1");
    rejects(() -> Load.constant(-3, ofSeconds(1)), "load.users", "-3", "must be >= 1");
    rejects(() -> Load.constant(5, ZERO), "load.duration", "PT0S", "must be a duration > 0");
    rejects(() -> Load.constant(5, ofSeconds(-1)), "load.duration", "PT-1S", "must be a duration > 0");
    rejects(() -> Load.rampUp(-1, 5, ofSeconds(1)), "load.from", "-1", "must be >= 0");
    rejects(() -> Load.rampUp(0, 0, ofSeconds(1)), "load.to", "0", "must be >= 1");
    rejects(() -> Load.iterations(2, 0), "load.iterationsPerUser", "0", "must be >= 1");
    rejects(() -> Load.rampUp(0, 5, ofSeconds(1)).thenHold(ZERO), "load.hold", "PT0S", "must be a duration > 0");
  }

  @Test
  void runOptions() {
    rejects(() -> RunOptions.builder().build(), "scenarios", "none", "add at least one");
    rejects(() -> RunOptions.builder().baseUrl("localhost:8080"), "baseUrl", "localhost:8080",
        "must be an absolute http or https URL");
    rejects(() -> RunOptions.builder().baseUrl("/api"), "baseUrl", "/api", "must be an absolute http or https URL");
    rejects(() -> RunOptions.builder().baseUrl("ftp://x"), "baseUrl", "ftp://x", "http or https");
    rejects(() -> RunOptions.builder().iterationTimeout(ZERO), "iterationTimeout", "PT0S", "must be a duration > 0");
    rejects(() -> RunOptions.builder().gracefulStop(Duration.ofMillis(-1)), "gracefulStop", "PT-0.001S",
        "must be a duration >= 0");
    rejects(() -> Population.of("p", NOOP, Load.constant(1, ofSeconds(1))).iterationTimeout(ofSeconds(-2)),
        "iterationTimeout", "PT-2S", "must be a duration > 0");
    rejects(() -> RunOptions.builder().scenario("same", NOOP, Load.constant(1, ofSeconds(1)))
        .scenario("same", NOOP, Load.constant(1, ofSeconds(1))).build(), "scenario", "same", "distinct name");
    rejects(() -> HttpOptions.defaults().connectTimeout(ZERO), "http.connectTimeout", "PT0S", "> 0");
    rejects(() -> HttpOptions.defaults().responseTimeout(Duration.ofHours(2)), "http.responseTimeout", "PT2H",
        "<= PT1H");
    rejects(() -> HttpOptions.defaults().maxRedirects(51), "http.maxRedirects", "51", "between 0 and 50");
    rejects(() -> Population.of(Inner.class, Load.constant(1, ofSeconds(1))), "scenario", Inner.class.getName(),
        "static nested class");
    rejects(() -> Population.of(NoDefaultConstructor.class, Load.constant(1, ofSeconds(1))), "scenario",
        NoDefaultConstructor.class.getName(), "no-argument constructor");
    rejects(() -> Population.of(Abstract.class, Load.constant(1, ofSeconds(1))), "scenario",
        Abstract.class.getName(), "concrete class");
  }

  /**
   * A relative URL with no base URL is a scenario bug every iteration would repeat: it is caught at the first
   * request that uses it, before that request is sent, and the run aborts at once with the reason.
   */
  @Test
  void relativeUrlWithoutBaseUrlAbortsBeforeSendingIt() {
    try (var server = TargetServer.start()) {
      RunResult result = LiveLoad.run(RunOptions.builder()
          .scenario("nobase", user -> user.http().get("/orders").send(), Load.constant(5, Duration.ofMinutes(5)))
          .build());
      assertThat(result.run().status()).isEqualTo(RunStatus.ABORTED);
      assertThat(result.run().reason()).contains("relative URL /orders used without a base URL")
          .contains("baseUrl");
      assertThat(result.run().durationMillis()).isLessThan(5_000);
      assertThat(result.total().requests()).isZero();
      assertThat(result.total().errors()).anySatisfy(e -> assertThat(e.kind()).isEqualTo("usage"));
      assertThat(server.total()).isZero();
    }
  }

  @Test
  void aRequestBuiltButNeverSentIsReported() {
    try (var server = TargetServer.start()) {
      RunResult result = LiveLoad.run(RunOptions.builder()
          .scenario("forgot", user -> user.http().get("/orders"), Load.constant(1, Duration.ofMinutes(5)))
          .baseUrl(server.url())
          .build());
      assertThat(result.run().status()).isEqualTo(RunStatus.ABORTED);
      assertThat(result.run().reason()).contains("GET /orders was built but never sent");
      assertThat(server.total()).isZero();
    }
  }

  class Inner extends Scenario {
    @Override
    public void run(User user) {}
  }

  static final class NoDefaultConstructor extends Scenario {
    NoDefaultConstructor(int x) {}

    @Override
    public void run(User user) {}
  }

  abstract static class Abstract extends Scenario {}
}
