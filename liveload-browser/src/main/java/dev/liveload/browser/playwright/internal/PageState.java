package dev.liveload.browser.playwright.internal;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import dev.liveload.browser.ActionResult;
import dev.liveload.browser.BrowserAction;
import dev.liveload.browser.PageOutcome;
import dev.liveload.browser.PageSample;
import dev.liveload.browser.WaitUntil;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One user's context and page, as the owner thread drives it: arms the user's actions in the page's runner, follows
 * the runner's reports (done, failed, navigating, new document, host action), re-arms what is left when a
 * navigation replaced the document, enforces a deadline on every action, and buffers the page's samples. Owner
 * thread only, except {@link #usable}.
 */
final class PageState {
  private static final Logger LOG = LoggerFactory.getLogger(PageState.class);
  /** The page answers on its own within the action timeout; this much more and it is considered gone. */
  private static final long SLACK_NANOS = 3_000_000_000L;
  private static final String ARM = "b => window.__liveload ? window.__liveload.run(b) : null";
  private static final String DRAIN = "() => window.__liveload ? window.__liveload.drain(true) : null";

  private final Owner owner;
  final BrowserContext context;
  private Page page;
  volatile boolean usable = true;
  private String unusableKind = ActionResult.PAGE_CRASHED;

  private String armedDoc;
  private Batch batch;
  private int baseId;
  private int next;
  private int ids = 1;
  private boolean hostPending;
  /** The document a navigation at the head of the batch leaves from, and when it started (epoch ms). */
  private String navFromDoc;
  private double navStart = Double.NaN;
  private long headStart;
  private long deadline;
  /** Epoch ms: the end of the last action, the start of the last action that acted on the page. */
  private double lastEnd = Double.NaN;
  private double mark = Double.NaN;
  private final PageSamples samples = new PageSamples();
  /** The page's clock mapped onto the JVM's, and how the current batch ran in the page. */
  private final PageClock clock = new PageClock();
  private final BatchTiming timing = new BatchTiming();
  /** While a report is handled: the page's clock when it sent it (NaN otherwise). */
  private double reportSent = Double.NaN;

  PageState(Owner owner, BrowserContext context) {
    this.owner = owner;
    this.context = context;
  }

  void attach(Page page) {
    this.page = page;
  }

  // ---- batches ---------------------------------------------------------------------------------------------------

  void start(Batch b) {
    if (batch != null) {
      abandon(batch);
    }
    if (!usable) {
      b.add(ActionResult.failed(0, null, unusableKind, "the page is gone (" + unusableKind + ")"));
      b.outcome.complete(new PageOutcome(b.results(), samples.drain()));
      return;
    }
    batch = b;
    timing.reset();
    baseId = ids;
    ids += b.actions.size();
    next = 0;
    lastEnd = Double.NaN;
    beginHead();
    if (Actions.navigation(head())) {
      navFromDoc = armedDoc;
    }
    arm();
  }

  private BrowserAction head() {
    return batch.actions.get(next);
  }

  private long timeoutMillis(BrowserAction a) {
    return (Actions.navigation(a) ? owner.options.navigationTimeout() : owner.options.actionTimeout()).toMillis();
  }

  private void beginHead() {
    headStart = System.nanoTime();
    deadline = headStart + timeoutMillis(head()) * 1_000_000 + SLACK_NANOS;
    navFromDoc = null;
    navStart = Double.NaN;
    hostPending = false;
  }

  /** Hands the rest of the batch to the page's runner (in the current document). */
  private void arm() {
    if (batch == null || !usable || hostPending) {
      return;
    }
    var actions = new ArrayList<Map<String, Object>>();
    long elapsed = (System.nanoTime() - headStart) / 1_000_000;
    for (int i = next; i < batch.actions.size(); i++) {
      BrowserAction a = batch.actions.get(i);
      long timeout = i == next ? Math.max(1, timeoutMillis(a) - elapsed) : timeoutMillis(a);
      actions.add(Actions.toJs(baseId + i, a, timeout));
    }
    var arg = new HashMap<String, Object>();
    arg.put("step", batch.step);
    arg.put("since", Double.isNaN(lastEnd) ? null : lastEnd);
    arg.put("mark", Double.isNaN(mark) ? null : mark);
    arg.put("actions", actions);
    try {
      long before = System.nanoTime();
      Object armed = page.evaluate(ARM, arg);
      long after = System.nanoTime();
      Object doc = armed instanceof Map<?, ?> m ? m.get("doc") : null;
      double at = armed instanceof Map<?, ?> m ? num(m.get("at")) : Double.NaN;
      clock.observe(at, before, after);
      timing.armed(at);
      armedDoc = doc == null ? null : doc.toString();
      LOG.trace("armed {} actions from id {} in {}", actions.size(), baseId + next, armedDoc);
      if (navFromDoc == null && Actions.navigation(head())) {
        navFromDoc = armedDoc;
      }
    } catch (PlaywrightException e) {
      armedDoc = null;
      String message = String.valueOf(e.getMessage());
      LOG.trace("arming failed: {}", message);
      if (page.isClosed()) {
        gone(unusableKind(), "the page was closed");
      } else if (message.contains("destroyed") || message.contains("navigat")) {
        // A navigation replaced the document under the call: the new document's "init" report re-arms.
        if (navFromDoc == null && Actions.navigation(head())) {
          navFromDoc = "(unknown)"; // the navigation started: the next document's load completes it
        }
      } else {
        fail(ActionResult.SCRIPT, "could not run in the page: " + Launcher.firstLine(message), 0, page.url(), false);
      }
    }
  }

  private String unusableKind() {
    return owner.browserGone() ? ActionResult.BROWSER_CRASHED : ActionResult.PAGE_CRASHED;
  }

  // ---- reports from the page ---------------------------------------------------------------------------------------

  void onReport(Map<String, Object> m) {
    samples.collect(m.get("s"), m.get("dropped"), clock);
    reportSent = num(m.get("sent"));
    try {
      handle(m);
    } finally {
      reportSent = Double.NaN;
    }
  }

  @SuppressWarnings("unchecked")
  private void handle(Map<String, Object> m) {
    String t = str(m.get("t"));
    String doc = str(m.get("doc"));
    if (LOG.isTraceEnabled()) {
      LOG.trace("report {} doc={} id={} phase={} armed={} head={}", t, doc, m.get("id"), m.get("phase"), armedDoc,
          batch == null ? null : baseId + next);
    }
    if (t == null || doc == null) {
      return;
    }
    if (m.get("done") instanceof List<?> finished && doc.equals(armedDoc)) {
      for (Object o : finished) {
        if (o instanceof Map<?, ?> d && isHead((Map<String, Object>) d)) {
          done((Map<String, Object>) d);
        }
      }
    }
    switch (t) {
      case "doc" -> onDocument(doc, str(m.get("phase")), m);
      case "nav" -> {
        if (isHead(m) && doc.equals(armedDoc)) {
          navFromDoc = doc;
          navStart = num(m.get("at"));
          deadline = System.nanoTime() + owner.options.navigationTimeout().toNanos() + SLACK_NANOS;
        }
      }
      case "done" -> {
        if (m.get("id") != null && isHead(m) && doc.equals(armedDoc)) {
          done(m); // an evaluated script's result
        }
      }
      case "fail" -> {
        if (isHead(m) && doc.equals(armedDoc)) {
          double start = num(m.get("start"));
          timing.ran(start, start + num(m.get("ms")));
          fail(str(m.get("kind")), str(m.get("msg")), micros(num(m.get("ms"))), str(m.get("url")), false);
        }
      }
      case "host" -> {
        if (isHead(m) && doc.equals(armedDoc)) {
          host();
        }
      }
      default -> { }
    }
  }

  private boolean isHead(Map<String, Object> m) {
    return batch != null && m.get("id") instanceof Number id && id.intValue() == baseId + next;
  }

  private void onDocument(String doc, String phase, Map<String, Object> m) {
    if (batch == null || !usable) {
      return;
    }
    BrowserAction h = head();
    if (Actions.navigation(h) && navFromDoc != null) {
      if (doc.equals(navFromDoc) || phase == null || phase.equals("init")) {
        return;
      }
      String url = str(m.get("url"));
      double end = num(m.get("end"));
      long micros = Double.isNaN(navStart) || Double.isNaN(end) || end < navStart ? 0 : micros(end - navStart);
      String error = str(m.get("error"));
      if (error != null) {
        fail(ActionResult.NAVIGATION, "could not load " + target(h) + ": " + error, micros, target(h), true);
        return;
      }
      WaitUntil until = h instanceof BrowserAction.Navigate n ? n.waitUntil()
          : ((BrowserAction.Reload) h).waitUntil();
      if (!phase.equals(until == WaitUntil.LOAD ? "load" : "dcl")) {
        return;
      }
      int status = m.get("status") instanceof Number s ? s.intValue() : 0;
      if (status >= 400) {
        fail(ActionResult.STATUS, "status " + status + " for " + url, micros, url, true);
        return;
      }
      armedDoc = doc;
      lastEnd = end;
      mark = navStart;
      timing.ran(navStart, end);
      succeed(micros, url, null);
      arm();
      return;
    }
    if ("init".equals(phase) && !doc.equals(armedDoc) && !hostPending) {
      arm();
    }
  }

  private static String target(BrowserAction a) {
    return a instanceof BrowserAction.Navigate n ? n.url() : "the page";
  }

  private void done(Map<String, Object> m) {
    BrowserAction h = head();
    lastEnd = num(m.get("end"));
    double from = num(m.get("from"));
    timing.ran(Double.isNaN(from) ? num(m.get("start")) : from, lastEnd);
    if (!(h instanceof BrowserAction.Read) && !Actions.host(h) && !h.name().startsWith("waitFor")) {
      mark = num(m.get("start"));
    }
    boolean wasHost = hostPending;
    succeed(micros(num(m.get("ms"))), str(m.get("url")), m.get("v"));
    if (wasHost) {
      arm();
    }
  }

  private void succeed(long micros, String url, Object value) {
    batch.add(ActionResult.ok(micros, url, value));
    next++;
    if (next >= batch.actions.size()) {
      complete();
      return;
    }
    beginHead();
    if (Actions.navigation(head())) {
      navFromDoc = armedDoc;
    }
  }

  /** The runner stopped at an action the owner performs with Playwright. */
  private void host() {
    hostPending = true;
    BrowserAction h = head();
    timing.host(0); // what the page ran up to here is one span; an evaluated script is another
    long t0 = System.nanoTime();
    try {
      switch (h) {
        case BrowserAction.Screenshot s -> {
          Path parent = s.file().toAbsolutePath().getParent();
          if (parent != null) {
            Files.createDirectories(parent);
          }
          page.screenshot(new Page.ScreenshotOptions().setPath(s.file())
              .setTimeout(owner.options.actionTimeout().toMillis()));
          hostDone(t0, null);
        }
        case BrowserAction.SnapshotStorage s -> hostDone(t0, storageState());
        case BrowserAction.Evaluate e -> page.evaluate("([id, arg]) => window.__liveload.evaluate(id, (" + e.script()
            + "\n), arg)", Arrays.asList(baseId + next, e.arg())); // completes with a "done" or "fail" report
        default -> throw new IllegalStateException("not a host action: " + h);
      }
    } catch (PlaywrightException | IOException e) {
      if (page.isClosed()) {
        gone(unusableKind(), "the page was closed");
      } else {
        fail(h instanceof BrowserAction.Evaluate ? ActionResult.SCRIPT : h instanceof BrowserAction.Screenshot
            ? ActionResult.TIMEOUT : ActionResult.SCRIPT, Launcher.firstLine(e.getMessage()),
            (System.nanoTime() - t0) / 1000, page.url(), true);
      }
    }
  }

  private void hostDone(long t0, Object value) {
    hostPending = false;
    lastEnd = Double.NaN;
    long micros = (System.nanoTime() - t0) / 1000;
    timing.host(micros);
    succeed(micros, page.url(), value);
    arm();
  }

  /** Playwright's storage state plus the current origin's session storage. */
  private String storageState() {
    return SessionStorage.snapshot(context.storageState(), page.evaluate(SessionStorage.READ));
  }

  /** Ends the batch with a failure; {@code stopRunner} also stops whatever the page's runner still does. */
  private void fail(String kind, String message, long micros, String url, boolean stopRunner) {
    if (batch == null) {
      return;
    }
    batch.add(ActionResult.failed(micros, url, kind == null ? ActionResult.SCRIPT : kind,
        message == null ? "failed" : message));
    complete();
    if (stopRunner && usable) {
      stopRunner();
    }
  }

  private void stopRunner() {
    try {
      page.evaluate("() => window.__liveload && window.__liveload.cancel()");
    } catch (PlaywrightException e) {
      // navigating or gone: nothing runs there any more
    }
  }

  private void complete() {
    Batch b = batch;
    batch = null;
    hostPending = false;
    navFromDoc = null;
    if (Double.isNaN(reportSent) && !b.results().isEmpty() && !b.results().get(b.results().size() - 1).ok()) {
      timing.lost(); // failed by the owner (a deadline, a crash): the page did not say how long it ran
    }
    long end = Double.isNaN(reportSent) ? System.nanoTime() : clock.toNanos(reportSent);
    b.outcome.complete(new PageOutcome(b.results(), samples.drain(), timing.pageMicros(), timing.startNanos(clock),
        end));
  }

  /** The user stopped waiting (interrupted): forget the batch and stop the runner. */
  void abandon(Batch b) {
    if (batch == b) {
      batch = null;
      hostPending = false;
      navFromDoc = null;
      if (usable) {
        stopRunner();
      }
    }
  }

  /** Fails the head action when its deadline passed; returns the deadline to watch (or Long.MAX_VALUE). */
  long checkDeadline(long now) {
    if (batch == null) {
      return Long.MAX_VALUE;
    }
    if (now - deadline >= 0) {
      BrowserAction h = head();
      long ms = (now - headStart) / 1_000_000;
      if (Actions.navigation(h)) {
        fail(ActionResult.TIMEOUT, "navigation to " + target(h) + " did not finish within "
            + timeoutMillis(h) + " ms", ms * 1000, page.url(), true);
      } else {
        fail(ActionResult.TIMEOUT, "the page did not answer within " + ms + " ms", ms * 1000, page.url(), true);
      }
      return Long.MAX_VALUE;
    }
    return deadline;
  }

  // ---- crashes and closing -----------------------------------------------------------------------------------------

  void onCrash() {
    gone(ActionResult.PAGE_CRASHED, "the page crashed");
  }

  void onClose() {
    gone(unusableKind(), owner.browserGone() ? "the browser went away" : "the page was closed");
  }

  /** The browser went away: this page with it. */
  void browserGone() {
    gone(ActionResult.BROWSER_CRASHED, "the browser went away (crashed or was killed)");
  }

  private void gone(String kind, String message) {
    if (usable) {
      usable = false;
      unusableKind = kind;
      LOG.debug("page unusable: {}", message);
    }
    if (batch != null) {
      long ms = (System.nanoTime() - headStart) / 1_000_000;
      fail(kind, message, ms * 1000, null, false);
    }
  }

  /** Closes the context; returns the samples not handed out yet (the page's final LCP and CLS included). */
  List<PageSample> close() {
    if (batch != null) {
      abandon(batch);
    }
    if (usable) {
      try {
        if (page.evaluate(DRAIN) instanceof Map<?, ?> m) {
          samples.collect(m.get("s"), null, clock);
        }
      } catch (PlaywrightException e) {
        // navigating or gone
      }
    }
    usable = false;
    try {
      context.close();
    } catch (PlaywrightException e) {
      // already gone with the browser
    }
    return samples.drain();
  }

  private static String str(Object o) {
    return o == null ? null : o.toString();
  }

  private static double num(Object o) {
    return o instanceof Number n ? n.doubleValue() : Double.NaN;
  }

  private static long micros(double ms) {
    return Double.isNaN(ms) || ms < 0 ? 0 : Math.round(ms * 1000);
  }
}
