package dev.liveload.browser.playwright;

import dev.liveload.browser.BrowserConnection;
import dev.liveload.browser.BrowserMetrics;
import dev.liveload.browser.BrowserOptions;
import dev.liveload.browser.BrowserPage;
import dev.liveload.browser.BrowserUnavailableException;
import dev.liveload.browser.StorageState;
import dev.liveload.browser.playwright.internal.Discovery;
import dev.liveload.browser.playwright.internal.Engine;
import dev.liveload.result.Measurement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Browser users on Playwright and Chromium: the default {@link BrowserConnection} when {@code liveload-browser} is
 * on the class path (its name is {@value #NAME}).
 *
 * <p>Layout, measured to serve about 50 users per core: one Playwright driver and one Chromium (preferably
 * {@code chromium-headless-shell}) per run, one browser context and page per user, and one thread that makes every
 * Playwright call. Users' actions run in the page through an injected runtime that checks actionability, dispatches
 * events, waits on {@code MutationObserver}s and times everything with {@code performance.now()}; results are
 * pushed back through an exposed binding. See {@code dev.liveload.browser.playwright.internal.Discovery} for how the
 * browser is found (never downloaded).
 *
 * <p>Measurements: everything in {@link BrowserMetrics} is measured in the page, except {@link BrowserMetrics#INP},
 * which is estimated: events are dispatched by script, so the Event Timing API does not see them; LiveLoad times
 * each dispatched interaction from the dispatch to the next frame after its handlers ran, and reports a page view's
 * worst one when the page is left. Each sample carries the page's clock, mapped onto the JVM's from the timed call
 * that arms each batch (the reading with the shortest round trip among the last 16 wins).
 *
 * <pre>{@code
 * RunOptions.builder()
 *     .browser(BrowserOptions.defaults().connection(PlaywrightConnection.NAME))
 *     ...
 * }</pre>
 *
 * @since 0.1
 */
public final class PlaywrightConnection implements BrowserConnection {
  /** This connection's name. */
  public static final String NAME = "playwright";

  private Engine engine;

  /** Creates an unopened connection (LiveLoad does, through {@link java.util.ServiceLoader}). */
  public PlaywrightConnection() {}

  /**
   * The browser this connection would launch with these options, found as {@link #open} finds it (the options'
   * executable, {@code LIVELOAD_BROWSER} or {@code -Dliveload.browser}, the browser Playwright installed, a system
   * {@code chromium-headless-shell}, a system Chromium or Chrome), without launching or downloading anything.
   *
   * <pre>{@code
   * PlaywrightConnection.findBrowser(BrowserOptions.defaults()).ifPresentOrElse(
   *     b -> System.out.println("browser users on " + b),
   *     () -> System.out.println("no Chromium: apt-get install chromium-headless-shell"));
   * }</pre>
   *
   * @param options the run's browser options (headless or not, an executable), not null
   * @return what would be launched and where it was found, e.g. {@code /usr/lib/chromium/chromium-headless-shell
   *     (system chromium-headless-shell)}; empty when none is found or the one named is not an executable file
   * @since 0.1
   */
  public static Optional<String> findBrowser(BrowserOptions options) {
    Objects.requireNonNull(options, "options");
    try {
      return Optional.of(Discovery.system().find(options).toString());
    } catch (BrowserUnavailableException e) {
      return Optional.empty();
    }
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Map<String, Measurement> measurements() {
    var m = new LinkedHashMap<String, Measurement>();
    for (String metric : BrowserMetrics.ALL) {
      m.put(metric, Measurement.INSTRUMENTED);
    }
    m.put(BrowserMetrics.INP, Measurement.ESTIMATED);
    return m;
  }

  @Override
  public void open(BrowserOptions options) {
    if (engine != null) {
      throw new IllegalStateException("already open");
    }
    engine = Engine.start(options);
  }

  @Override
  public BrowserPage newPage(StorageState restore) throws InterruptedException {
    if (engine == null) {
      throw new BrowserUnavailableException("the connection is not open");
    }
    return engine.newPage(restore);
  }

  @Override
  public void close() {
    if (engine != null) {
      engine.close();
    }
  }
}
