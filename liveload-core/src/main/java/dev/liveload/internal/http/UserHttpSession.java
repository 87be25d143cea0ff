package dev.liveload.internal.http;

import dev.liveload.IterationFailedException;
import dev.liveload.http.Check;
import dev.liveload.http.Extractor;
import dev.liveload.http.HttpRequest;
import dev.liveload.http.HttpSession;
import dev.liveload.internal.data.Templates;
import dev.liveload.internal.engine.UserContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import javax.net.ssl.SSLException;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.message.BasicClassicHttpRequest;
import org.apache.hc.core5.http.protocol.HttpCoreContext;

/**
 * One user's HTTP client. Owns its connections (at most one per origin, {@value #MAX_ORIGINS} origins) and its
 * cookies; used only by the user's own virtual thread, so nothing here is shared or locked.
 */
public final class UserHttpSession implements HttpSession {
  static final int MAX_ORIGINS = 16;
  private static final String DURATION = "http.duration";
  private static final String CONNECT = "http.connect";
  /** Counter: requests sent a second time on a new connection after their kept-alive one failed under them. */
  public static final String RETRIES = "http.retries";

  private final UserContext user;
  private final HttpSettings settings;
  private final Map<Origin, HttpConnection> connections = new HashMap<>(4);
  private final HttpCoreContext context = HttpCoreContext.create();
  private CookieManager cookies;
  private byte[] buffer = new byte[8192];
  private ResponseImpl pending;
  private RequestImpl unsent;

  public UserHttpSession(UserContext user, HttpSettings settings) {
    this.user = user;
    this.settings = settings;
  }

  // ---- building --------------------------------------------------------------------------------------------

  @Override
  public HttpRequest get(String url) {
    return request("GET", url);
  }

  @Override
  public HttpRequest post(String url) {
    return request("POST", url);
  }

  @Override
  public HttpRequest put(String url) {
    return request("PUT", url);
  }

  @Override
  public HttpRequest patch(String url) {
    return request("PATCH", url);
  }

  @Override
  public HttpRequest delete(String url) {
    return request("DELETE", url);
  }

  @Override
  public HttpRequest head(String url) {
    return request("HEAD", url);
  }

  @Override
  public HttpRequest request(String method, String url) {
    if (method == null || method.isBlank()) {
      throw new IllegalArgumentException("HTTP method must not be blank");
    }
    if (url == null) {
      throw new IllegalArgumentException("URL must not be null");
    }
    checkUnsent();
    String rendered = user.render(url); // an unknown name fails here, before the request exists
    var r = new RequestImpl(this, method.toUpperCase(Locale.ROOT), rendered, rendered == url ? null : url);
    unsent = r;
    return r;
  }

  /**
   * Expands placeholders in a part of {@code r}; when that fails (recorded, kind {@code template}), {@code r} is
   * dropped so that it does not count as built and never sent.
   */
  String render(RequestImpl r, String text, boolean json) {
    if (!Templates.has(text)) {
      return text;
    }
    try {
      return json ? user.renderJson(text) : user.render(text);
    } catch (RuntimeException e) {
      r.sent = true;
      if (unsent == r) {
        unsent = null;
      }
      throw e;
    }
  }

  /** Fails when a request was built and never sent: a scenario bug (a missing {@code .send()}). */
  public void checkUnsent() {
    RequestImpl r = unsent;
    if (r != null && !r.sent) {
      unsent = null;
      throw user.usageError("request " + r.describe() + " was built but never sent: end it with .send(), "
          + ".check(...) or .extract(...)");
    }
  }

  /**
   * Forgets the request being built. Called when an iteration ends: after a passed one {@link #checkUnsent()} has
   * already looked; after a failed one the request was left unsent because building it (or the code around it)
   * threw, which is that iteration's failure, not a scenario bug.
   */
  public void forgetUnsent() {
    unsent = null;
  }

  // ---- cookies -----------------------------------------------------------------------------------------------

  @Override
  public String cookie(String url, String name) {
    if (cookies == null) {
      return null;
    }
    for (HttpCookie c : cookies.getCookieStore().get(toUri(resolve(url, null, null)))) {
      if (c.getName().equals(name)) {
        return c.getValue();
      }
    }
    return null;
  }

