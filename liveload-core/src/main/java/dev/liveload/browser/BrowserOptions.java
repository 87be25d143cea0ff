package dev.liveload.browser;

import dev.liveload.InvalidOptionException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Settings of every browser user in a run. Immutable; each setter returns a copy. Pass them with
 * {@code RunOptions.builder().browser(...)}: the browser then launches before the load starts, so a missing browser
 * fails the run at once. Without it, the browser launches with the defaults when the first user asks for one.
 *
 * <pre>{@code
 * BrowserOptions browser = BrowserOptions.defaults()
 *     .actionTimeout(Duration.ofSeconds(10))
 *     .viewport(400, 300)                        // less memory per user
 *     .executable(Path.of("/usr/lib/chromium/chromium-headless-shell"));
 * }</pre>
 *
 * @since 0.1
 */
public final class BrowserOptions {
  private static final Duration MAX_TIMEOUT = Duration.ofMinutes(10);

  private String connection;
  private Path executable;
  private boolean headless = true;
  private Duration actionTimeout = Duration.ofSeconds(30);
  private Duration navigationTimeout = Duration.ofSeconds(30);
  private Duration launchTimeout = Duration.ofSeconds(60);
  private int viewportWidth = 1280;
  private int viewportHeight = 720;
  private List<String> args = List.of();
  private int failureScreenshots = 5;
  private Path screenshotDirectory = Path.of("target", "liveload", "screenshots");
  private boolean ignoreHttpsErrors;
  private String userAgent;

  private BrowserOptions() {}

  /**
   * Headless, browser found by discovery, action and navigation timeouts 30 s, launch timeout 60 s, viewport
   * 1280×720, up to 5 failure screenshots in {@code target/liveload/screenshots}, certificates verified, the
   * browser's own User-Agent.
   *
   * @return the defaults
   */
  public static BrowserOptions defaults() {
    return new BrowserOptions();
  }

  private BrowserOptions copy() {
    var c = new BrowserOptions();
    c.connection = connection;
    c.executable = executable;
    c.headless = headless;
    c.actionTimeout = actionTimeout;
    c.navigationTimeout = navigationTimeout;
    c.launchTimeout = launchTimeout;
    c.viewportWidth = viewportWidth;
    c.viewportHeight = viewportHeight;
    c.args = args;
    c.failureScreenshots = failureScreenshots;
    c.screenshotDirectory = screenshotDirectory;
    c.ignoreHttpsErrors = ignoreHttpsErrors;
    c.userAgent = userAgent;
    return c;
  }

  /**
   * Chooses the {@link BrowserConnection} by name when several are on the class path.
   *
   * @param name e.g. {@code "playwright"}; null chooses automatically (Playwright when present)
   * @return a copy
   */
  public BrowserOptions connection(String name) {
    if (name != null && name.isBlank()) {
      throw new InvalidOptionException("browser.connection", name, "must be a connection name or null");
    }
    var c = copy();
    c.connection = name;
    return c;
  }

  /**
   * Uses this browser binary instead of discovering one (the {@code LIVELOAD_BROWSER} environment variable and the
   * {@code liveload.browser} system property do the same).
   *
   * @param file a Chromium, Chrome or chromium-headless-shell executable; null to discover
   * @return a copy
   */
  public BrowserOptions executable(Path file) {
    var c = copy();
    c.executable = file;
    return c;
  }

  /**
   * @param headless false to show windows (needs a display; discovery then prefers full Chromium)
   * @return a copy
   */
  public BrowserOptions headless(boolean headless) {
    var c = copy();
    c.headless = headless;
    return c;
  }

  /**
   * @param timeout longest wait of one action (finding an actionable element, a wait's condition), in (0, 10 min]
   * @return a copy
   */
  public BrowserOptions actionTimeout(Duration timeout) {
    var c = copy();
    c.actionTimeout = bounded("browser.actionTimeout", timeout);
    return c;
  }

  /**
   * @param timeout longest wait of a navigation or reload, in (0, 10 min]
   * @return a copy
   */
  public BrowserOptions navigationTimeout(Duration timeout) {
    var c = copy();
    c.navigationTimeout = bounded("browser.navigationTimeout", timeout);
    return c;
  }

  /**
   * @param timeout longest wait for the browser to start, in (0, 10 min]
   * @return a copy
   */
  public BrowserOptions launchTimeout(Duration timeout) {
    var c = copy();
    c.launchTimeout = bounded("browser.launchTimeout", timeout);
    return c;
  }

