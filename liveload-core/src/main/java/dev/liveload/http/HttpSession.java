package dev.liveload.http;

/**
 * A virtual user's HTTP client: its own keep-alive connections (one per origin) and cookie jar, kept across
 * iterations. Requests are built fluently and sent by {@link HttpRequest#send()} or {@link HttpRequest#check}.
 * Obtained from {@link dev.liveload.User#http()}; used only by that user's thread.
 *
 * <pre>{@code
 * HttpSession http = user.http();
 * String token = http.post("/login").json(Map.of("user", "alice")).check(status(200))
 *     .extract(jsonPath("$.token"));
 * http.get("/orders").header("Authorization", "Bearer " + token).check(status(200));
 * }</pre>
 *
 * <p>URLs are absolute, or relative to the run's base URL.
 *
 * @since 0.1
 */
public interface HttpSession {

  /** @param url absolute or relative URL @return a GET request */
  HttpRequest get(String url);

  /** @param url absolute or relative URL @return a POST request */
  HttpRequest post(String url);

  /** @param url absolute or relative URL @return a PUT request */
  HttpRequest put(String url);

  /** @param url absolute or relative URL @return a PATCH request */
  HttpRequest patch(String url);

  /** @param url absolute or relative URL @return a DELETE request */
  HttpRequest delete(String url);

  /** @param url absolute or relative URL @return a HEAD request */
  HttpRequest head(String url);

  /**
   * A request with any method.
   *
   * @param method HTTP method, e.g. {@code OPTIONS}
   * @param url    absolute or relative URL
   * @return the request
   */
  HttpRequest request(String method, String url);

  /**
   * A cookie this user holds for a URL.
   *
   * @param url  absolute or relative URL the cookie would be sent to
   * @param name cookie name
   * @return its value, or null when the user holds no such cookie
   */
  String cookie(String url, String name);

  /**
   * Sets a cookie as if the server at {@code url} had sent it.
   *
   * @param url   absolute or relative URL of the origin
   * @param name  cookie name
   * @param value cookie value
   */
  void addCookie(String url, String name, String value);

  /** Forgets every cookie this user holds. */
  void clearCookies();

  /** Closes this user's connections (the next request opens a new one). */
  void closeConnections();
}
