package dev.liveload.internal.browser;

import dev.liveload.User;
import dev.liveload.browser.ActionResult;
import dev.liveload.browser.BrowserAction;
import dev.liveload.browser.BrowserMetrics;
import dev.liveload.browser.BrowserPage;
import dev.liveload.browser.BrowserSession;
import dev.liveload.browser.BrowserUnavailableException;
import dev.liveload.browser.Extract;
import dev.liveload.browser.Loading;
import dev.liveload.browser.PageOutcome;
import dev.liveload.browser.PageSample;
import dev.liveload.browser.StorageState;
import dev.liveload.browser.WaitState;
import dev.liveload.browser.WaitUntil;
import dev.liveload.internal.engine.IterationInterrupted;
import dev.liveload.internal.engine.RecordedFailure;
import dev.liveload.internal.engine.UserContext;
import dev.liveload.internal.engine.UserResource;
import dev.liveload.internal.metrics.MetricDef;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One user's {@link BrowserSession}: queues the user's actions, runs them on its {@link BrowserPage} in batches
 * (at values, steps, think times and iteration ends), records their results and the page's samples under the
 * user's scenario, and turns the first failure of an iteration into a failed iteration and the rest into no-ops.
 * Used by the user's thread only.
 */
public final class UserBrowserSession implements BrowserSession, UserResource {
  private static final Logger LOG = LoggerFactory.getLogger(UserBrowserSession.class);

  private final User user;
  private final UserContext context;
  private final BrowserRuntime runtime;
  private final UrlTags urls;
  private final List<BrowserAction> queue = new ArrayList<>();
  private String queueStep;
  private BrowserPage page;
  private StorageState restore;
  /** Set by the first failure of an iteration: the rest of the iteration's actions do nothing. */
  private boolean failed;
  private Object lastValue;

  public UserBrowserSession(User user, UserContext context, BrowserRuntime runtime) {
    this.user = user;
    this.context = context;
    this.runtime = runtime;
    this.urls = new UrlTags(runtime.baseUrl());
  }

  // ---- queueing and running ------------------------------------------------------------------------------------

  private BrowserSession enqueue(BrowserAction action) {
    if (failed) {
      return this;
    }
    String step = context.step();
    if (!queue.isEmpty() && !Objects.equals(step, queueStep)) {
      flush();
    }
    if (queue.isEmpty()) {
      queueStep = step;
    }
    queue.add(action);
    return this;
  }

  /** Runs one action now and returns its value (null after an earlier failure in this iteration). */
  private Object valueOf(BrowserAction action) {
    lastValue = null;
    enqueue(action);
    flush();
    return failed ? null : lastValue;
  }

  /** Runs everything queued; throws the first failure. */
  private void flush() {
    if (queue.isEmpty()) {
      return;
    }
    List<BrowserAction> batch = List.copyOf(queue);
    String step = queueStep;
    queue.clear();
    if (failed) {
      return;
    }
    BrowserPage p = page(step, batch.get(0));
    PageOutcome out = p.run(batch, step);
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
    PageOutcome out = p.run(List.of(new BrowserAction.Screenshot(file)), step);
    record(out.samples());
    if (out.failure() == null) {
      LOG.info("{} failed ({}: {}); screenshot: {}", user, failure.failure(), failure.message(),
          file.toAbsolutePath());
    }
  }

