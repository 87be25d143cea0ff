package dev.liveload.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A threshold a {@link LoadTest} must pass, in LiveLoad's expression language (see {@link dev.liveload.Threshold}).
 * On a method it applies to that load test; on a class, to every load test in it. A failing threshold fails the
 * test with the expression and the observed value.
 *
 * <pre>{@code
 * @LoadTest(scenario = Checkout.class, users = 25, duration = "1m")
 * @Threshold("p95(http.duration) < 300ms")
 * @Threshold(value = "error_ratio < 1%", abortOnFail = true)
 * void checkout() {}
 * }</pre>
 *
 * @since 0.1
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Repeatable(Thresholds.class)
public @interface Threshold {
  /** @return the expression, e.g. {@code p95(http.duration) < 300ms} */
  String value();

  /** @return whether a failure stops the run at once (evaluated every second) */
  boolean abortOnFail() default false;
}
