package dev.liveload.browser.playwright.internal;

import dev.liveload.browser.BrowserOptions;
import dev.liveload.browser.BrowserPage;
import dev.liveload.browser.BrowserUnavailableException;
import dev.liveload.browser.StorageState;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A started browser: discovery, the owner thread, and pages for users. */
public final class Engine {
  private final Owner owner;

  private Engine(Owner owner) {
    this.owner = owner;
  }

  /** Finds the browser, starts the owner thread and launches it; throws with the fixes when none is usable. */
  public static Engine start(BrowserOptions options) {
    Discovery.Found found = Discovery.system().find(options);
    var owner = new Owner(options, new Launcher(options, found), runtimeScript());
    owner.start();
    return new Engine(owner);
  }

  /** A new context and page; blocks the calling (user) thread until it is ready. */
  public BrowserPage newPage(StorageState restore) throws InterruptedException {
    CompletableFuture<PageState> f = owner.call(() -> owner.open(restore));
    try {
      return new UserPage(owner, f.get(owner.options.launchTimeout().toMillis(), TimeUnit.MILLISECONDS));
    } catch (InterruptedException e) {
      f.thenAccept(state -> owner.submit(() -> owner.close(state)));
      throw e;
    } catch (ExecutionException e) {
      throw e.getCause() instanceof BrowserUnavailableException b ? b
          : new BrowserUnavailableException("could not open a page: " + e.getCause(), e.getCause());
    } catch (TimeoutException e) {
      f.thenAccept(state -> owner.submit(() -> owner.close(state)));
      throw new BrowserUnavailableException("no page within " + owner.options.launchTimeout());
    }
  }

  /** Closes every page and the browser. */
  public void close() {
    owner.close();
  }

  static String runtimeScript() {
    try (InputStream in = Engine.class.getResourceAsStream("runtime.js")) {
      if (in == null) {
        throw new IllegalStateException("runtime.js is missing from the liveload-browser jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
