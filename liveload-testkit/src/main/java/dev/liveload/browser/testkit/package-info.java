/**
 * The compatibility kit for {@link dev.liveload.browser.BrowserConnection} implementations (as Micrometer has one
 * for its registries): extend {@link dev.liveload.browser.testkit.BrowserConnectionContract} in the
 * implementation's tests and name the connection; each of its tests runs LiveLoad with one user against pages it
 * serves itself on 127.0.0.1 ({@link dev.liveload.browser.testkit.PageTarget}) in a real browser and asserts on the
 * result, as a user of the library would.
 *
 * <pre>{@code
 * class MyConnectionTest extends BrowserConnectionContract {
 *   @Override
 *   protected String connection() {
 *     return "mine";
 *   }
 * }
 * }</pre>
 *
 * <p>Artifact {@code dev.liveload:liveload-testkit} (a normal jar), test scope, beside a JUnit Jupiter engine.
 * Stability: tests are added as the DSL grows; a connection that passes today may need work to pass a later kit.
 *
 * @since 0.1
 */
package dev.liveload.browser.testkit;
