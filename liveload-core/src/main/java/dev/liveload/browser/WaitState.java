package dev.liveload.browser;

/**
 * What {@link BrowserSession#waitFor(String, WaitState)} waits for, as Playwright defines it.
 *
 * @since 0.1
 */
public enum WaitState {
  /** An element matches the selector. */
  ATTACHED,
  /** No element matches the selector. */
  DETACHED,
  /** An element matches and is visible: a non-empty box and not {@code visibility: hidden}. The default. */
  VISIBLE,
  /** No element matches, or none of the matching ones is visible. */
  HIDDEN
}
