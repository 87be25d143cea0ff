package dev.liveload.junit;

import dev.liveload.Scenario;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Makes a test method a load test: LiveLoad runs the scenarios first, the method may then take the
 * {@link dev.liveload.result.RunResult} as a parameter and assert more, and the test fails when a threshold fails.
 * Load tests carry the tag {@code load}, so a build can include or exclude them ({@code -Dgroups=load},
 * {@code -DexcludedGroups=load}).
 *
 * <pre>{@code
 * @LoadTest(scenario = Checkout.class, users = 25, duration = "PT1M", rampUp = "10s")
 * @Threshold("p95(step:add to cart) < 500ms")
 * @Threshold("error_ratio < 1%")
 * void checkoutHoldsUnderLoad(RunResult result) {
 *   assertThat(result).scenario(Checkout.class).errorRatio().isLessThan(0.01);
 * }
 *
 * @LoadTest(options = "mixedTraffic")          // full control: a method returning RunOptions(.Builder)
 * void mixedTraffic(RunResult result) { ... }
 *
 * RunOptions.Builder mixedTraffic() {
 *   return RunOptions.builder()
 *       .scenario(Browse.class, Load.constant(50, ofMinutes(2)))
 *       .scenario(Api.class, Load.arrivalRate(100).perSecond().during(ofMinutes(2)));
 * }
 * }</pre>
 *
 * <p>The base URL comes from {@link #baseUrl()}, else a field or method of the test class annotated
 * {@link BaseUrl} (for example the address of a server the class started), else the system property
 * {@code liveload.baseUrl}. The JSON result and the HTML report of each load test are written to
 * {@code target/liveload/<class>/<method>.json} and {@code .html} (directory: system property
 * {@code liveload.reportDir}). Progress is not printed unless the system property {@code liveload.progress} is
 * {@code console}: passing tests stay quiet.
 *
 * @since 0.1
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Test
@Tag("load")
@ExtendWith(LiveLoadExtension.class)
public @interface LoadTest {

  /** @return scenario classes; each runs {@link #users()} users. Empty when {@link #options()} is given. */
  Class<? extends Scenario>[] scenario() default {};

  /** @return users per scenario, >= 1 (default 10) */
  int users() default 10;

  /** @return how long the users run after the ramp-up: ISO-8601 ({@code PT1M}) or {@code 500ms}, {@code 30s}, {@code 2m} */
  String duration() default "30s";

  /** @return ramp-up from 0 to {@link #users()}, same formats; empty or {@code 0s} for none */
  String rampUp() default "";

  /** @return iteration timeout, same formats; empty for the default (2 minutes) */
  String iterationTimeout() default "";

  /**
   * @return name of a method of the test class (static or not, no parameters) returning {@code RunOptions} or
   *     {@code RunOptions.Builder}; when it returns a builder, this annotation's base URL and thresholds are added
   */
  String options() default "";

  /** @return the base URL; {@code ${name}} is replaced by the system property {@code name} */
  String baseUrl() default "";

  /** @return the seed of the users' random generators; 0 for one from the clock */
  long seed() default 0;
}
