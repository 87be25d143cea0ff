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
 *
 * <p>Timing: a batch runs "in the page" from when it was handed over to when it returns. A click on
 * {@code #queued} makes the batch wait {@value #QUEUED_MILLIS} ms of which only {@value #PAGE_MILLIS} ms are the
 * page's (the rest is a hand-over), one on {@code #stalled} {@value #STALLED_MILLIS} ms; a click on {@code #frame-later} makes the page receive a frame (a
 * {@code browser.ws.received.bytes} sample from {@code ws://fake/later}) {@value #LATER_MILLIS} ms after the batch
 * ended, handed back with the next batch; every batch also yields a frame from {@code ws://fake/now} stamped at its
 * own start.
 */
public final class FakeConnection implements BrowserConnection {
  static final List<List<BrowserAction>> BATCHES = new CopyOnWriteArrayList<>();
  static final List<String> STEPS = new CopyOnWriteArrayList<>();
  static final AtomicInteger PAGES = new AtomicInteger();
  /** Pages after this many cannot be made: the browser is gone for good. */
  static final AtomicInteger PAGE_LIMIT = new AtomicInteger(Integer.MAX_VALUE);
  static final long QUEUED_MILLIS = 150;
  static final long STALLED_MILLIS = 100;
  static final long PAGE_MILLIS = 10;
  static final long LATER_MILLIS = 50;

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
        BrowserMetrics.CLS, Measurement.ESTIMATED, BrowserMetrics.WS_RECEIVED, Measurement.INSTRUMENTED);
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
      /** A frame the page received after the last batch, not handed back yet, or null. */
      private PageSample later;

      @Override
      public PageOutcome run(List<BrowserAction> actions, String step) {
        long begun = System.nanoTime();
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
        var samples = new ArrayList<PageSample>();
        samples.add(new PageSample(BrowserMetrics.LCP, null, url, 0, null, 120.0, step));
        samples.add(new PageSample(BrowserMetrics.WS_RECEIVED, null, "ws://fake/now", 0, null, 20, null, begun));
        if (later != null) {
          samples.add(later);
          later = null;
        }
        long waited = actions.contains(new BrowserAction.Click("#queued")) ? QUEUED_MILLIS
            : actions.contains(new BrowserAction.Click("#stalled")) ? STALLED_MILLIS : 0;
        if (waited > 0) {
          sleep(waited);
          long start = begun + (waited - PAGE_MILLIS) / 2 * 1_000_000;
          return new PageOutcome(results, samples, PAGE_MILLIS * 1000, start, start + PAGE_MILLIS * 1_000_000);
        }
        long end = System.nanoTime();
        if (actions.contains(new BrowserAction.Click("#frame-later"))) {
          later = new PageSample(BrowserMetrics.WS_RECEIVED, null, "ws://fake/later", 0, null, 10, null,
              end + LATER_MILLIS * 1_000_000);
        }
        return new PageOutcome(results, samples, (end - begun) / 1000, begun, end);
      }

      private static void sleep(long millis) {
        try {
          Thread.sleep(millis);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
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
