package dev.liveload.browser;

import java.util.Locale;

/**
 * A Phoenix LiveView loading state: the {@code phx-*-loading} class LiveView puts on an element while the server
 * handles the event the element sent, and removes when the reply has been applied.
 *
 * <pre>{@code
 * user.browser()
 *     .click("#add")
 *     .waitForLoading(Loading.CLICK, "#add");   // phx-click-loading appeared on #add, then cleared
 * }</pre>
 *
 * @since 0.1
 */
public enum Loading {
  /** {@code phx-click-loading}: a {@code phx-click} event. */
  CLICK,
  /** {@code phx-change-loading}: a form's {@code phx-change} event. */
  CHANGE,
  /** {@code phx-submit-loading}: a form's {@code phx-submit} event. */
  SUBMIT,
  /** {@code phx-keydown-loading}. */
  KEYDOWN,
  /** {@code phx-keyup-loading}. */
  KEYUP,
  /** {@code phx-blur-loading}. */
  BLUR,
  /** {@code phx-focus-loading}. */
  FOCUS,
  /** {@code phx-hook-loading}: a hook's {@code pushEvent}. */
  HOOK;

  /** @return the CSS class LiveView uses, e.g. {@code phx-click-loading} */
  public String cssClass() {
    return "phx-" + kind() + "-loading";
  }

  /** @return the kind as LiveView names it, e.g. {@code click}; the {@code method} tag of {@code liveview.loading} */
  public String kind() {
    return name().toLowerCase(Locale.ROOT);
  }
}