  @Override
  public void addCookie(String url, String name, String value) {
    URI uri = toUri(resolve(url, null, null));
    HttpCookie c = new HttpCookie(name, value);
    c.setPath("/");
    c.setVersion(0);
    String host = uri.getHost();
    c.setDomain(host.contains(".") ? host : host + ".local");
    cookies().getCookieStore().add(uri, c);
  }

  @Override
  public void clearCookies() {
    if (cookies != null) {
      cookies.getCookieStore().removeAll();
    }
  }

  private CookieManager cookies() {
    if (cookies == null) {
      cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    }
    return cookies;
  }

  @Override
  public void closeConnections() {
    for (HttpConnection c : connections.values()) {
      c.close();
    }
    connections.clear();
  }

  /** Settles the last response and closes every connection (user stopping). */
  public void close() {
    settle();
    closeConnections();
  }

  // ---- executing ---------------------------------------------------------------------------------------------

  /** Where a request goes: origin, request target (path and query), report name. */
  private record Target(Origin origin, String pathAndQuery, String tag) {
    String url() {
      return origin + pathAndQuery;
    }
  }

  ResponseImpl execute(RequestImpl r, Check[] checks) {
    if (r.sent) {
      throw new IllegalStateException("request " + r.describe() + " was already sent; build a new one");
    }
    r.sent = true;
    if (unsent == r) {
      unsent = null;
    }
    settle();
    String step = user.step();
    Target target = resolve(r.url, r.query, r.method);
    String tag = r.name != null ? r.name : r.template != null ? templateTag(r.template, target) : target.tag();
    target = new Target(target.origin(), target.pathAndQuery(), tag);
    String method = r.method;
    byte[] body = r.body;
    String contentType = r.contentType;
    List<String> headers = r.headers;
    boolean follow = r.follow != null ? r.follow : settings.options.followRedirects();
    int timeout = r.timeoutMillis > 0 ? r.timeoutMillis : settings.responseTimeoutMillis;
    for (int hop = 0; ; hop++) {
      ResponseImpl resp = exchange(method, target, headers, body, contentType, timeout, step);
      String location = follow && isRedirect(resp.status) ? resp.header("Location") : null;
      if (location == null) {
        pending = resp;
        break;
      }
      // A redirect hop is a request of its own: counted, with its 3xx status, as a success.
      resp.recorded = true;
      user.record(DURATION, step, method, resp.urlTag, resp.status, null, resp.micros);
      if (hop >= settings.options.maxRedirects()) {
        throw user.fail("redirect", "more than " + settings.options.maxRedirects() + " redirects, last to "
            + location, method, resp.urlTag, null);
      }
      Target next = redirectTarget(target, location, method, resp.urlTag);
      if (resp.status == 303 || ((resp.status == 301 || resp.status == 302) && !method.equals("HEAD"))) {
        method = method.equals("HEAD") ? "HEAD" : "GET";
        body = null;
        contentType = null;
      }
      if (!next.origin().equals(target.origin()) && headers != null) {
        headers = withoutAuthorization(headers);
      }
      target = next;
    }
    if (checks != null) {
      applyChecks(pending, checks);
    }
    return pending;
  }

  private static boolean isRedirect(int status) {
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
  }

  private static List<String> withoutAuthorization(List<String> headers) {
    var out = new ArrayList<String>(headers.size());
    for (int i = 0; i < headers.size(); i += 2) {
      if (!headers.get(i).equalsIgnoreCase("Authorization")) {
        out.add(headers.get(i));
        out.add(headers.get(i + 1));
      }
    }
    return out;
  }

  private Target redirectTarget(Target from, String location, String method, String urlTag) {
    try {
      URI base = new URI(from.url());
      URI next = base.resolve(UrlEncoding.normalize(location));
      if (next.getScheme() == null || !(next.getScheme().equals("http") || next.getScheme().equals("https"))) {
        throw user.fail("redirect", "cannot follow redirect to " + location, method, urlTag, null);
      }
      String path = rawPathAndQuery(next);
      Origin origin = Origin.of(next);
      return new Target(origin, path, tagFor(origin, path));
    } catch (URISyntaxException | IllegalArgumentException e) {
      throw user.fail("redirect", "invalid redirect Location " + location + ": " + e.getMessage(), method, urlTag, e);
    }
  }

