package dev.liveload.internal.browser;

import dev.liveload.RunOptions;
import dev.liveload.browser.BrowserConnection;
import dev.liveload.browser.BrowserOptions;
import dev.liveload.browser.BrowserUnavailableException;
import dev.liveload.internal.Logs;
import dev.liveload.result.Measurement;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;

/**
 * A run's browser: finds the {@link BrowserConnection} with {@link ServiceLoader}, opens it once (before the load
 * when the run has browser options, else when the first user asks), and closes it when the run ends.
 */
public final class BrowserRuntime {
  private static final Logger LOG = Logs.get(BrowserRuntime.class);
  /** The connection chosen when several are present and none is named. */
  static final String DEFAULT_CONNECTION = "playwright";

  static {
    BrowserMetricDefs.define();
  }

  private final BrowserOptions options;
  private final boolean configured;
  private final URI baseUrl;
  private final ReentrantLock lock = new ReentrantLock();
  private final AtomicInteger screenshots = new AtomicInteger();
  private volatile BrowserConnection connection;
  private volatile RuntimeException openFailure;
  private volatile boolean closed;
  /** Pages made before the start ({@link #warmPages}), handed to the first users that ask for an empty one. */
  private final java.util.concurrent.ConcurrentLinkedQueue<dev.liveload.browser.BrowserPage> warm =
      new java.util.concurrent.ConcurrentLinkedQueue<>();

  public BrowserRuntime(RunOptions options) {
    this(options.browser(), options.baseUrl());
  }

  BrowserRuntime(BrowserOptions options, URI baseUrl) {
    this.configured = options != null;
    this.options = options != null ? options : BrowserOptions.defaults();
    this.baseUrl = baseUrl;
  }

  /** Opens the browser now when the run was given browser options (so a missing browser fails before load). */
  public void openIfConfigured() {
    if (configured) {
      connection();
    }
  }

  BrowserOptions options() {
    return options;
  }

  URI baseUrl() {
    return baseUrl;
  }

  /** The open connection, opening it on first use; throws the same failure to every caller once it failed. */
  BrowserConnection connection() {
    BrowserConnection c = connection;
    if (c != null) {
      return c;
    }
    lock.lock();
    try {
      if (connection != null) {
        return connection;
      }
      if (openFailure != null) {
        throw openFailure;
      }
      if (closed) {
        throw new BrowserUnavailableException("the run is over; its browser is closed");
      }
      BrowserConnection chosen = choose(options.connection());
      long start = System.nanoTime();
      try {
        chosen.open(options);
      } catch (RuntimeException e) {
        openFailure = e;
        chosen.close();
        throw e;
      }
      LOG.info("browser connection '{}' open in {} ms", chosen.name(), (System.nanoTime() - start) / 1_000_000);
      connection = chosen;
      return chosen;
    } finally {
      lock.unlock();
    }
  }

  /** Picks the named connection, or the only one, or {@value #DEFAULT_CONNECTION}, or the first by name. */
  static BrowserConnection choose(String name) {
    var found = new ArrayList<BrowserConnection>();
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    if (loader == null) {
      loader = BrowserConnection.class.getClassLoader();
    }
    for (var provider : ServiceLoader.load(BrowserConnection.class, loader).stream().toList()) {
      found.add(provider.get());
    }
    found.sort(Comparator.comparing(BrowserConnection::name));
    List<String> names = found.stream().map(BrowserConnection::name).toList();
    if (name != null) {
      return found.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow(() ->
          new BrowserUnavailableException("no browser connection named '" + name + "' on the class path; found "
              + names));
    }
    if (found.isEmpty()) {
      throw new BrowserUnavailableException("user.browser() needs a browser connection, and none is on the class "
          + "path: add the dependency dev.liveload:liveload-browser (Playwright)");
    }
    return found.stream().filter(c -> c.name().equals(DEFAULT_CONNECTION)).findFirst().orElse(found.get(0));
  }

  /** @return the open connection's declarations (absent metrics as unsupported), empty when none was opened */
  public Map<String, Measurement> measurements() {
    BrowserConnection c = connection;
    if (c == null) {
      return Map.of();
    }
    var out = new TreeMap<String, Measurement>();
    for (String metric : dev.liveload.browser.BrowserMetrics.ALL) {
      out.put(metric, Measurement.UNSUPPORTED);
    }
    out.putAll(c.measurements());
    out.put(dev.liveload.browser.BrowserMetrics.QUEUE, Measurement.INSTRUMENTED); // LiveLoad measures it itself
    return out;
  }

  /** @return whether the connection was opened (it may have crashed since) */
  boolean isOpen() {
    return connection != null;
  }

  /**
   * Makes up to {@code count} empty pages now (each its own context), for the first users to take: a run whose
   * start is planned (a distributed run's workers) warms them while preparing, so its first users do not spend
   * their first second creating contexts. Does nothing unless the run has browser options.
   *
   * @param count pages to make
   * @throws InterruptedException when interrupted while a page is made
   */
  public void warmPages(int count) throws InterruptedException {
    if (!configured) {
      return;
    }
    for (int i = 0; i < count; i++) {
      warm.add(connection().newPage(null));
    }
  }

  /** A page for a user: a warm one when it wants an empty one and one is left, else a new one. */
  dev.liveload.browser.BrowserPage newPage(dev.liveload.browser.StorageState restore) throws InterruptedException {
    if (restore == null) {
      dev.liveload.browser.BrowserPage p;
      while ((p = warm.poll()) != null) {
        if (p.usable()) {
          return p;
        }
        p.close();
      }
    }
    return connection().newPage(restore);
  }

  /** A browser session for a user of this run. */
  public UserBrowserSession session(dev.liveload.User user, dev.liveload.internal.engine.UserContext context) {
    return new UserBrowserSession(user, context, this);
  }

  /** Claims one of the run's failure screenshots; false when they are used up. */
  boolean claimScreenshot() {
    return screenshots.incrementAndGet() <= options.failureScreenshots();
  }

  /** Closes the connection (after every user stopped). */
  public void close() {
    lock.lock();
    try {
      closed = true;
      dev.liveload.browser.BrowserPage unused;
      while ((unused = warm.poll()) != null) {
        try {
          unused.close();
        } catch (RuntimeException e) {
          LOG.debug("closing a warm page failed: {}", e.toString());
        }
      }
      BrowserConnection c = connection;
      if (c != null) {
        try {
          c.close();
        } catch (RuntimeException e) {
          LOG.warn("closing the browser connection failed: {}", e.toString());
        }
      }
    } finally {
      lock.unlock();
    }
  }
}
