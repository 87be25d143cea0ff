package dev.liveload.internal.browser;

import dev.liveload.User;
import dev.liveload.browser.BrowserAction;
import dev.liveload.browser.BrowserSession;
import dev.liveload.browser.Extract;
import dev.liveload.browser.Loading;
import dev.liveload.browser.StorageState;
import dev.liveload.browser.WaitState;
import dev.liveload.browser.WaitUntil;
import dev.liveload.internal.engine.UserContext;
import dev.liveload.internal.engine.UserResource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One user's {@link BrowserSession}: the DSL, turning each call into a {@link BrowserAction} for the user's
 * {@link ActionQueue}. Settled (the queue run) at step, think and iteration boundaries. Used by the user's thread
 * only.
 */
public final class UserBrowserSession implements BrowserSession, UserResource {
  private final User user;
  private final UserContext context;
  private final ActionQueue actions;

  public UserBrowserSession(User user, UserContext context, BrowserRuntime runtime) {
    this.user = user;
    this.context = context;
    this.actions = new ActionQueue(user, context, runtime);
  }

  /**
   * Expands {@code {{...}}} templates (user variables, feeder columns, builtins) now, on the user's thread; an
   * unknown name fails the iteration (kind {@code template}) before the action is queued.
   */
  private String t(String text) {
    return text != null && text.contains("{{") ? context.render(text) : text;
  }

  private BrowserSession enqueue(BrowserAction action) {
    actions.enqueue(action);
    return this;
  }

  private Object valueOf(BrowserAction action) {
    return actions.valueOf(action);
  }

  private String resolve(String url) {
    return actions.resolve(url);
  }

  // ---- UserResource ----------------------------------------------------------------------------------------------

  @Override
  public void settle() {
    actions.flush();
  }

  @Override
  public void abandon() {
    // the iteration failed: what it queued after its last sync never runs (endIteration, next, drops it)
  }

  @Override
  public void endIteration() {
    actions.endIteration();
  }

  @Override
  public void close() {
    actions.close();
  }

  // ---- the DSL -------------------------------------------------------------------------------------------------

  @Override
  public BrowserSession navigate(String url) {
    return navigate(url, WaitUntil.LOAD);
  }

  @Override
  public BrowserSession navigate(String url, WaitUntil waitUntil) {
    return enqueue(new BrowserAction.Navigate(resolve(t(url)), waitUntil));
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
    return enqueue(new BrowserAction.Fill(selector, t(value)));
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
    return enqueue(new BrowserAction.Select(selector, Arrays.stream(values).map(this::t).toList()));
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
    return enqueue(new BrowserAction.WaitForText(selector, t(text)));
  }

  @Override
  public BrowserSession waitForUrl(String glob) {
    Objects.requireNonNull(glob, "glob");
    String g = t(glob);
    return enqueue(new BrowserAction.WaitForUrl(g.startsWith("/") ? resolve(g) : g, false));
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
    return enqueue(new BrowserAction.WaitForLoading(kind, java.util.Objects.requireNonNull(selector, "selector")));
  }

  @Override
  public BrowserSession waitForLoading(Loading kind) {
    return enqueue(new BrowserAction.WaitForLoading(kind, null));
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
  public String title() {
    return read(Extract.title());
  }

  @Override
  public String content() {
    return read(Extract.content());
  }

  @Override
  public BrowserSession save(String variable, Extract what) {
    if (variable == null || variable.isBlank()) {
      throw new IllegalArgumentException("variable name must not be blank");
    }
    Object v = valueOf(new BrowserAction.Read(what));
    if (!actions.failed()) {
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
    actions.restore(Objects.requireNonNull(state, "state"));
    return this;
  }

  @Override
  public BrowserSession sync() {
    actions.flush();
    return this;
  }

  @Override
  public String toString() {
    return "browser of " + user;
  }
}
