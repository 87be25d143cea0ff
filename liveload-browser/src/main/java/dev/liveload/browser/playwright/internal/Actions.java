package dev.liveload.browser.playwright.internal;

import dev.liveload.browser.BrowserAction;
import java.util.LinkedHashMap;
import java.util.Map;

/** Turns actions into what the in-page runner ({@code runtime.js}) executes. */
final class Actions {
  private Actions() {}

  /** Whether the owner performs it with a Playwright call (the runner stops there and reports {@code host}). */
  static boolean host(BrowserAction a) {
    return a instanceof BrowserAction.Screenshot || a instanceof BrowserAction.SnapshotStorage
        || a instanceof BrowserAction.Evaluate;
  }

  static boolean navigation(BrowserAction a) {
    return a instanceof BrowserAction.Navigate || a instanceof BrowserAction.Reload;
  }

  /** The runner's form of an action; {@code timeoutMillis} bounds its in-page wait. */
  static Map<String, Object> toJs(int id, BrowserAction action, long timeoutMillis) {
    var m = new LinkedHashMap<String, Object>();
    m.put("id", id);
    m.put("timeout", (int) Math.min(Integer.MAX_VALUE, timeoutMillis)); // Playwright does not pass longs
    switch (action) {
      case BrowserAction.Navigate n -> {
        m.put("op", "navigate");
        m.put("url", n.url());
      }
      case BrowserAction.Reload r -> {
        m.put("op", "navigate");
        m.put("reload", true);
      }
      case BrowserAction.Click c -> op(m, "click", c.selector());
      case BrowserAction.Fill f -> {
        op(m, "fill", f.selector());
        m.put("value", f.value());
      }
      case BrowserAction.Press p -> {
        op(m, "press", p.selector());
        m.put("key", p.key());
      }
      case BrowserAction.Check c -> {
        op(m, "check", c.selector());
        m.put("checked", c.checked());
      }
      case BrowserAction.Select s -> {
        op(m, "select", s.selector());
        m.put("values", s.values());
      }
      case BrowserAction.Focus f -> op(m, "focus", f.selector());
      case BrowserAction.Blur b -> op(m, "blur", b.selector());
      case BrowserAction.Hover h -> op(m, "hover", h.selector());
      case BrowserAction.DragAndDrop d -> {
        op(m, "drag", d.source());
        m.put("target", d.target());
      }
      case BrowserAction.SubmitForm s -> op(m, "submit", s.selector());
      case BrowserAction.WaitFor w -> {
        op(m, "waitFor", w.selector());
        m.put("state", w.state().name());
      }
      case BrowserAction.WaitForText w -> {
        op(m, "waitForText", w.selector());
        m.put("text", w.text());
      }
      case BrowserAction.WaitForUrl w -> {
        m.put("op", "waitForUrl");
        m.put("pattern", w.pattern());
        m.put("regex", w.regex() ? w.pattern() : globToRegex(w.pattern()));
      }
      case BrowserAction.WaitForLiveView w -> m.put("op", "waitForLiveView");
      case BrowserAction.WaitForLoading w -> {
        op(m, "waitForLoading", w.selector());
        m.put("kind", w.kind().kind());
      }
      case BrowserAction.Read r -> {
        m.put("op", "read");
        m.put("what", r.what().kind().name());
        m.put("selector", r.what().selector());
        m.put("attribute", r.what().attribute());
      }
      case BrowserAction.Evaluate e -> m.put("op", "host");
      case BrowserAction.Screenshot s -> m.put("op", "host");
      case BrowserAction.SnapshotStorage s -> m.put("op", "host");
    }
    return m;
  }

  private static void op(Map<String, Object> m, String op, String selector) {
    m.put("op", op);
    m.put("selector", selector);
  }

  /**
   * A URL glob as a regular expression over the whole URL: {@code **} any characters, {@code *} any but
   * {@code /}, {@code ?} one character; anything else literal.
   */
  static String globToRegex(String glob) {
    var sb = new StringBuilder("^");
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == '*') {
        if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
          sb.append(".*");
          i++;
        } else {
          sb.append("[^/]*");
        }
      } else if (c == '?') {
        sb.append('.');
      } else if ("\\^$.|+()[]{}/".indexOf(c) >= 0) {
        sb.append('\\').append(c);
      } else {
        sb.append(c);
      }
    }
    return sb.append('$').toString();
  }
}
