package dev.liveload.browser;

/**
 * How one {@link BrowserAction} ended, as a {@link BrowserPage} reports it. Durations are timed in the page (or as
 * close to it as the implementation can), not on the thread that waited.
 *
 * <pre>{@code
 * ActionResult.ok(1_850, "/cart", null);                                     // took 1.85 ms
 * ActionResult.failed(30_000_000, "/cart", ActionResult.TIMEOUT, "#total never became visible");
 * }</pre>
 *
 * @param durationMicros how long it took, in µs, >= 0
 * @param url            the page's URL when the action ended (raw; LiveLoad templates it), or null
 * @param value          the value read or evaluated (null, Boolean, Number, String, List, Map), or null
 * @param failure        the failure kind (one of the constants here, or an implementation's own), null on success
 * @param message        what went wrong, for the error groups; null on success
 * @since 0.1
 */
public record ActionResult(long durationMicros, String url, Object value, String failure, String message) {

  /** A wait whose condition did not hold within the action timeout. */
  public static final String TIMEOUT = "timeout";
  /** No element matched the action's selector within the action timeout. */
  public static final String SELECTOR_NOT_FOUND = "selector_not_found";
  /** An element matched but stayed hidden, disabled or covered within the action timeout. */
  public static final String NOT_ACTIONABLE = "not_actionable";
  /**
   * {@code check}, {@code uncheck} or {@code isChecked} on an element that cannot be checked (not a checkbox or
   * radio, nor an element with a checkable ARIA role), or {@code uncheck} on a radio button.
   */
  public static final String NOT_CHECKABLE = "not_checkable";
  /** The selector is not valid. */
  public static final String INVALID_SELECTOR = "invalid_selector";
  /** A navigation failed (network error) or did not complete. */
  public static final String NAVIGATION = "navigation";
  /** A navigation's document came back with status 400 or above. */
  public static final String STATUS = "status";
  /** An evaluated script threw, or its result could not be returned. */
  public static final String SCRIPT = "script";
  /** The page's renderer crashed or the page was closed under the action. */
  public static final String PAGE_CRASHED = "page_crashed";
  /** The whole browser went away (crash, killed process). */
  public static final String BROWSER_CRASHED = "browser_crashed";
  /** The waiting thread was interrupted (iteration timeout, end of the run). */
  public static final String INTERRUPTED = "interrupted";

  /**
   * A successful result.
   *
   * @param durationMicros how long, in µs
   * @param url            the page URL, or null
   * @param value          the value, or null
   * @return the result
   */
  public static ActionResult ok(long durationMicros, String url, Object value) {
    return new ActionResult(durationMicros, url, value, null, null);
  }

  /**
   * A failed result.
   *
   * @param durationMicros how long until it failed, in µs
   * @param url            the page URL, or null
   * @param failure        the failure kind, not null
   * @param message        what went wrong
   * @return the result
   */
  public static ActionResult failed(long durationMicros, String url, String failure, String message) {
    return new ActionResult(durationMicros, url, null, java.util.Objects.requireNonNull(failure, "failure"),
        message);
  }

  /** @return true when the action succeeded */
  public boolean ok() {
    return failure == null;
  }
}
