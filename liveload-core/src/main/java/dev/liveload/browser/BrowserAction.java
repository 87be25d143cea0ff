package dev.liveload.browser;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One thing a browser user does, as the {@link BrowserSession} DSL hands it to a {@link BrowserPage}: the
 * vocabulary a {@link BrowserConnection} implements. Users never build these; implementations switch over them
 * (the interface is sealed, so a {@code switch} is checked for completeness).
 *
 * <pre>{@code
 * switch (action) {
 *   case BrowserAction.Click c -> dispatchClick(c.selector());
 *   case BrowserAction.Navigate n -> navigate(n.url(), n.waitUntil());
 *   // ...
 * }
 * }</pre>
 *
 * <p>Selectors are CSS selectors, or {@code text=Some text} (an element whose own text contains it, innermost
 * first), or {@code xpath=//...}. Actions that target an element wait (up to the action timeout) until one matches
 * and is actionable: attached, visible, enabled and, for typing, editable.
 *
 * @since 0.1
 */
public sealed interface BrowserAction {

  /** @return the action's name in results: the {@code method} tag of {@code browser.action.duration} */
  String name();

  /** Goes to an absolute URL. @param url absolute URL @param waitUntil when it counts as done */
  record Navigate(String url, WaitUntil waitUntil) implements BrowserAction {
    public Navigate {
      Objects.requireNonNull(url, "url");
      Objects.requireNonNull(waitUntil, "waitUntil");
    }

    @Override
    public String name() {
      return "navigate";
    }
  }

  /** Reloads the page. @param waitUntil when it counts as done */
  record Reload(WaitUntil waitUntil) implements BrowserAction {
    public Reload {
      Objects.requireNonNull(waitUntil, "waitUntil");
    }

    @Override
    public String name() {
      return "reload";
    }
  }

  /** Clicks the element's center. @param selector the element */
  record Click(String selector) implements BrowserAction {
    public Click {
      Selectors.require(selector);
    }

    @Override
    public String name() {
      return "click";
    }
  }

  /** Replaces an input's value as if typed, firing {@code input} and {@code change}. */
  record Fill(String selector, String value) implements BrowserAction {
    public Fill {
      Selectors.require(selector);
      Objects.requireNonNull(value, "value");
    }

    @Override
    public String name() {
      return value.isEmpty() ? "clear" : "fill";
    }
  }

  /** Presses a key on the element ({@code Enter}, {@code Tab}, {@code a}, {@code ArrowDown}, ...). */
  record Press(String selector, String key) implements BrowserAction {
    public Press {
      Selectors.require(selector);
      if (key == null || key.isEmpty()) {
        throw new IllegalArgumentException("key must not be empty");
      }
    }

    @Override
    public String name() {
      return "press";
    }
  }

  /** Checks or unchecks a checkbox or radio (clicking it when it is in the other state). */
  record Check(String selector, boolean checked) implements BrowserAction {
    public Check {
      Selectors.require(selector);
    }

    @Override
    public String name() {
      return checked ? "check" : "uncheck";
    }
  }

  /** Selects options of a select by value or label (every other option is deselected). */
  record Select(String selector, List<String> values) implements BrowserAction {
    public Select {
      Selectors.require(selector);
      values = List.copyOf(values);
    }

    @Override
    public String name() {
      return "select";
    }
  }

  /** Focuses the element. */
  record Focus(String selector) implements BrowserAction {
    public Focus {
      Selectors.require(selector);
    }

    @Override
    public String name() {
      return "focus";
    }
  }

  /** Removes focus from the element. */
  record Blur(String selector) implements BrowserAction {
    public Blur {
      Selectors.require(selector);
    }

    @Override
    public String name() {
      return "blur";
    }
  }

  /** Moves the pointer over the element. */
  record Hover(String selector) implements BrowserAction {
    public Hover {
      Selectors.require(selector);
    }

    @Override
    public String name() {
      return "hover";
    }
  }

  /** Drags one element onto another (pointer events and HTML drag and drop). */
  record DragAndDrop(String source, String target) implements BrowserAction {
    public DragAndDrop {
      Selectors.require(source);
      Selectors.require(target);
    }

    @Override
    public String name() {
      return "dragAndDrop";
    }
  }

  /** Submits a form (the element, or the form it is in) as its submit button would. */
  record SubmitForm(String selector) implements BrowserAction {
    public SubmitForm {
      Selectors.require(selector);
    }

    @Override
    public String name() {
      return "submitForm";
    }
  }

  /** Waits until the selector reaches a state. */
  record WaitFor(String selector, WaitState state) implements BrowserAction {
    public WaitFor {
      Selectors.require(selector);
      Objects.requireNonNull(state, "state");
    }

    @Override
    public String name() {
      return "waitFor";
    }
  }

  /** Waits until an element matching the selector contains the text. */
  record WaitForText(String selector, String text) implements BrowserAction {
    public WaitForText {
      Selectors.require(selector);
      Objects.requireNonNull(text, "text");
    }

    @Override
    public String name() {
      return "waitForText";
    }
  }

  /**
   * Waits until the page's URL matches, across navigations and history changes.
   *
   * @param pattern a glob ({@code **}, {@code *}, {@code ?}) over the absolute URL, or a regular expression
   * @param regex   whether {@code pattern} is a regular expression (JavaScript flavor, searched, not anchored)
   */
  record WaitForUrl(String pattern, boolean regex) implements BrowserAction {
    public WaitForUrl {
      Objects.requireNonNull(pattern, "pattern");
    }

    @Override
    public String name() {
      return "waitForUrl";
    }
  }

  /** Waits until every LiveView root on the page has joined and mounted ({@code phx-connected}). */
  record WaitForLiveView() implements BrowserAction {
    @Override
    public String name() {
      return "waitForLiveView";
    }
  }

  /**
   * Waits until a LiveView loading class appeared on the element and cleared again. A span that began after the
   * previous action started counts, even if it already ended: its duration is the span's. Without a selector (null),
   * waits until an event of the kind began after the previous action started and nothing on the page carries the
   * class any more; its duration runs from the first such span's start to the last one's end.
   *
   * @param kind     the loading class
   * @param selector the element that sent the event, or null for the whole page
   */
  record WaitForLoading(Loading kind, String selector) implements BrowserAction {
    public WaitForLoading {
      Objects.requireNonNull(kind, "kind");
      if (selector != null) {
        Selectors.require(selector);
      }
    }

    @Override
    public String name() {
      return "waitForLoading";
    }
  }

  /**
   * Evaluates a JavaScript expression in the page; a function expression is called with {@code arg}; a promise is
   * awaited. The result must be JSON-like (null, boolean, number, string, arrays, plain objects).
   */
  record Evaluate(String script, Object arg) implements BrowserAction {
    public Evaluate {
      if (script == null || script.isBlank()) {
        throw new IllegalArgumentException("script must not be blank");
      }
    }

    @Override
    public String name() {
      return "evaluate";
    }
  }

  /** Saves a PNG of the viewport. */
  record Screenshot(Path file) implements BrowserAction {
    public Screenshot {
      Objects.requireNonNull(file, "file");
    }

    @Override
    public String name() {
      return "screenshot";
    }
  }

  /** Reads a value; its result's {@link ActionResult#value()} holds it. */
  record Read(Extract what) implements BrowserAction {
    public Read {
      Objects.requireNonNull(what, "what");
    }

    @Override
    public String name() {
      return "read";
    }
  }

  /** Takes a snapshot of the context's cookies and storage; the result's value is its JSON (a String). */
  record SnapshotStorage() implements BrowserAction {
    @Override
    public String name() {
      return "storageState";
    }
  }
}
