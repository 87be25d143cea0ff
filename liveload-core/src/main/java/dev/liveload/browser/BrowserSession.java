package dev.liveload.browser;

import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * A virtual user's browser: its own isolated context and page, driven like a person would. Get it with
 * {@code user.browser()}; it lives as long as the user (cookies and storage stay across iterations) and is used
 * from the user's thread only.
 *
 * <pre>{@code
 * public void run(User user) {
 *   user.browser()
 *       .navigate("/shop")
 *       .waitForLiveView()
 *       .step("add to cart", b -> b
 *           .click("#add")
 *           .waitForLoading(Loading.CLICK, "#add"))
 *       .fill("#email", "ann@example.com")
 *       .think(Duration.ofSeconds(2), 0.5);
 * }
 * }</pre>
 *
 * <h2>How actions run</h2>
 * Actions run in the page, in order. Chained actions that return the session are queued and sent to the page
 * together when the user next needs the browser to have caught up: a method that returns a value, {@link #sync()},
 * the start or end of a step, a think time, and the end of the iteration. So {@code click(...).waitFor(...)} starts
 * the wait in the page right after the click, and its time is the page's, with no hand-over in between. A
 * failure surfaces (as an {@link dev.liveload.IterationFailedException} of its kind) at that point.
 *
 * <h2>Timing</h2>
 * Each action is timed in the page and recorded as {@code browser.action.duration} under the current step, with
 * the action name as its {@code method} tag. A wait's time starts when the previous action of the batch ended (or
 * when the wait started, for the first action of a batch), so {@code click} then {@code waitFor} measures the
 * time from the click to the page's response. {@link #waitForLoading} is the LiveView loading span itself.
 *
 * <p>A step's {@code step.duration} (and an iteration's) is its time on the user's thread with every batch of
 * actions in it counted for its time in the page: from the start of its first action to the end of its last. What
 * the user waited beyond that, handing the batch to the browser and the result back, is the generator's own
 * {@code browser.queue}, left out; so is opening the user's page. A think time or an HTTP call inside the step
 * counts as it took on the user's thread. The page's own samples (requests, frames, Web Vitals, LiveView spans)
 * are recorded under the step and iteration the user was in when they happened, not when they were handed back.
 *
 * <h2>Failures</h2>
 * A failed action records its kind ({@code timeout}, {@code selector_not_found}, {@code not_actionable},
 * {@code not_checkable}, {@code navigation}, {@code status}, {@code script}, {@code page_crashed},
 * {@code browser_crashed}; see {@link ActionResult}) once, fails the iteration, and turns the rest of the
 * iteration's browser actions into no-ops (value methods then return null or false). A crashed page or browser is
 * replaced before the user's next action. After a failed iteration the user backs off before its next one (1 s,
 * doubling to 10 s, by default; see {@code Population.failureBackoff}), so an outage is not met with a storm of
 * retries.
 *
 * <h2>Test data</h2>
 * URLs given to {@link #navigate}, {@link #waitForUrl(String)}, and the texts given to {@link #fill},
 * {@link #select} and {@link #waitForText} are templates: {@code {{name}}} is replaced, when the action is
 * called, by a user variable, a feeder column or a builtin ({@code {{uuid}}}, ...), as in HTTP requests. A name
 * that resolves to nothing fails the iteration (kind {@code template}) before the action runs. {@link #save} reads
 * its value at once, so the actions after it can use it.
 *
 * <h2>Selectors</h2>
 * CSS selectors, {@code text=Some text} (the innermost element containing the text), or {@code xpath=//...}.
 * Actions that target an element wait until one matches and is visible, enabled and (for typing) editable, up to
 * the action timeout. Events are dispatched by script in the page (their {@code isTrusted} is false), which is how
 * one browser serves many users.
 *
 * @since 0.1
 */
public interface BrowserSession {

  /**
   * Goes to a URL and waits for its {@code load} event.
   *
   * @param url absolute, or relative to the run's base URL
   * @return this session
   */
  BrowserSession navigate(String url);

  /**
   * Goes to a URL.
   *
   * @param url       absolute, or relative to the run's base URL
   * @param waitUntil when the navigation counts as done
   * @return this session
   */
  BrowserSession navigate(String url, WaitUntil waitUntil);

  /** @return this session, after reloading the page and waiting for its {@code load} event */
  BrowserSession reload();

  /**
   * Clicks an element (waits until it is visible, enabled and not covered).
   *
   * @param selector the element
   * @return this session
   */
  BrowserSession click(String selector);

  /**
   * Replaces an input's, textarea's or contenteditable's value, firing {@code input} and {@code change}.
   *
   * @param selector the field
   * @param value    the new value, not null
   * @return this session
   */
  BrowserSession fill(String selector, String value);

  /** @param selector the field @return this session, after emptying the field */
  BrowserSession clear(String selector);

  /**
   * Presses a key on an element: {@code Enter} (submits the form of an input), {@code Tab}, {@code Escape},
   * {@code ArrowDown}, or one character (typed into a field).
   *
   * @param selector the element
   * @param key      the key, as {@code KeyboardEvent.key} names it
   * @return this session
   */
  BrowserSession press(String selector, String key);

  /**
   * Makes sure a checkbox or radio is checked (clicking it if it is not). A label checks its control; an element
   * with role {@code checkbox}, {@code radio} or {@code switch} and {@code aria-checked} counts too. Any other
   * element fails the iteration with kind {@code not_checkable}.
   *
   * @param selector the checkbox or radio
   * @return this session
   */
  BrowserSession check(String selector);

  /**
   * Makes sure a checkbox is unchecked (clicking it if it is checked); a radio button, or an element that cannot be
   * checked, fails the iteration with kind {@code not_checkable}.
   *
   * @param selector the checkbox
   * @return this session
   */
  BrowserSession uncheck(String selector);

  /**
   * Selects options of a {@code select} by value or, failing that, by label; the others are deselected.
   *
   * @param selector the select
   * @param values   one value (or several for a {@code multiple} select)
   * @return this session
   */
  BrowserSession select(String selector, String... values);

  /** @param selector the element @return this session, after focusing it */
  BrowserSession focus(String selector);

  /** @param selector the element @return this session, after removing focus from it */
  BrowserSession blur(String selector);

  /** @param selector the element @return this session, after moving the pointer over it */
  BrowserSession hover(String selector);

  /**
   * Drags one element onto another.
   *
   * @param source what to drag
   * @param target where to drop it
   * @return this session
   */
  BrowserSession dragAndDrop(String source, String target);

  /** @param selector a form, or an element in one @return this session, after submitting the form */
  BrowserSession submitForm(String selector);

  /** @param selector the element @return this session, once an element matches and is visible */
  BrowserSession waitFor(String selector);

  /**
   * Waits until the selector reaches a state.
   *
   * @param selector the element
   * @param state    attached, detached, visible or hidden
   * @return this session
   */
  BrowserSession waitFor(String selector, WaitState state);

  /**
   * Waits until an element matching the selector contains a text.
   *
   * @param selector the element
   * @param text     text it must contain
   * @return this session
   */
  BrowserSession waitForText(String selector, String text);

  /**
   * Waits until the page's URL matches a glob, across navigations and history changes.
   *
   * @param glob a glob over the absolute URL ({@code **} any characters, {@code *} any but {@code /}); one starting
   *             with {@code /} is relative to the base URL
   * @return this session
   */
  BrowserSession waitForUrl(String glob);

  /**
   * Waits until the page's URL matches a regular expression (searched, not anchored).
   *
   * @param regex the expression, in the JavaScript flavor
   * @return this session
   */
  BrowserSession waitForUrl(Pattern regex);

  /** @return this session, once every Phoenix LiveView on the page has joined and mounted ({@code phx-connected}) */
  BrowserSession waitForLiveView();

  /**
   * Waits until a LiveView loading class ({@code phx-click-loading}, ...) appeared on an element and cleared: the
   * server handled the event and the reply was applied. Its time is the loading span's, as the page saw it: from
   * the moment LiveView added the class (as it sent the event) to its removal.
   *
   * @param kind     which loading class
   * @param selector the element that sent the event (or one LiveView marked for it, such as the form of a submit)
   * @return this session
   */
  BrowserSession waitForLoading(Loading kind, String selector);

  /**
   * Waits until the page settled: an event of this kind began after the previous action started, and no element
   * carries the loading class any more (every LiveView on the page handled its events of this kind). Its time runs
   * from the first such span's start to the last one's end.
   *
   * <pre>{@code
   * b.click("#save").waitForLoading(Loading.CLICK);   // whatever element LiveView marked
   * }</pre>
   *
   * @param kind which loading class
   * @return this session
   */
  BrowserSession waitForLoading(Loading kind);

  /**
   * Evaluates JavaScript in the page and returns its JSON-like result (null, Boolean, Number, String, List, Map).
   *
   * @param script an expression ({@code document.title}) or a function expression ({@code () => 1 + 1})
   * @return the result
   */
  Object evaluate(String script);

  /**
   * Evaluates a function expression with an argument.
   *
   * @param script a function expression, e.g. {@code n => n * 2}
   * @param arg    a JSON-like argument
   * @return the result
   */
  Object evaluate(String script, Object arg);

  /** @param file where to write a PNG of the viewport @return this session */
  BrowserSession screenshot(Path file);

  /**
   * A named, timed transaction of browser actions (see {@code User.step}), timed by the page's clock (see "Timing"
   * above).
   *
   * @param name step name, not blank
   * @param body the actions
   * @return this session
   */
  BrowserSession step(String name, Step body);

  /** @param duration how long to pause, like a person reading @return this session */
  BrowserSession think(Duration duration);

  /**
   * @param base   mean pause
   * @param jitter fraction of {@code base} to vary by, in [0, 1]
   * @return this session
   */
  BrowserSession think(Duration base, double jitter);

  /** @param selector the element @return its text content, or null after an earlier failure */
  String text(String selector);

  /** @param selector the element @return its inner HTML */
  String innerHtml(String selector);

  /**
   * @param selector the element
   * @param name     attribute name
   * @return the attribute's value, null when absent
   */
  String attribute(String selector, String name);

  /** @param selector an input, textarea or select @return its value */
  String inputValue(String selector);

  /** @param selector the element @return whether an element matches and is visible now (does not wait) */
  boolean isVisible(String selector);

  /**
   * @param selector a checkbox or radio (or an element with role checkbox, radio or switch and {@code aria-checked})
   * @return whether it is checked; any other element fails the iteration with kind {@code not_checkable}
   */
  boolean isChecked(String selector);

  /** @return the page's current URL */
  String url();

  /** @return the page's title ({@code document.title}), or null after an earlier failure */
  String title();

  /** @return the page's HTML as it is now, doctype included, or null after an earlier failure */
  String content();

  /**
   * Reads a value and keeps it in a user variable.
   *
   * @param variable the variable's name
   * @param what     what to read
   * @return this session
   */
  BrowserSession save(String variable, Extract what);

  /** @return a snapshot of this user's cookies and local and session storage, to restore into other users */
  StorageState storageState();

  /**
   * Starts over from a storage snapshot: the user's context is replaced by one holding the snapshot's cookies
   * and storage (free when called before the first action).
   *
   * @param state the snapshot
   * @return this session
   */
  BrowserSession restore(StorageState state);

  /** @return this session, once every queued action ran (throws the first failure, if any) */
  BrowserSession sync();

  /**
   * The body of a browser step.
   *
   * @since 0.1
   */
  @FunctionalInterface
  interface Step {
    /**
     * @param browser the user's browser
     * @throws Exception to fail the step and the iteration
     */
    void run(BrowserSession browser) throws Exception;
  }
}
