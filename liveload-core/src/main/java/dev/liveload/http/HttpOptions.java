package dev.liveload.http;

import dev.liveload.InvalidOptionException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Settings of every HTTP user in a run. Immutable; each setter returns a copy. Defaults match what browsers and
 * other load tools do.
 *
 * <pre>{@code
 * HttpOptions http = HttpOptions.defaults()
 *     .connectTimeout(Duration.ofSeconds(5))
 *     .responseTimeout(Duration.ofSeconds(30))
 *     .header("X-Test-Run", "nightly")
 *     .trustAllCertificates(true);        // a test server with a self-signed certificate
 * }</pre>
 *
 * @since 0.1
 */
public final class HttpOptions {
  private static final Duration MAX_TIMEOUT = Duration.ofHours(1);

  private final Duration connectTimeout;
  private final Duration responseTimeout;
  private final boolean followRedirects;
  private final int maxRedirects;
  private final boolean trustAllCertificates;
  private final boolean decompress;
  private final String userAgent;
  private final Map<String, String> headers;

  private HttpOptions(Duration connectTimeout, Duration responseTimeout, boolean followRedirects, int maxRedirects,
      boolean trustAllCertificates, boolean decompress, String userAgent, Map<String, String> headers) {
    this.connectTimeout = connectTimeout;
    this.responseTimeout = responseTimeout;
    this.followRedirects = followRedirects;
    this.maxRedirects = maxRedirects;
    this.trustAllCertificates = trustAllCertificates;
    this.decompress = decompress;
    this.userAgent = userAgent;
    this.headers = Map.copyOf(headers);
  }

  /**
   * Connect timeout 10 s, response timeout 60 s, redirects followed (at most 10), certificates verified, gzip and
   * deflate accepted and decoded, User-Agent {@code LiveLoad/0.1}.
   *
   * @return the defaults
   */
  public static HttpOptions defaults() {
    return new HttpOptions(Duration.ofSeconds(10), Duration.ofSeconds(60), true, 10, false, true, "LiveLoad/0.1",
        Map.of());
  }

  /**
   * @param timeout time to open a connection (TCP and TLS), in (0, 1h]
   * @return a copy
   */
  public HttpOptions connectTimeout(Duration timeout) {
    return new HttpOptions(bounded("http.connectTimeout", timeout), responseTimeout, followRedirects, maxRedirects,
        trustAllCertificates, decompress, userAgent, headers);
  }

  /**
   * @param timeout longest wait for response bytes, in (0, 1h]; a request may override it
   * @return a copy
   */
  public HttpOptions responseTimeout(Duration timeout) {
    return new HttpOptions(connectTimeout, bounded("http.responseTimeout", timeout), followRedirects, maxRedirects,
        trustAllCertificates, decompress, userAgent, headers);
  }

  /**
   * @param follow whether 3xx responses with a Location are followed (each hop is recorded as a request)
   * @return a copy
   */
  public HttpOptions followRedirects(boolean follow) {
    return new HttpOptions(connectTimeout, responseTimeout, follow, maxRedirects, trustAllCertificates, decompress,
        userAgent, headers);
  }

  /**
   * @param max most redirects followed for one request, in [0, 50]; past it the request fails
   * @return a copy
   */
  public HttpOptions maxRedirects(int max) {
    if (max < 0 || max > 50) {
      throw new InvalidOptionException("http.maxRedirects", max, "must be between 0 and 50");
    }
    return new HttpOptions(connectTimeout, responseTimeout, followRedirects, max, trustAllCertificates, decompress,
        userAgent, headers);
  }

  /**
   * Trusts any server certificate and skips host name checks. Only for test servers with self-signed
   * certificates.
   *
   * @param trustAll whether to trust every certificate
   * @return a copy
   */
  public HttpOptions trustAllCertificates(boolean trustAll) {
    return new HttpOptions(connectTimeout, responseTimeout, followRedirects, maxRedirects, trustAll, decompress,
        userAgent, headers);
  }

  /**
   * @param decompress whether to send {@code Accept-Encoding: gzip, deflate} and decode such bodies
   * @return a copy
   */
  public HttpOptions decompress(boolean decompress) {
    return new HttpOptions(connectTimeout, responseTimeout, followRedirects, maxRedirects, trustAllCertificates,
        decompress, userAgent, headers);
  }

  /**
   * @param userAgent the User-Agent header, not blank
   * @return a copy
   */
  public HttpOptions userAgent(String userAgent) {
    if (userAgent == null || userAgent.isBlank()) {
      throw new InvalidOptionException("http.userAgent", userAgent, "must not be blank");
    }
    return new HttpOptions(connectTimeout, responseTimeout, followRedirects, maxRedirects, trustAllCertificates,
        decompress, userAgent, headers);
  }

  /**
   * Adds a header sent with every request; placeholders ({@code "Bearer {{token}}"}) are expanded per request
   * with the user's variables and feeder rows.
   *
   * @param name  header name, not blank
   * @param value header value, not null; placeholder syntax is checked now
   * @return a copy
   */
  public HttpOptions header(String name, String value) {
    if (name == null || name.isBlank() || value == null) {
      throw new InvalidOptionException("http.header", name + ": " + value, "needs a name and a value");
    }
    try {
      dev.liveload.internal.data.Templates.check(value);
    } catch (dev.liveload.internal.data.Templates.TemplateException e) {
      throw new InvalidOptionException("http.header", name + ": " + value, e.getMessage());
    }
    var next = new LinkedHashMap<>(headers);
    next.put(name, value);
    return new HttpOptions(connectTimeout, responseTimeout, followRedirects, maxRedirects, trustAllCertificates,
        decompress, userAgent, next);
  }

  /** @return the connect timeout */
  public Duration connectTimeout() {
    return connectTimeout;
  }

  /** @return the response timeout */
  public Duration responseTimeout() {
    return responseTimeout;
  }

  /** @return whether redirects are followed */
  public boolean followRedirects() {
    return followRedirects;
  }

  /** @return the most redirects followed */
  public int maxRedirects() {
    return maxRedirects;
  }

  /** @return whether every certificate is trusted */
  public boolean trustAllCertificates() {
    return trustAllCertificates;
  }

  /** @return whether bodies are decompressed */
  public boolean decompress() {
    return decompress;
  }

  /** @return the User-Agent */
  public String userAgent() {
    return userAgent;
  }

  /** @return headers sent with every request */
  public Map<String, String> headers() {
    return headers;
  }

  /** @return these options as plain values, for the result's metadata */
  public Map<String, Object> describe() {
    var m = new LinkedHashMap<String, Object>();
    m.put("connectTimeout", connectTimeout.toString());
    m.put("responseTimeout", responseTimeout.toString());
    m.put("followRedirects", followRedirects);
    m.put("maxRedirects", maxRedirects);
    m.put("trustAllCertificates", trustAllCertificates);
    m.put("decompress", decompress);
    m.put("userAgent", userAgent);
    return m;
  }

  static Duration bounded(String option, Duration d) {
    if (d == null || d.isNegative() || d.isZero() || d.compareTo(MAX_TIMEOUT) > 0) {
      throw new InvalidOptionException(option, d, "must be a duration > 0 and <= " + MAX_TIMEOUT);
    }
    return d;
  }
}
