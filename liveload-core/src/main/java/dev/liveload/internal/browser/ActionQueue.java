package dev.liveload.internal.browser;

import dev.liveload.User;
import dev.liveload.browser.ActionResult;
import dev.liveload.browser.BrowserAction;
import dev.liveload.browser.BrowserMetrics;
import dev.liveload.browser.BrowserPage;
import dev.liveload.browser.BrowserUnavailableException;
import dev.liveload.browser.PageOutcome;
import dev.liveload.browser.PageSample;
import dev.liveload.browser.StorageState;
import dev.liveload.internal.Logs;
import dev.liveload.internal.engine.IterationInterrupted;
import dev.liveload.internal.engine.RecordedFailure;
import dev.liveload.internal.engine.UserContext;
import dev.liveload.internal.metrics.MetricDef;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;

/**
 * The engine of a user's browser session: queues the user's actions, runs them on the user's {@link BrowserPage}
 * in batches (at values, steps, think times and iteration ends), records their results and the page's samples
 * under the user's scenario, and turns the first failure of an iteration into a failed iteration and the rest into
 * no-ops. Replaces a crashed page. Used by the user's thread only.
 */
final class ActionQueue {
  private static final Logger LOG = Logs.get(ActionQueue.class);

  private final User user;
  private final UserContext context;
  private final BrowserRuntime runtime;
  private final UrlTags urls;
  private final BatchTimes times = new BatchTimes();
  private final List<BrowserAction> queue = new ArrayList<>();
  private String queueStep;
  private BrowserPage page;
  private StorageState restore;
  /** Set by the first failure of an iteration: the rest of the iteration's actions do nothing. */
  private boolean failed;
  private Object lastValue;

  ActionQueue(User user, UserContext context, BrowserRuntime runtime) {
    this.user = user;
    this.context = context;
    this.runtime = runtime;
    this.urls = new UrlTags(runtime.baseUrl());
  }

  /** @return whether an action failed earlier in this iteration */
  boolean failed() {
    return failed;
  }

  /** An absolute URL for a user's URL; a relative one without a base URL aborts the run with the fix. */
  String resolve(String url) {
    try {
      return urls.resolve(url);
    } catch (IllegalArgumentException e) {
      throw context.usageError(e.getMessage());
    }
  }

  /** Starts over from a storage snapshot: the current page is closed; the next action opens one holding it. */
  void restore(StorageState state) {
    if (failed) {
      return;
    }
    flush();
    restore = state;
    if (page != null) {
      long t0 = System.nanoTime();
      List<PageSample> last = page.close();
      context.setUp(System.nanoTime() - t0); // closing a context is the generator's work, not the page's
      record(last);
      page = null;
    }
  }

  /** Drops per-iteration state. */
  void endIteration() {
    queue.clear();
    failed = false;
  }

  /** Runs what is queued (failures stay recorded, not thrown) and closes the page. */
  void close() {
    try {
      flush();
    } catch (RuntimeException e) {
      // recorded already; the user is stopping
    }
    if (page != null) {
      try {
        record(page.close());
      } catch (RuntimeException e) {
        LOG.debug("closing {}'s page failed: {}", user, e.toString());
      }
      page = null;
    }
  }

  /** Queues an action (nothing happens after a failure in this iteration). */
  void enqueue(BrowserAction action) {
    if (failed) {
      return;
    }
    String step = context.step();
    if (!queue.isEmpty() && !Objects.equals(step, queueStep)) {
      flush();
    }
    if (queue.isEmpty()) {
      queueStep = step;
    }
    queue.add(action);
  }

  /** Runs one action now and returns its value (null after an earlier failure in this iteration). */
  Object valueOf(BrowserAction action) {
    lastValue = null;
    enqueue(action);
    flush();
    return failed ? null : lastValue;
  }

