package dev.liveload.browser.playwright.internal;

import dev.liveload.browser.BrowserOptions;
import dev.liveload.browser.BrowserPage;
import dev.liveload.browser.BrowserUnavailableException;
import dev.liveload.browser.StorageState;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
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

  /** The runtime's parts (resources under {@code runtime/}), in order; they share one function's scope. */
  static final List<String> RUNTIME = List.of("0-report.js", "1-dom.js", "2-liveview.js", "3-page.js", "4-runner.js");

  static String runtimeScript() {
    var sb = new StringBuilder("(() => {\n");
    for (String part : RUNTIME) {
      try (InputStream in = Engine.class.getResourceAsStream("runtime/" + part)) {
        if (in == null) {
          throw new IllegalStateException("runtime/" + part + " is missing from the liveload-browser jar");
        }
        sb.append(new String(in.readAllBytes(), StandardCharsets.UTF_8)).append('\n');
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return sb.append("})();\n").toString();
  }
}
