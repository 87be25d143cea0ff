package dev.liveload.junit;

import dev.liveload.result.RunResult;

/**
 * AssertJ-style assertions on a {@link RunResult}; failure messages show the observed value and the run's context.
 *
 * <pre>{@code
 * import static dev.liveload.junit.LiveLoadAssertions.assertThat;
 *
 * assertThat(result).completed().passedThresholds();
 * assertThat(result).scenario(Checkout.class).step("pay").p95().isLessThan(ofMillis(500));
 * assertThat(result).scenario("Api").errorRatio().isLessThan(0.01);
 * assertThat(result).total().throughput().isGreaterThan(100);
 * assertThat(result).scenario(Api.class).request("POST", "/orders").p99().isLessThan(ofSeconds(1));
 * }</pre>
 *
 * @since 0.1
 */
public final class LiveLoadAssertions {
  private LiveLoadAssertions() {}

  /**
   * @param actual the result
   * @return assertions on it
   */
  public static RunResultAssert assertThat(RunResult actual) {
    return new RunResultAssert(actual);
  }
}
