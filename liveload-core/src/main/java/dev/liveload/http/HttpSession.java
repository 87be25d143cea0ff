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
 * <p>URLs are absolute, or relative to the run's base URL. A URL goes out as browsers send it: characters that
 * may not appear in a URL (spaces, non-ASCII letters, {@code " < > \ ^ ` { | }}) are percent-encoded as UTF-8,
 * existing {@code %XX} escapes are kept, and the fragment ({@code #...}) is never sent; a URL that cannot be sent
 * (a line break in it, a port outside 1-65535, no host) fails its iteration with kind {@code url} before anything
 * is sent. Values are best given to {@link HttpRequest#query}, which encodes them as form values.
 *
 * <p>When a kept-alive connection fails under a request (the server closed it), the request is sent once more on
 * a new connection only if that is safe: its method is idempotent (GET, HEAD, OPTIONS, TRACE, PUT, DELETE) or it
 * carries an {@code Idempotency-Key} header. Each such retry is counted in the result's {@code http.retries}. A
 * POST or PATCH fails instead (kind {@code io}), since the server may have acted on it; a connection that sat
 * idle for 200 ms or more is checked before such a request goes on it, so a connection the server closed while
 * the user was thinking is replaced before anything is sent.
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
