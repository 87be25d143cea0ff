package dev.liveload.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the field or no-argument method of a test class that gives load tests their base URL (a {@code String},
 * {@code URI} or {@code URL}), read when each load test starts — after {@code @BeforeAll}/{@code @BeforeEach} ran, so
 * it can be the address of a server the test started.
 *
 * <pre>{@code
 * static ShopApp app = ShopApp.start();
 *
 * @BaseUrl
 * static String shop() { return app.url(); }
 * }</pre>
 *
 * @since 0.1
 */
@Target({ElementType.FIELD, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface BaseUrl {}
