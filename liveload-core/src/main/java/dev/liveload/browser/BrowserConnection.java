package dev.liveload.browser;

import dev.liveload.result.Measurement;
import java.util.Map;

/**
 * The service provider interface behind {@code user.browser()}: launches a browser for a run and gives each
 * virtual user its own isolated {@link BrowserPage}. LiveLoad finds implementations with {@link
 * java.util.ServiceLoader} (list the class in {@code META-INF/services/dev.liveload.browser.BrowserConnection});
 * adding {@code liveload-browser} to a project makes Playwright the default, and {@link
 * BrowserOptions#connection(String)} chooses another by name.
 *
 * <p>Lifecycle, per run: a fresh instance (constructors must be cheap), {@link #open} once before any user asks for
 * a page, {@link #newPage} from many users' threads at once, {@link #close} once after every user stopped. The
 * LiveLoad DSL ({@link BrowserSession}) does the rest: it queues a user's actions, hands them to
 * {@link BrowserPage#run} in batches, records results and samples under the user's scenario and step, and turns
 * failures into failed iterations.
 *
 * <p>An implementation proves itself by extending the test kit {@code dev.liveload.browser.testkit.
 * BrowserConnectionContract} from the {@code dev.liveload:liveload-testkit} artifact (a normal jar; depend on it
 * with test scope).
 *
 * <pre>{@code
 * public final class MyConnection implements BrowserConnection {
 *   public String name() { return "mine"; }
 *   public Map<String, Measurement> measurements() {
 *     return Map.of(BrowserMetrics.ACTION, Measurement.INSTRUMENTED, BrowserMetrics.INP, Measurement.UNSUPPORTED);
 *   }
 *   public void open(BrowserOptions options) { ... launch ... }
 *   public BrowserPage newPage(StorageState restore) { ... new isolated context ... }
 *   public void close() { ... }
 * }
 * }</pre>
 *
 * @since 0.1
 */
public interface BrowserConnection {

  /** @return the name {@link BrowserOptions#connection(String)} chooses it by, e.g. {@code "playwright"} */
  String name();

  /**
   * Declares, for each metric of {@link BrowserMetrics}, how this connection obtains it. A metric left out counts
   * as {@link Measurement#UNSUPPORTED}. The run's result carries the declaration, so a report says "not measured"
   * instead of showing nothing or zero.
   *
   * @return metric name to declaration, never null
   */
  Map<String, Measurement> measurements();

  /**
   * Finds and launches the browser. Called once, before any page is asked for.
   *
   * @param options the run's browser options
   * @throws BrowserUnavailableException when no browser can be found or started; the message names the fixes
   */
  void open(BrowserOptions options);

  /**
   * A new isolated browser context with one page, for one user. Called from the user's thread; may block until
   * the page is ready. Thread-safe.
   *
   * @param restore storage to start with (cookies, local and session storage), or null for an empty context
   * @return the page, never null
   * @throws BrowserUnavailableException when the browser is gone and cannot be relaunched
   * @throws InterruptedException        when the calling thread was interrupted while waiting
   */
  BrowserPage newPage(StorageState restore) throws InterruptedException;

  /** Closes every page and the browser. Called once, after every user stopped; must not throw. */
  void close();
}
