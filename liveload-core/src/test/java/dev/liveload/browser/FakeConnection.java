package dev.liveload.browser;

import dev.liveload.result.Measurement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A scripted connection without a browser, to test the DSL's batching, recording and failure rules. Selectors
 * choose the outcome: {@code #missing} fails with {@code selector_not_found}, {@code #crash} crashes the page,
 * {@code #slow} blocks until interrupted. Every batch yields one {@code webvital.lcp} sample of 120 ms.
 */
public final class FakeConnection implements BrowserConnection {
  static final List<List<BrowserAction>> BATCHES = new CopyOnWriteArrayList<>();
  static final List<String> STEPS = new CopyOnWriteArrayList<>();
  static final AtomicInteger PAGES = new AtomicInteger();
  /** Pages after this many cannot be made: the browser is gone for good. */
  static final AtomicInteger PAGE_LIMIT = new AtomicInteger(Integer.MAX_VALUE);

  static void reset() {
    BATCHES.clear();
    STEPS.clear();
    PAGES.set(0);
    PAGE_LIMIT.set(Integer.MAX_VALUE);
  }

  @Override
  public String name() {
    return "fake";
  }

  @Override
  public Map<String, Measurement> measurements() {
    return Map.of(BrowserMetrics.ACTION, Measurement.INSTRUMENTED, BrowserMetrics.LCP, Measurement.INSTRUMENTED,
        BrowserMetrics.CLS, Measurement.ESTIMATED);
  }

  @Override
  public void open(BrowserOptions options) {}

  @Override
  public BrowserPage newPage(StorageState restore) {
    if (PAGES.get() >= PAGE_LIMIT.get()) {
      throw new BrowserUnavailableException("the browser went away and could not be relaunched: test");
    }
    PAGES.incrementAndGet();
    return new BrowserPage() {
      private boolean usable = true;
      private String url = "about:blank";
      private final String cookie = restore == null ? "" : restore.toJson();

      @Override
      public PageOutcome run(List<BrowserAction> actions, String step) {
        BATCHES.add(actions);
        STEPS.add(String.valueOf(step));
        var results = new ArrayList<ActionResult>();
        for (BrowserAction a : actions) {
          ActionResult r = perform(a);
          results.add(r);
          if (!r.ok()) {
            break;
          }
        }
        return new PageOutcome(results,
            List.of(new PageSample(BrowserMetrics.LCP, null, url, 0, null, 120.0, step)));
      }

      private ActionResult perform(BrowserAction a) {
        return switch (a) {
          case BrowserAction.Navigate n -> {
            url = n.url();
            yield ActionResult.ok(2_000, url, null);
          }
          case BrowserAction.Click c when c.selector().equals("#missing") ->
              ActionResult.failed(5_000, url, ActionResult.SELECTOR_NOT_FOUND, "no element matches #missing");
          case BrowserAction.Click c when c.selector().equals("#crash") -> {
            usable = false;
            yield ActionResult.failed(1_000, url, ActionResult.PAGE_CRASHED, "the page crashed");
          }
          case BrowserAction.Click c when c.selector().equals("#slow") -> {
            try {
              Thread.sleep(60_000);
              yield ActionResult.ok(60_000_000, url, null);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              yield ActionResult.failed(1_000, url, ActionResult.INTERRUPTED, "interrupted");
            }
          }
          case BrowserAction.Read r -> ActionResult.ok(500, url, r.what().kind() == Extract.Kind.URL ? url
              : "value of " + r.what().selector());
          case BrowserAction.Evaluate e -> ActionResult.ok(500, url, e.arg());
          case BrowserAction.SnapshotStorage s -> ActionResult.ok(500, url, "{\"cookies\":[\"page" + PAGES.get()
              + "\"]}");
          case BrowserAction.WaitForText w -> ActionResult.ok(500, url, cookie);
          default -> ActionResult.ok(1_000, url, null);
        };
      }

      @Override
      public boolean usable() {
        return usable;
      }

      @Override
      public List<PageSample> close() {
        usable = false;
        return List.of(new PageSample(BrowserMetrics.CLS, null, url, 0, null, 0.25, null));
      }
    };
  }

  @Override
  public void close() {}
}
