package dev.liveload.browser;

/**
 * When a navigation counts as done.
 *
 * @since 0.1
 */
public enum WaitUntil {
  /** The {@code load} event: the document and its images, styles and scripts arrived. The default. */
  LOAD,
  /** The {@code DOMContentLoaded} event: the document was parsed, deferred scripts ran. */
  DOM_CONTENT_LOADED
}
