package dev.liveload.browser;

/**
 * No browser could be found or launched. The message says where LiveLoad looked and how to fix it (install a
 * browser, or point {@link BrowserOptions#executable} or {@code LIVELOAD_BROWSER} at one).
 *
 * <pre>{@code
 * try {
 *   LiveLoad.run(options);
 * } catch (BrowserUnavailableException e) {
 *   System.err.println(e.getMessage());   // "no Chromium found: looked in ...; install ..."
 * }
 * }</pre>
 *
 * @since 0.1
 */
public class BrowserUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** @param message what was tried and how to fix it */
  public BrowserUnavailableException(String message) {
    super(message);
  }

  /** @param message what was tried and how to fix it @param cause the launch failure */
  public BrowserUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