  /** Runs everything queued; throws the first failure. */
  void flush() {
    if (queue.isEmpty()) {
      return;
    }
    List<BrowserAction> batch = List.copyOf(queue);
    String step = queueStep;
    queue.clear();
    if (failed) {
      return;
    }
    long t0 = System.nanoTime();
    BrowserPage p = page(step, batch.get(0));
    long submitted = System.nanoTime();
    context.setUp(submitted - t0); // opening the user's page (when it had none) is the generator's set-up
    context.actionBegan(submitted);
    PageOutcome out = p.run(batch, step);
    long answered = System.nanoTime();
    times.add(submitted, answered, out);
    handedOver(step, submitted, answered, out);
    List<ActionResult> results = out.results();
    // Actions first: in an open model the first counted sample of a late iteration carries its start delay.
    for (int i = 0; i < results.size(); i++) {
      ActionResult r = results.get(i);
      String error = r.ok() ? null : r.failure().equals(ActionResult.INTERRUPTED) ? interruptCause() : r.failure();
      context.record(BrowserMetrics.ACTION, step, batch.get(i).name(), urls.tag(r.url()), 0, error,
          r.durationMicros());
    }
    record(out.samples());
    if (!results.isEmpty()) {
      lastValue = results.get(results.size() - 1).value();
    }
    ActionResult failure = out.failure();
    if (failure == null && results.size() < batch.size()) {
      failure = ActionResult.failed(0, null, ActionResult.PAGE_CRASHED, "the page stopped before the action ran");
      results = new ArrayList<>(results);
      results.add(failure);
    }
    if (failure != null) {
      fail(batch.get(results.size() - 1), failure, step, p);
    }
  }

  /**
   * Takes what the user waited for a batch beyond its time in the page (handing the batch to the browser thread and
   * the result back) out of the step's time, and records it as {@code browser.queue}.
   */
  private void handedOver(String step, long submitted, long answered, PageOutcome out) {
    long inPage = Math.min(answered - submitted, Math.max(0, out.pageTimeMicros()) * 1000);
    long queued = Math.max(0, answered - submitted - inPage);
    context.handOver(queued);
    context.record(BrowserMetrics.QUEUE, step, null, null, 0, null, queued / 1000);
  }

  private String interruptCause() {
    String cause = context.interruptKind();
    return cause != null ? cause : "interrupted";
  }

  private void fail(BrowserAction action, ActionResult failure, String step, BrowserPage p) {
    failed = true;
    String url = urls.tag(failure.url());
    if (failure.failure().equals(ActionResult.INTERRUPTED)) {
      String cause = interruptCause();
      if (cause.equals("iteration_timeout")) {
        context.recordError(cause, "cut off by the iteration timeout during " + describe(action), step,
            action.name(), url);
      }
      Thread.currentThread().interrupt();
      throw new IterationInterrupted(cause);
    }
    String message = describe(action) + ": " + failure.message();
    screenshot(failure, step, p);
    context.recordError(failure.failure(), message, step, action.name(), url);
    throw new RecordedFailure(failure.failure(), message, null);
  }

  /** Keeps a picture of the page where an action failed, while the run's budget lasts. */
  private void screenshot(ActionResult failure, String step, BrowserPage p) {
    if (!p.usable() || !runtime.claimScreenshot()) {
      return;
    }
    Path file = runtime.options().screenshotDirectory().resolve(
        "failure-user" + user.id() + "-it" + user.iteration() + "-" + failure.failure() + ".png");
    long t0 = System.nanoTime();
    PageOutcome out = p.run(List.of(new BrowserAction.Screenshot(file)), step);
    long answered = System.nanoTime();
    times.add(t0, answered, out);
    context.setUp(answered - t0); // the generator's own picture: none of it is the step's time
    record(out.samples());
    if (out.failure() == null) {
      LOG.info("{} failed ({}: {}); screenshot: {}", user, failure.failure(), context.redact(failure.message()),
          file.toAbsolutePath());
    }
  }

