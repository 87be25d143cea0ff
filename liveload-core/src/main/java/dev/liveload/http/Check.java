package dev.liveload.http;

/**
 * A condition on a response. Make them with {@link Http}'s factories, or as a lambda that returns null when the
 * response passes and otherwise says what was wrong.
 *
 * <pre>{@code
 * Check hasItems = r -> r.body().contains("\"items\":[]") ? "cart is empty" : null;
 * user.http().get("/cart").check(status(200), hasItems);
 * }</pre>
 *
 * @since 0.1
 */
@FunctionalInterface
public interface Check {
  /**
   * @param response the response
   * @return null when it passes, otherwise what was wrong (shown in the error)
   */
  String verify(HttpResponse response);
}
