package dev.liveload.browser.playwright.internal;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;
import dev.liveload.browser.BrowserOptions;
import dev.liveload.browser.BrowserUnavailableException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts Playwright's driver and the browser, with the arguments that suit many users in one headless browser on
 * a machine without network. Owner thread only.
 */
final class Launcher {
  private static final Logger LOG = LoggerFactory.getLogger(Launcher.class);
  /** Beyond what Playwright passes itself: no sandbox (containers, root), no GPU, nothing that calls home. */
  static final List<String> ARGS = List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
      "--disable-component-update", "--no-first-run", "--disable-sync");

  private final BrowserOptions options;
  private final Discovery.Found found;
  private Playwright playwright;

  Launcher(BrowserOptions options, Discovery.Found found) {
    this.options = options;
    this.found = found;
  }

  Discovery.Found found() {
    return found;
  }

  /** Launches a browser, starting (or restarting) the driver when needed. */
  Browser launch() {
    if (playwright == null) {
      playwright = createPlaywright();
    }
    try {
      return launchOn(playwright);
    } catch (PlaywrightException e) {
      if (!String.valueOf(e.getMessage()).contains("connection closed")) {
        throw unavailable(e);
      }
      LOG.warn("Playwright's driver is gone; starting a new one");
      closePlaywright();
      playwright = createPlaywright();
      try {
        return launchOn(playwright);
      } catch (PlaywrightException again) {
        throw unavailable(again);
      }
    }
  }

  private BrowserUnavailableException unavailable(PlaywrightException e) {
    return new BrowserUnavailableException("could not launch " + found + ": " + firstLine(e.getMessage())
        + ". If it is not a working Chromium, point BrowserOptions.executable or " + Discovery.ENV
        + " at one (e.g. /usr/lib/chromium/chromium-headless-shell)", e);
  }

  private static Playwright createPlaywright() {
    try {
      // Never let the driver download browsers: LiveLoad uses the one discovery found.
      return Playwright.create(new Playwright.CreateOptions()
          .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    } catch (RuntimeException e) {
      throw new BrowserUnavailableException("could not start Playwright's driver: " + firstLine(e.getMessage()), e);
    }
  }

  private Browser launchOn(Playwright pw) {
    var args = new ArrayList<>(ARGS);
    args.addAll(options.args());
    var launch = new BrowserType.LaunchOptions()
        .setHeadless(options.headless())
        .setChromiumSandbox(false)
        .setArgs(args)
        .setTimeout(options.launchTimeout().toMillis());
    if (found.executable() != null) {
      launch.setExecutablePath(found.executable());
    }
    return pw.chromium().launch(launch);
  }

  void closePlaywright() {
    if (playwright != null) {
      try {
        playwright.close();
      } catch (RuntimeException e) {
        LOG.debug("closing Playwright failed: {}", e.toString());
      }
      playwright = null;
    }
  }

  static String firstLine(String s) {
    if (s == null) {
      return "unknown error";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