  private void record(List<PageSample> samples) {
    for (PageSample s : samples) {
      MetricDef def = MetricDef.of(s.metric());
      long value = Math.max(0, Math.round(s.value() * def.scale()));
      context.record(s.metric(), s.step(), s.kind(), urls.tag(s.url()), s.status(), s.error(), value);
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
        page = runtime.connection().newPage(restore);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IterationInterrupted(interruptCause());
      } catch (BrowserUnavailableException e) {
        if (runtime.isOpen()) {
          failed = true;
          context.recordError(ActionResult.BROWSER_CRASHED, "no browser page: " + e.getMessage(), step,
              first.name(), null);
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
      case BrowserAction.Press p -> "press(" + p.selector() + ", " + p.key() + ")";
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
      case BrowserAction.WaitForLoading w -> "waitForLoading(" + w.kind() + ", " + w.selector() + ")";
      case BrowserAction.Evaluate e -> "evaluate(" + abbreviate(e.script()) + ")";
      case BrowserAction.Screenshot s -> "screenshot(" + s.file() + ")";
      case BrowserAction.Read r -> r.what().kind().name().toLowerCase(java.util.Locale.ROOT)
          + (r.what().selector() == null ? "()" : "(" + r.what().selector() + ")");
      case BrowserAction.SnapshotStorage s -> "storageState()";
    };
  }

  private static String abbreviate(String s) {
    String one = s.strip().replaceAll("\\s+", " ");
    return one.length() > 60 ? one.substring(0, 57) + "..." : one;
  }

  // ---- UserResource ----------------------------------------------------------------------------------------------

  @Override
  public void settle() {
    flush();
  }

  @Override
  public void endIteration() {
    queue.clear();
    failed = false;
  }

  @Override
  public void close() {
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

  // ---- the DSL -------------------------------------------------------------------------------------------------

  @Override
  public BrowserSession navigate(String url) {
    return navigate(url, WaitUntil.LOAD);
  }

  @Override
  public BrowserSession navigate(String url, WaitUntil waitUntil) {
    return enqueue(new BrowserAction.Navigate(resolve(url), waitUntil));
  }

  private String resolve(String url) {
    try {
      return urls.resolve(url);
    } catch (IllegalArgumentException e) {
      throw context.usageError(e.getMessage());
    }
  }

  @Override
  public BrowserSession reload() {
    return enqueue(new BrowserAction.Reload(WaitUntil.LOAD));
  }

  @Override
  public BrowserSession click(String selector) {
    return enqueue(new BrowserAction.Click(selector));
  }

  @Override
  public BrowserSession fill(String selector, String value) {
    return enqueue(new BrowserAction.Fill(selector, value));
  }

  @Override
  public BrowserSession clear(String selector) {
    return enqueue(new BrowserAction.Fill(selector, ""));
  }

  @Override
  public BrowserSession press(String selector, String key) {
    return enqueue(new BrowserAction.Press(selector, key));
  }

  @Override
  public BrowserSession check(String selector) {
    return enqueue(new BrowserAction.Check(selector, true));
  }

  @Override
  public BrowserSession uncheck(String selector) {
    return enqueue(new BrowserAction.Check(selector, false));
  }

  @Override
  public BrowserSession select(String selector, String... values) {
    if (values.length == 0) {
      throw new IllegalArgumentException("select needs at least one value");
    }
    return enqueue(new BrowserAction.Select(selector, Arrays.asList(values)));
  }

  @Override
  public BrowserSession focus(String selector) {
    return enqueue(new BrowserAction.Focus(selector));
  }

  @Override
  public BrowserSession blur(String selector) {
    return enqueue(new BrowserAction.Blur(selector));
  }

  @Override
  public BrowserSession hover(String selector) {
    return enqueue(new BrowserAction.Hover(selector));
  }

  @Override
  public BrowserSession dragAndDrop(String source, String target) {
    return enqueue(new BrowserAction.DragAndDrop(source, target));
  }

  @Override
  public BrowserSession submitForm(String selector) {
    return enqueue(new BrowserAction.SubmitForm(selector));
  }

  @Override
  public BrowserSession waitFor(String selector) {
    return waitFor(selector, WaitState.VISIBLE);
  }

  @Override
  public BrowserSession waitFor(String selector, WaitState state) {
    return enqueue(new BrowserAction.WaitFor(selector, state));
  }

  @Override
  public BrowserSession waitForText(String selector, String text) {
    return enqueue(new BrowserAction.WaitForText(selector, text));
  }

  @Override
  public BrowserSession waitForUrl(String glob) {
    Objects.requireNonNull(glob, "glob");
    return enqueue(new BrowserAction.WaitForUrl(glob.startsWith("/") ? resolve(glob) : glob, false));
  }

  @Override
  public BrowserSession waitForUrl(Pattern regex) {
    return enqueue(new BrowserAction.WaitForUrl(regex.pattern(), true));
  }

  @Override
  public BrowserSession waitForLiveView() {
    return enqueue(new BrowserAction.WaitForLiveView());
  }

  @Override
  public BrowserSession waitForLoading(Loading kind, String selector) {
    return enqueue(new BrowserAction.WaitForLoading(kind, selector));
  }

  @Override
  public Object evaluate(String script) {
    return valueOf(new BrowserAction.Evaluate(script, null));
  }

  @Override
  public Object evaluate(String script, Object arg) {
    return valueOf(new BrowserAction.Evaluate(script, arg));
  }

  @Override
  public BrowserSession screenshot(Path file) {
    return enqueue(new BrowserAction.Screenshot(file));
  }

  @Override
  public BrowserSession step(String name, Step body) {
    Objects.requireNonNull(body, "body");
    user.step(name, () -> body.run(this));
    return this;
  }

  @Override
  public BrowserSession think(Duration duration) {
    user.think(duration);
    return this;
  }

  @Override
  public BrowserSession think(Duration base, double jitter) {
    user.think(base, jitter);
    return this;
  }

  private String read(Extract what) {
    Object v = valueOf(new BrowserAction.Read(what));
    return v == null ? null : v.toString();
  }

  private boolean readBoolean(Extract what) {
    return Boolean.TRUE.equals(valueOf(new BrowserAction.Read(what)));
  }

  @Override
  public String text(String selector) {
    return read(Extract.text(selector));
  }

  @Override
  public String innerHtml(String selector) {
    return read(Extract.innerHtml(selector));
  }

  @Override
  public String attribute(String selector, String name) {
    return read(Extract.attribute(selector, name));
  }

  @Override
  public String inputValue(String selector) {
    return read(Extract.inputValue(selector));
  }

  @Override
  public boolean isVisible(String selector) {
    return readBoolean(Extract.isVisible(selector));
  }

  @Override
  public boolean isChecked(String selector) {
    return readBoolean(Extract.isChecked(selector));
  }

  @Override
  public String url() {
    return read(Extract.url());
  }

  @Override
  public BrowserSession save(String variable, Extract what) {
    if (variable == null || variable.isBlank()) {
      throw new IllegalArgumentException("variable name must not be blank");
    }
    Object v = valueOf(new BrowserAction.Read(what));
    if (!failed) {
      user.set(variable, v);
    }
    return this;
  }

  @Override
  public StorageState storageState() {
    Object v = valueOf(new BrowserAction.SnapshotStorage());
    return v == null ? null : StorageState.fromJson(v.toString());
  }

  @Override
  public BrowserSession restore(StorageState state) {
    Objects.requireNonNull(state, "state");
    if (failed) {
      return this;
    }
    flush();
    restore = state;
    if (page != null) {
      record(page.close());
      page = null;
    }
    return this;
  }

  @Override
  public BrowserSession sync() {
    flush();
    return this;
  }

  @Override
  public String toString() {
    return "browser of " + user;
  }
}
