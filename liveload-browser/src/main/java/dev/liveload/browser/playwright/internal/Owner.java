package dev.liveload.browser.playwright.internal;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.TimeoutError;
import dev.liveload.browser.BrowserOptions;
import dev.liveload.browser.BrowserUnavailableException;
import dev.liveload.browser.StorageState;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that makes every Playwright call for a browser (Playwright-Java is not thread-safe). Users' threads
 * hand it tasks ({@link #submit}); it runs them, makes only short calls (arming a batch in a page takes one
 * {@code evaluate}), and between tasks pumps Playwright's events with {@code waitForCondition}, which is when the
 * pages' reports (exposed binding calls) arrive. Event handlers only queue work for the loop, so nothing re-enters
 * a page's state. A browser that goes away fails its pages and is relaunched once for all of them.
 */
final class Owner implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(Owner.class);
  private static final long SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
  private static final long IDLE_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(40);
  private static final int MAX_RELAUNCHES = 20;
  static final String BINDING = "__liveload_report";

  final BrowserOptions options;
  private final Launcher launcher;
  private final String runtime;
  private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
  /** Work queued by Playwright event handlers; owner thread only. */
  private final ArrayDeque<Runnable> inbox = new ArrayDeque<>();
  private final Set<PageState> pages = new LinkedHashSet<>();
  private final CompletableFuture<Void> started = new CompletableFuture<>();
  private final Thread thread;
  private volatile boolean running = true;
  private Browser browser;
  private BrowserContext pump;
  private boolean browserGone;
  private int relaunches;
  private volatile String unavailable;

  Owner(BrowserOptions options, Launcher launcher, String runtime) {
    this.options = options;
    this.launcher = launcher;
    this.runtime = runtime;
    this.thread = Thread.ofPlatform().daemon().name("liveload-browser").unstarted(this);
  }

  /** Starts the thread and waits until the browser is up. */
  void start() {
    thread.start();
    try {
      started.get(options.launchTimeout().toMillis() + 60_000, TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof BrowserUnavailableException b ? b
          : new BrowserUnavailableException("could not start the browser: " + e.getCause(), e.getCause());
    } catch (TimeoutException e) {
      close();
      throw new BrowserUnavailableException("the browser did not start within " + options.launchTimeout());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      close();
      throw new BrowserUnavailableException("interrupted while starting the browser");
    }
  }

  /** Runs {@code task} on the owner thread. */
  void submit(Runnable task) {
    if (!running) {
      throw new BrowserUnavailableException("the browser is closed");
    }
    tasks.add(task);
    LockSupport.unpark(thread);
  }

  /** Runs {@code task} on the owner thread and hands back its result. */
  <T> CompletableFuture<T> call(Callable<T> task) {
    var f = new CompletableFuture<T>();
    submit(() -> {
      try {
        f.complete(task.call());
      } catch (Throwable t) {
        f.completeExceptionally(t);
      }
    });
    return f;
  }

  /** @return whether the owner thread still serves pages */
  boolean running() {
    return running;
  }

  boolean browserGone() {
    return browserGone || browser == null;
  }

  // ---- the loop --------------------------------------------------------------------------------------------------

  @Override
  public void run() {
    try {
      launch();
      started.complete(null);
    } catch (Throwable t) {
      running = false;
      launcher.closePlaywright();
      started.completeExceptionally(t);
      return;
    }
    try {
      while (running) {
        try {
          turn();
        } catch (PlaywrightException e) {
          // a call raced the browser going away: recover; anything else is logged and the loop goes on
          if (browser == null || !browser.isConnected()) {
            browserGone = true;
          } else {
            LOG.warn("browser call failed: {}", Launcher.firstLine(e.getMessage()));
          }
        }
      }
    } catch (Throwable t) {
      LOG.error("the browser thread failed; browser users stop", t);
    } finally {
      running = false;
      shutdown();
    }
  }

  /** One turn of the loop: queued work, recovery, deadlines, then pumping events until the next deadline. */
  private void turn() {
    runQueued();
    if (browserGone) {
      recover();
    }
    long now = System.nanoTime();
    long next = now + SLICE_NANOS;
    boolean waiting = false;
    for (PageState p : new ArrayList<>(pages)) {
      long d = p.checkDeadline(now);
      waiting |= d != Long.MAX_VALUE;
      if (d - next < 0) {
        next = d;
      }
    }
    if (running && tasks.isEmpty() && inbox.isEmpty() && !browserGone) {
      if (waiting) {
        pump(next);
      } else {
        idle(next);
      }
    }
  }

  /**
   * No page is running a batch (every user is thinking): wait for work with a park that {@link #submit} ends at
   * once, rather than in Playwright's event loop, which only notices new work between its 10 ms polls; then let
   * Playwright deliver what came meanwhile (page lifecycle reports).
   */
  private void idle(long untilNanos) {
    LockSupport.parkNanos(Math.min(untilNanos - System.nanoTime(), IDLE_PARK_NANOS));
    if (tasks.isEmpty() && inbox.isEmpty()) {
      pump(System.nanoTime() + 1_000_000);
    }
  }

  private void runQueued() {
    Runnable r;
    while ((r = inbox.poll()) != null || (r = tasks.poll()) != null) {
      try {
        r.run();
      } catch (RuntimeException e) {
        LOG.warn("browser task failed: {}", e.toString(), e);
      }
      if (browserGone) {
        return;
      }
    }
  }

  /** Lets Playwright deliver events (page reports) until work arrives or {@code untilNanos}. */
  private void pump(long untilNanos) {
    long wait = untilNanos - System.nanoTime();
    if (wait <= 0) {
      return;
    }
    if (pump == null) {
      LockSupport.parkNanos(wait);
      return;
    }
    try {
      pump.waitForCondition(() -> !tasks.isEmpty() || !inbox.isEmpty() || browserGone
              || System.nanoTime() - untilNanos >= 0,
          new BrowserContext.WaitForConditionOptions().setTimeout(wait / 1_000_000.0 + 5_000));
    } catch (TimeoutError e) {
      // only the timer
    } catch (PlaywrightException e) {
      if (browser == null || !browser.isConnected()) {
        browserGone = true;
      } else {
        LOG.debug("pumping failed ({}); opening a new pump context", Launcher.firstLine(e.getMessage()));
        try {
          pump = browser.newContext();
        } catch (PlaywrightException closing) {
          browserGone = true; // the browser is going away and has not said so yet
        }
      }
    }
  }

  private void launch() {
    Browser b = launcher.launch();
    b.onDisconnected(x -> {
      if (x == browser) {
        browserGone = true;
      }
    });
    browser = b;
    browserGone = false;
    pump = b.newContext();
    LOG.info("browser {} running: {}", b.version(), launcher.found());
  }

  /** The browser went away: fail its pages, then relaunch it once for every user. */
  private void recover() {
    for (PageState p : pages) {
      p.browserGone();
    }
    pages.clear();
    Browser old = browser;
    browser = null;
    pump = null;
    if (old != null) {
      try {
        old.close();
      } catch (PlaywrightException e) {
        // gone already
      }
    }
    browserGone = false;
    if (!running) {
      return;
    }
    if (relaunches >= MAX_RELAUNCHES) {
      unavailable = "the browser went away " + relaunches + " times; not relaunching it again";
      LOG.error(unavailable);
      return;
    }
    relaunches++;
    LOG.warn("the browser went away (crashed or killed); relaunching it for all users");
    try {
      launch();
      unavailable = null;
    } catch (RuntimeException e) {
      unavailable = "the browser went away and could not be relaunched: " + e.getMessage();
      LOG.error(unavailable);
    }
  }

  // ---- pages -------------------------------------------------------------------------------------------------------

  /** A new context and page for a user (owner thread). */
  PageState open(StorageState restore) {
    if (browserGone) {
      recover();
    }
    if (browser == null) {
      throw new BrowserUnavailableException(unavailable != null ? unavailable : "the browser is not running");
    }
    var o = new Browser.NewContextOptions()
        .setViewportSize(options.viewportWidth(), options.viewportHeight())
        .setIgnoreHTTPSErrors(options.ignoreHttpsErrors());
    if (options.userAgent() != null) {
      o.setUserAgent(options.userAgent());
    }
    if (restore != null) {
      o.setStorageState(SessionStorage.withoutSessionStorage(restore.toJson()));
    }
    BrowserContext context = browser.newContext(o);
    var state = new PageState(this, context);
    try {
      context.exposeBinding(BINDING, (source, args) -> {
        if (args.length > 0 && args[0] instanceof Map<?, ?> m) {
          @SuppressWarnings("unchecked")
          var report = (Map<String, Object>) m;
          inbox.add(() -> state.onReport(report));
        }
        return null;
      });
      if (restore != null) {
        String sessionRestore = SessionStorage.restoreScript(restore.toJson());
        if (sessionRestore != null) {
          context.addInitScript(sessionRestore);
        }
      }
      context.addInitScript(runtime);
      Page page = context.newPage();
      state.attach(page);
      page.onCrash(p -> inbox.add(state::onCrash));
      page.onClose(p -> inbox.add(state::onClose));
    } catch (PlaywrightException e) {
      try {
        context.close();
      } catch (PlaywrightException ignored) {
        // gone
      }
      throw new BrowserUnavailableException("could not open a page: " + Launcher.firstLine(e.getMessage()), e);
    }
    pages.add(state);
    return state;
  }

  /** Closes a user's page (owner thread). */
  java.util.List<dev.liveload.browser.PageSample> close(PageState state) {
    pages.remove(state);
    return state.close();
  }

  // ---- shutting down -----------------------------------------------------------------------------------------------

  /** Stops the thread, closing every page and the browser (bounded). */
  void close() {
    if (!running) {
      return;
    }
    running = false;
    LockSupport.unpark(thread);
    try {
      thread.join(30_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void shutdown() {
    Runnable r;
    while ((r = tasks.poll()) != null) {
      try {
        r.run(); // lets callers waiting on call(...) see a failure instead of hanging
      } catch (RuntimeException e) {
        // closing
      }
    }
    for (PageState p : pages) {
      p.browserGone(); // a user still waiting gets its answer now
    }
    pages.clear();
    if (browser != null) {
      try {
        browser.close();
      } catch (PlaywrightException e) {
        // gone
      }
      browser = null;
    }
    launcher.closePlaywright();
  }
}