  /**
   * @param width  CSS pixels, in [100, 4096]
   * @param height CSS pixels, in [100, 4096]
   * @return a copy
   */
  public BrowserOptions viewport(int width, int height) {
    if (width < 100 || width > 4096) {
      throw new InvalidOptionException("browser.viewport.width", width, "must be between 100 and 4096");
    }
    if (height < 100 || height > 4096) {
      throw new InvalidOptionException("browser.viewport.height", height, "must be between 100 and 4096");
    }
    var c = copy();
    c.viewportWidth = width;
    c.viewportHeight = height;
    return c;
  }

  /**
   * @param args extra browser command-line arguments, e.g. {@code --lang=de}
   * @return a copy
   */
  public BrowserOptions args(String... args) {
    for (String a : args) {
      if (a == null || a.isBlank()) {
        throw new InvalidOptionException("browser.args", a, "must not contain blank arguments");
      }
    }
    var c = copy();
    c.args = List.of(args);
    return c;
  }

  /**
   * @param max most screenshots kept of pages where an action failed, in [0, 1000]; 0 takes none
   * @return a copy
   */
  public BrowserOptions failureScreenshots(int max) {
    if (max < 0 || max > 1000) {
      throw new InvalidOptionException("browser.failureScreenshots", max, "must be between 0 and 1000");
    }
    var c = copy();
    c.failureScreenshots = max;
    return c;
  }

  /**
   * @param directory where failure screenshots go, not null
   * @return a copy
   */
  public BrowserOptions screenshotDirectory(Path directory) {
    var c = copy();
    c.screenshotDirectory = Objects.requireNonNull(directory, "directory");
    return c;
  }

  /**
   * @param ignore whether to accept any TLS certificate (test servers with self-signed ones)
   * @return a copy
   */
  public BrowserOptions ignoreHttpsErrors(boolean ignore) {
    var c = copy();
    c.ignoreHttpsErrors = ignore;
    return c;
  }

  /**
   * @param userAgent the User-Agent every page sends; null for the browser's own
   * @return a copy
   */
  public BrowserOptions userAgent(String userAgent) {
    if (userAgent != null && userAgent.isBlank()) {
      throw new InvalidOptionException("browser.userAgent", userAgent, "must not be blank (null for the default)");
    }
    var c = copy();
    c.userAgent = userAgent;
    return c;
  }

  private static Duration bounded(String option, Duration d) {
    if (d == null || d.isNegative() || d.isZero() || d.compareTo(MAX_TIMEOUT) > 0) {
      throw new InvalidOptionException(option, d, "must be a duration in (0, 10 minutes]");
    }
    return d;
  }

  /** @return the connection name, or null to choose automatically */
  public String connection() {
    return connection;
  }

  /** @return the browser binary, or null to discover one */
  public Path executable() {
    return executable;
  }

  /** @return whether the browser runs headless */
  public boolean headless() {
    return headless;
  }

  /** @return the action timeout */
  public Duration actionTimeout() {
    return actionTimeout;
  }

  /** @return the navigation timeout */
  public Duration navigationTimeout() {
    return navigationTimeout;
  }

  /** @return the launch timeout */
  public Duration launchTimeout() {
    return launchTimeout;
  }

  /** @return viewport width in CSS pixels */
  public int viewportWidth() {
    return viewportWidth;
  }

  /** @return viewport height in CSS pixels */
  public int viewportHeight() {
    return viewportHeight;
  }

  /** @return extra browser arguments, never null */
  public List<String> args() {
    return args;
  }

  /** @return most failure screenshots kept */
  public int failureScreenshots() {
    return failureScreenshots;
  }

  /** @return where failure screenshots go */
  public Path screenshotDirectory() {
    return screenshotDirectory;
  }

  /** @return whether TLS errors are ignored */
  public boolean ignoreHttpsErrors() {
    return ignoreHttpsErrors;
  }

  /** @return the User-Agent override, or null */
  public String userAgent() {
    return userAgent;
  }

  /** @return the options as plain values, as recorded in the result */
  public Map<String, Object> describe() {
    var m = new LinkedHashMap<String, Object>();
    m.put("connection", connection == null ? "auto" : connection);
    m.put("executable", executable == null ? "discover" : executable.toString());
    m.put("headless", headless);
    m.put("actionTimeout", actionTimeout.toString());
    m.put("navigationTimeout", navigationTimeout.toString());
    m.put("viewport", viewportWidth + "x" + viewportHeight);
    if (!args.isEmpty()) {
      m.put("args", args);
    }
    m.put("failureScreenshots", failureScreenshots);
    if (ignoreHttpsErrors) {
      m.put("ignoreHttpsErrors", true);
    }
    if (userAgent != null) {
      m.put("userAgent", userAgent);
    }
    return m;
  }

  @Override
  public String toString() {
    return "BrowserOptions" + describe();
  }
}
