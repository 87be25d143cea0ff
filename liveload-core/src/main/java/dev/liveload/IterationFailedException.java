package dev.liveload;

/**
 * Ends the current iteration as failed. LiveLoad throws it when a request fails (connect, timeout, ...) or a
 * check fails, and has already recorded the failure, with its kind, by the time scenario code sees it. Scenario
 * code may catch it to carry on (the failure stays recorded), or throw one through {@link User#fail(String)}.
 *
 * <pre>{@code
 * try {
 *   user.http().get("/optional-banner").check(status(200));
 * } catch (IterationFailedException e) {
 *   // recorded as failed; the journey goes on without the banner
 * }
 * }</pre>
 *
 * @since 0.1
 */
public class IterationFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String kind;

  /**
   * @param kind    error kind, e.g. {@code "check"}, {@code "connect"}
   * @param message what went wrong
   * @param cause   the underlying exception, or null
   */
  public IterationFailedException(String kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  /** @return the error kind, e.g. {@code "check"}, {@code "connect"}, {@code "timeout"} */
  public String kind() {
    return kind;
  }
}