  private ResponseImpl exchange(String method, Target target, List<String> headers, byte[] body,
      String contentType, int timeoutMillis, String step) {
    boolean replayable = replayable(method, headers);
    HttpConnection idle = connections.get(target.origin());
    if (idle != null && !replayable && idle.closedWhileIdle()) {
      drop(idle); // found closed before anything was sent: a new connection is safe for any method
    }
    long start = System.nanoTime();
    for (int attempt = 0; ; attempt++) {
      HttpConnection c = connections.get(target.origin());
      boolean reused = c != null;
      if (c == null) {
        c = connect(target, method, start);
      }
      var request = new BasicClassicHttpRequest(method, target.origin().httpHost(), target.pathAndQuery());
      addHeaders(request, target, headers, body, contentType);
      user.beginIo(System.nanoTime() + timeoutMillis * 1_000_000L);
      boolean timedOut = false;
      try {
        ClassicHttpResponse response;
        byte[] bytes;
        try {
          response = settings.executor.execute(request, c.conn, context);
          bytes = readBody(response.getEntity(), response);
        } finally {
          timedOut = user.endIo();
        }
        long micros = (System.nanoTime() - start) / 1000;
        c.exchanged();
        if (timedOut || !keepAlive(response, c)) {
          drop(c); // an interrupt that raced the last byte may have closed the socket
        }
        Header[] responseHeaders = response.getHeaders();
        storeCookies(target, responseHeaders);
        return new ResponseImpl(this, response.getCode(), responseHeaders, bytes, target.url(), micros, method,
            target.tag(), step);
      } catch (IOException | HttpException e) {
        drop(c);
        boolean stale = !timedOut && reused && attempt == 0 && isStale(e) && user.interruptKind() == null;
        if (stale && replayable) {
          // a kept-alive connection the server had closed: once more on a new one, counted so readers see it
          user.counter(RETRIES).increment();
          continue;
        }
        long micros = (System.nanoTime() - start) / 1000;
        String kind = user.interruptKind() != null ? user.interruptKind() : timedOut ? "timeout" : classify(e);
        user.record(DURATION, step, method, target.tag(), 0, kind, micros);
        throw user.fail(kind, describe(kind, e, timeoutMillis) + (stale ? "; not retried: " + method
            + " is not idempotent and the server may have received it" : "") + " (" + method + " "
            + target.url() + ")", method, target.tag(), e);
      }
    }
  }

  private HttpConnection connect(Target target, String method, long start) {
    if (connections.size() >= MAX_ORIGINS) {
      closeConnections();
    }
    try {
      long t0 = System.nanoTime();
      HttpConnection c = HttpConnection.open(target.origin(), settings.connectTimeoutMillis,
          target.origin().https() ? settings.tls() : null, !settings.options.trustAllCertificates());
      user.record(CONNECT, user.step(), null, target.origin().toString(), 0, null, (System.nanoTime() - t0) / 1000);
      connections.put(target.origin(), c);
      return c;
    } catch (HttpConnection.ConnectFailure f) {
      IOException e = (IOException) f.getCause();
      String kind = user.interruptKind() != null ? user.interruptKind()
          : e instanceof UnknownHostException ? "dns"
          : e instanceof SSLException ? "tls"
          : "connect";
      long micros = (System.nanoTime() - start) / 1000;
      user.record(DURATION, user.step(), method, target.tag(), 0, kind, micros);
      String what = switch (kind) {
        case "dns" -> "unknown host " + target.origin().host();
        case "tls" -> "TLS handshake failed: " + e.getMessage();
        case "connect" -> (e instanceof SocketTimeoutException ? "connect timed out after "
            + settings.connectTimeoutMillis + " ms" : "could not connect: " + e.getMessage());
        default -> kind.replace('_', ' ');
      };
      throw user.fail(kind, what + " (" + method + " " + target.url() + ")", method, target.tag(), e);
    }
  }

