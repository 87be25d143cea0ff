package dev.liveload.bench;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import dev.liveload.browser.BrowserOptions;
import dev.liveload.browser.playwright.internal.Discovery;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The yardstick for {@link BrowserBench}, measured in the same run: the same page, browser binary, viewport and
 * journey, but no load tool in the loop. Each page clicks by itself from a script (click, wait for
 * {@code phx-click-loading} to clear, 1 s pause), timed with {@code performance.now()}; Java only reads the figures
 * at the end. What this costs and how its p99 grows with users is what the page and the machine allow; LiveLoad's
 * figures at the same level are judged against it, as HTTP figures are against wrk.
 */
final class BarePage {
  /** The journey in the page: click #inc, wait until its loading class cleared, pause 1 s, again. */
  private static final String LOOP = """
      () => {
        window.__n = 0; window.__d = [];
        const el = () => document.querySelector('#inc');
        const loop = () => {
          const t = performance.now();
          const o = new MutationObserver(() => {
            if (!el().classList.contains('phx-click-loading')) {
              o.disconnect(); window.__n++; window.__d.push(performance.now() - t); setTimeout(loop, 1000);
            }
          });
          o.observe(document, { subtree: true, attributes: true, childList: true });
          el().click();
        };
        setTimeout(loop, Math.random() * 1000);
      }""";

  record Figures(double clicksPerSecond, double p50, double p99, double chromiumCpuPercent, double cpuMsPerClick) {}

  private BarePage() {}

  static Figures measure(String url, int users, int warmSeconds, int seconds, int width, int height,
      Generator generator) throws InterruptedException {
    var exe = Discovery.system().find(BrowserOptions.defaults()).executable();
    try (Playwright pw = Playwright.create(new Playwright.CreateOptions()
        .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")))) {
      Browser b = pw.chromium().launch(new BrowserType.LaunchOptions().setHeadless(true).setExecutablePath(exe)
          .setArgs(List.of("--no-sandbox", "--disable-gpu")));
      var pages = new ArrayList<Page>();
      for (int i = 0; i < users; i++) {
        BrowserContext c = b.newContext(new Browser.NewContextOptions().setViewportSize(width, height));
        Page p = c.newPage();
        p.navigate(url);
        p.waitForSelector(".phx-connected");
        p.evaluate(LOOP);
        pages.add(p);
      }
      Thread.sleep(warmSeconds * 1000L);
      double c0 = Generator.browser(generator.cpuByProgram());
      long n0 = clicks(pages);
      for (Page p : pages) {
        p.evaluate("() => { window.__d = []; }");
      }
      long t0 = System.nanoTime();
      Thread.sleep(seconds * 1000L);
      double c1 = Generator.browser(generator.cpuByProgram());
      long n1 = clicks(pages);
      double s = (System.nanoTime() - t0) / 1e9;
      var d = new ArrayList<Double>();
      for (Page p : pages) {
        for (Object o : (List<?>) p.evaluate("() => window.__d")) {
          d.add(((Number) o).doubleValue());
        }
      }
      Collections.sort(d);
      double cpu = (c1 - c0) / s * 100;
      long clicks = n1 - n0;
      return new Figures(clicks / s, d.isEmpty() ? Double.NaN : d.get(d.size() / 2),
          d.isEmpty() ? Double.NaN : d.get(Math.min(d.size() - 1, (int) Math.ceil(d.size() * 0.99) - 1)), cpu,
          clicks == 0 ? Double.NaN : (c1 - c0) * 1000 / clicks);
    }
  }

  private static long clicks(List<Page> pages) {
    long n = 0;
    for (Page p : pages) {
      n += ((Number) p.evaluate("() => window.__n")).longValue();
    }
    return n;
  }
}
