package dev.liveload.report;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Headless Chromium for report tests, with the network closed: the page is served from memory under an address
 * that does not exist, and every other request is aborted and recorded. Finds Debian's Chromium (the browser
 * module will have real discovery).
 */
final class ReportBrowser implements AutoCloseable {
  static final String PAGE_URL = "http://report.invalid/report.html";
  private static final List<String> CANDIDATES = List.of("/usr/lib/chromium/chromium-headless-shell",
      "/usr/bin/chromium-headless-shell", "/usr/bin/chromium");

  private final Playwright playwright;
  private final Browser browser;

  ReportBrowser() {
    playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD",
        "1")));
    browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setHeadless(true)
        .setExecutablePath(chromium()).setArgs(List.of("--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync")));
  }

  /** The Chromium binary, or a failure saying how to install one. */
  static Path chromium() {
    return CANDIDATES.stream().map(Path::of).filter(Files::isExecutable).findFirst().orElseThrow(() ->
        new IllegalStateException("no Chromium found at " + CANDIDATES + "; install it with "
            + "'apt-get install -y chromium chromium-headless-shell'"));
  }

  /** A page showing a report, loaded, with what it logged and asked for. */
  static final class Opened implements AutoCloseable {
    final Page page;
    final List<String> consoleErrors = new CopyOnWriteArrayList<>();
    final List<String> blockedRequests = new CopyOnWriteArrayList<>();
    private final BrowserContext context;

    private Opened(BrowserContext context, Page page) {
      this.context = context;
      this.page = page;
    }

    @Override
    public void close() {
      context.close();
    }
  }

  /** Opens the report, waits for its script to finish, and returns the page. */
  Opened open(String html) {
    BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1360, 900));
    Page page = context.newPage();
    var opened = new Opened(context, page);
    context.route("**/*", route -> {
      if (route.request().url().equals(PAGE_URL)) {
        route.fulfill(new com.microsoft.playwright.Route.FulfillOptions().setStatus(200)
            .setContentType("text/html; charset=utf-8").setBody(html));
      } else {
        opened.blockedRequests.add(route.request().url());
        route.abort();
      }
    });
    page.onConsoleMessage(m -> {
      if (m.type().equals("error")) {
        opened.consoleErrors.add(m.type() + ": " + m.text());
      }
    });
    page.onPageError(e -> opened.consoleErrors.add("page error: " + e));
    page.navigate(PAGE_URL);
    page.waitForFunction("() => window.liveloadReportReady === true");
    return opened;
  }

  @Override
  public void close() {
    browser.close();
    playwright.close();
  }
}