  /**
   * Whether the connection can carry the next request: HTTP/1.1 unless the server said {@code Connection: close};
   * HTTP/1.0 only with {@code Connection: keep-alive}. (httpcore5's general strategy tokenizes every header; this
   * is the part that matters for a client that always reads the whole body.)
   */
  private static boolean keepAlive(ClassicHttpResponse response, HttpConnection c) {
    if (!c.conn.isConsistent()) {
      return false;
    }
    Header connection = response.getFirstHeader("Connection");
    String value = connection == null ? null : connection.getValue();
    var version = response.getVersion();
    boolean http10 = version != null && version.lessEquals(org.apache.hc.core5.http.HttpVersion.HTTP_1_0);
    if (value == null) {
      return !http10;
    }
    if (http10) {
      return value.regionMatches(true, 0, "keep-alive", 0, 10);
    }
    for (String token : value.split(",")) {
      if (token.trim().equalsIgnoreCase("close")) {
        return false;
      }
    }
    return true;
  }

  private void drop(HttpConnection c) {
    c.close();
    connections.remove(c.origin);
  }

  /**
   * Whether a request may be sent again when its connection failed under it: idempotent methods (RFC 9110
   * section 9.2.2: GET, HEAD, OPTIONS, TRACE, PUT, DELETE) and requests that carry an {@code Idempotency-Key}.
   */
  static boolean replayable(String method, List<String> headers) {
    return switch (method) {
      case "GET", "HEAD", "OPTIONS", "TRACE", "PUT", "DELETE" -> true;
      default -> has(headers, "Idempotency-Key");
    };
  }

  private static boolean isStale(Exception e) {
    return e instanceof NoHttpResponseException || e instanceof ConnectionClosedException
        || (e instanceof SocketException && !(e instanceof ConnectException));
  }