  /** Records the page's samples, each under the scenario and step the user was in when the page took it. */
  private void record(List<PageSample> samples) {
    long now = System.nanoTime();
    for (PageSample s : samples) {
      MetricDef def = MetricDef.of(s.metric());
      long value = Math.max(0, Math.round(s.value() * def.scale()));
      String url = urls.tag(s.url());
      if (s.timed()) {
        context.recordAt(times.userTime(s.nanoTime(), now), s.metric(), s.kind(), url, s.status(), s.error(), value);
      } else {
        context.record(s.metric(), s.step(), s.kind(), url, s.status(), s.error(), value);
      }
    }
  }

  /** The user's page, replacing a crashed one (with the storage last restored). */
  private BrowserPage page(String step, BrowserAction first) {
    if (page != null && !page.usable()) {
      record(page.close());
      page = null;
    }
    if (page == null) {
      try {
        page = runtime.newPage(restore);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IterationInterrupted(interruptCause());
      } catch (BrowserUnavailableException e) {
        if (runtime.isOpen()) {
          // the connection could not give a page even after relaunching its browser: every later iteration would
          // fail the same way at once, so the run ends here, with what it measured so far
          failed = true;
          context.recordError(ActionResult.BROWSER_CRASHED, "no browser page: " + e.getMessage(), step,
              first.name(), null);
          context.abortRun("browser users cannot continue: " + e.getMessage());
          throw new RecordedFailure(ActionResult.BROWSER_CRASHED, e.getMessage(), e);
        }
        throw context.usageError(e.getMessage());
      }
    }
    return page;
  }

  static String describe(BrowserAction action) {
    return switch (action) {
      case BrowserAction.Navigate n -> "navigate(" + n.url() + ")";
      case BrowserAction.Reload r -> "reload()";
      case BrowserAction.Click c -> "click(" + c.selector() + ")";
      case BrowserAction.Fill f -> f.name() + "(" + f.selector() + ")";
      case BrowserAction.Press p -> "press(" + p.selector() + ", " + (p.key().length() == 1 ? "a character"
          : p.key()) + ")"; // a character may be part of a password
      case BrowserAction.Check c -> c.name() + "(" + c.selector() + ")";
      case BrowserAction.Select s -> "select(" + s.selector() + ", " + s.values() + ")";
      case BrowserAction.Focus f -> "focus(" + f.selector() + ")";
      case BrowserAction.Blur b -> "blur(" + b.selector() + ")";
      case BrowserAction.Hover h -> "hover(" + h.selector() + ")";
      case BrowserAction.DragAndDrop d -> "dragAndDrop(" + d.source() + ", " + d.target() + ")";
      case BrowserAction.SubmitForm s -> "submitForm(" + s.selector() + ")";
      case BrowserAction.WaitFor w -> "waitFor(" + w.selector() + ", " + w.state() + ")";
      case BrowserAction.WaitForText w -> "waitForText(" + w.selector() + ", \"" + w.text() + "\")";
      case BrowserAction.WaitForUrl w -> "waitForUrl(" + w.pattern() + ")";
      case BrowserAction.WaitForLiveView w -> "waitForLiveView()";
      case BrowserAction.WaitForLoading w -> "waitForLoading(" + w.kind()
          + (w.selector() == null ? "" : ", " + w.selector()) + ")";
      case BrowserAction.Evaluate e -> "evaluate(" + abbreviate(e.script()) + ")";
      case BrowserAction.Screenshot s -> "screenshot(" + s.file() + ")";
      case BrowserAction.Read r -> r.what().kind().name().toLowerCase(java.util.Locale.ROOT)
          + (r.what().kind().ofElement() ? "(" + r.what().selector() + ")" : "()");
      case BrowserAction.SnapshotStorage s -> "storageState()";
    };
  }

  private static String abbreviate(String s) {
    String one = s.strip().replaceAll("\\s+", " ");
    return one.length() > 60 ? one.substring(0, 57) + "..." : one;
  }
}