  private static String classify(Exception e) {
    if (e instanceof SocketTimeoutException) {
      return "timeout";
    }
    if (e instanceof InterruptedIOException) {
      return "interrupted";
    }
    if (e instanceof SSLException) {
      return "tls";
    }
    if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
      return "connect";
    }
    return "io";
  }

  private static String describe(String kind, Exception e, int timeoutMillis) {
    return switch (kind) {
      case "timeout" -> "no response within " + timeoutMillis + " ms";
      case "iteration_timeout" -> "cut off by the iteration timeout";
      case "interrupted" -> "cut off by the end of the run";
      default -> (e instanceof HttpException ? "protocol error: " : "connection error: ") + e.getMessage();
    };
  }

  private void addHeaders(BasicClassicHttpRequest request, Target target, List<String> headers, byte[] body,
      String contentType) {
    request.addHeader("Host", target.origin().authority());
    var options = settings.options;
    if (!has(headers, "User-Agent")) {
      request.addHeader("User-Agent", options.userAgent());
    }
    if (!has(headers, "Accept")) {
      request.addHeader("Accept", "*/*");
    }
    if (options.decompress() && !has(headers, "Accept-Encoding")) {
      request.addHeader("Accept-Encoding", "gzip, deflate");
    }
    if (!options.headers().isEmpty()) {
      options.headers().forEach((k, v) -> {
        if (!has(headers, k)) {
          request.addHeader(k, user.render(v));
        }
      });
    }
    if (cookies != null && !has(headers, "Cookie")) {
      String cookie = cookieHeader(target);
      if (cookie != null) {
        request.addHeader("Cookie", cookie);
      }
    }
    if (headers != null) {
      for (int i = 0; i < headers.size(); i += 2) {
        request.addHeader(headers.get(i), headers.get(i + 1));
      }
    }
    if (body != null) {
      // ByteArrayEntity carries Content-Type; httpcore5's codec writes Content-Length from it.
      request.addHeader("Content-Length", Integer.toString(body.length));
      if (contentType != null && !has(headers, "Content-Type")) {
        request.addHeader("Content-Type", contentType);
      }
      request.setEntity(new ByteArrayEntity(body, null));
    } else if (request.getMethod().equals("POST") || request.getMethod().equals("PUT")
        || request.getMethod().equals("PATCH")) {
      request.addHeader("Content-Length", "0");
    }
  }

  private static boolean has(List<String> headers, String name) {
    if (headers == null) {
      return false;
    }
    for (int i = 0; i < headers.size(); i += 2) {
      if (headers.get(i).equalsIgnoreCase(name)) {
        return true;
      }
    }
    return false;
  }

  private String cookieHeader(Target target) {
    try {
      Map<String, List<String>> found = cookies.get(toUri(target), Map.of());
      List<String> values = found.get("Cookie");
      return values == null || values.isEmpty() ? null : String.join("; ", values);
    } catch (IOException e) {
      return null;
    }
  }

  private void storeCookies(Target target, Header[] headers) {
    List<String> setCookies = null;
    for (Header h : headers) {
      if (h.getName().equalsIgnoreCase("Set-Cookie")) {
        if (setCookies == null) {
          setCookies = new ArrayList<>(2);
        }
        setCookies.add(h.getValue());
      }
    }
    if (setCookies != null) {
      try {
        cookies().put(toUri(target), Map.of("Set-Cookie", setCookies));
      } catch (IOException | IllegalArgumentException e) {
        // a malformed cookie is ignored, as browsers do
      }
    }
  }

  private static URI toUri(Target target) {
    try {
      return new URI(target.url());
    } catch (URISyntaxException e) {
      return URI.create(target.origin().toString() + "/");
    }
  }

  private byte[] readBody(HttpEntity entity, ClassicHttpResponse response) throws IOException {
    if (entity == null) {
      return EMPTY;
    }
    String encoding = settings.options.decompress() ? headerValue(response, "Content-Encoding") : null;
    try (InputStream raw = entity.getContent()) {
      if (raw == null) {
        return EMPTY;
      }
      InputStream in = raw;
      if (encoding != null) {
        String e = encoding.trim().toLowerCase(Locale.ROOT);
        if (e.equals("gzip") || e.equals("x-gzip")) {
          in = new GZIPInputStream(raw, 8192);
        } else if (e.equals("deflate")) {
          in = new InflaterInputStream(raw, new Inflater(!isZlib(raw)), 8192);
        }
      }
      int n = 0;
      while (true) {
        if (n == buffer.length) {
          buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
        int read = in.read(buffer, n, buffer.length - n);
        if (read < 0) {
          break;
        }
        n += read;
      }
      if (in != raw) {
        drain(raw);
        in.close();
      }
      return n == 0 ? EMPTY : Arrays.copyOf(buffer, n);
    }
  }

  /** Deflate bodies come zlib-wrapped or raw; peek at the zlib header when the stream allows it. */
  private static boolean isZlib(InputStream in) throws IOException {
    if (!in.markSupported()) {
      return true;
    }
    in.mark(2);
    int b0 = in.read();
    int b1 = in.read();
    in.reset();
    return b0 >= 0 && b1 >= 0 && (b0 & 0x0f) == 8 && ((b0 << 8) | b1) % 31 == 0;
  }

  private void drain(InputStream raw) throws IOException {
    while (raw.read(buffer) >= 0) {
      // consume what the decoder left, so the connection can be reused
    }
  }

  private static String headerValue(ClassicHttpResponse response, String name) {
    Header h = response.getFirstHeader(name);
    return h == null ? null : h.getValue();
  }

  private static final byte[] EMPTY = new byte[0];

  // ---- settling, checks, extraction ----------------------------------------------------------------------------

  /**
   * Counts the last response, once: as failed (kind {@code status}) when its status is below 200 or 400 and
   * above and no status check accepted it, else as passed. Called before the next request and at every step,
   * think and iteration boundary.
   */
  public void settle() {
    ResponseImpl r = pending;
    if (r == null) {
      return;
    }
    pending = null;
    if (r.recorded) {
      return;
    }
    r.recorded = true;
    boolean ok = r.statusAccepted || (r.status >= 200 && r.status < 400);
    user.record(DURATION, r.step, r.method, r.urlTag, r.status, ok ? null : "status", r.micros);
    if (!ok) {
      user.recordError("status", "status " + r.status + " (" + r.method + " " + r.url + ")", r.step, r.method,
          r.urlTag);
    }
  }

  void applyChecks(ResponseImpl r, Check[] checks) {
    for (Check check : checks) {
      String failure;
      try {
        failure = check.verify(r);
      } catch (RuntimeException e) {
        failure = "check threw " + e;
      }
      if (failure != null) {
        throw failCheck(r, failure + " (" + r.method + " " + r.url + ")", null);
      }
      if (check instanceof StatusCheck) {
        r.statusAccepted = true;
      }
    }
  }

  String extract(ResponseImpl r, Extractor extractor, String variable) {
    String value;
    try {
      value = extractor.extract(r);
    } catch (RuntimeException e) {
      throw failCheck(r, extractor.description() + " failed: " + e + " (" + r.method + " " + r.url + ")", e);
    }
    if (value == null) {
      throw failCheck(r, extractor.description() + " not found in the response (" + r.method + " " + r.url
          + ", status " + r.status + ", body: " + r.bodyPreview() + ")", null);
    }
    if (variable != null) {
      user.set(variable, value);
    }
    return value;
  }

  private IterationFailedException failCheck(ResponseImpl r, String message, Throwable cause) {
    if (!r.recorded) {
      r.recorded = true;
      if (pending == r) {
        pending = null;
      }
      user.record(DURATION, r.step, r.method, r.urlTag, r.status, "check", r.micros);
    }
    user.recordError("check", message, r.step, r.method, r.urlTag);
    return new dev.liveload.internal.engine.RecordedFailure("check", message, cause);
  }

  // ---- URLs --------------------------------------------------------------------------------------------------

  /**
   * Where a URL written by scenario code goes: encoded as browsers do ({@link UrlEncoding}), fragment dropped.
   * A URL that cannot be sent fails the iteration (kind {@code url}) before anything is sent.
   */
  private Target resolve(String written, CharSequence query, String method) {
    String url;
    try {
      url = UrlEncoding.normalize(written);
    } catch (UrlEncoding.InvalidUrlException e) {
      throw user.fail("url", "invalid URL " + written + ": " + e.getMessage(), method, null, null);
    }
    String pathAndQuery;
    Origin origin;
    boolean absolute = url.regionMatches(true, 0, "http://", 0, 7) || url.regionMatches(true, 0, "https://", 0, 8);
    if (absolute) {
      try {
        URI uri = new URI(url);
        origin = Origin.of(uri);
        pathAndQuery = rawPathAndQuery(uri);
      } catch (URISyntaxException | IllegalArgumentException e) {
        throw user.fail("url", "invalid URL " + written + ": " + e.getMessage(), method, null, null);
      }
    } else {
      if (settings.baseOrigin == null) {
        throw user.usageError("relative URL " + url + " used without a base URL: set RunOptions.builder()"
            + ".baseUrl(\"http://host:port\") or use an absolute URL");
      }
      origin = settings.baseOrigin;
      pathAndQuery = url.startsWith("/") ? settings.basePath + url : settings.basePath + "/" + url;
    }
    if (query != null && !query.isEmpty()) {
      pathAndQuery = pathAndQuery + (pathAndQuery.indexOf('?') >= 0 ? '&' : '?') + query;
    }
    return new Target(origin, pathAndQuery, tagFor(origin, pathAndQuery));
  }

  /**
   * The report name of a URL written with placeholders: each placeholder as {@code {name}}, so that
   * {@code /users/{{email}}/orders} reports as {@code /users/{email}/orders} whatever the values. A URL that
   * starts with a placeholder is named from what it expanded to.
   */
  private String templateTag(String template, Target target) {
    String form = Templates.placeholderForm(template);
    String path;
    if (form.regionMatches(true, 0, "http://", 0, 7) || form.regionMatches(true, 0, "https://", 0, 8)) {
      int slash = form.indexOf('/', form.indexOf("://") + 3);
      path = slash < 0 ? "/" : form.substring(slash);
    } else if (form.startsWith("{")) {
      return target.tag();
    } else {
      path = settings.basePath + (form.startsWith("/") ? form : "/" + form);
    }
    return tagFor(target.origin(), path);
  }

  private String tagFor(Origin origin, String pathAndQuery) {
    String template = UrlTemplates.template(pathAndQuery);
    return origin.equals(settings.baseOrigin) ? template : origin + template;
  }

  private static String rawPathAndQuery(URI uri) {
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
  }
}
