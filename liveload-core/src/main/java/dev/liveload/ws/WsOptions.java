package dev.liveload.ws;

import dev.liveload.InvalidOptionException;
import dev.liveload.internal.data.Templates;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How {@link dev.liveload.User#ws(String, WsOptions)} connects: handshake headers and subprotocols, timeouts,
 * the message buffer, and whether the connection outlives the iteration. Immutable: each setter returns a copy.
 *
 * <pre>{@code
 * WsOptions chat = WsOptions.defaults()
 *     .header("Authorization", "Bearer {{token}}")     // placeholders expanded per user at connect time
 *     .subprotocols("chat.v2")
 *     .keepAcrossIterations(true)                     // one connection per user, reused by later iterations
 *     .expectTimeout(Duration.ofSeconds(5));
 * WsSession ws = user.ws("/chat", chat);
 * }</pre>
 *
 * @since 0.1
 */
public final class WsOptions {
  private static final WsOptions DEFAULTS = new WsOptions(Map.of(), List.of(), Duration.ofSeconds(10),
      Duration.ofSeconds(10), false, 1000, null);

  private final Map<String, String> headers;
  private final List<String> subprotocols;
  private final Duration connectTimeout;
  private final Duration expectTimeout;
  private final boolean keepAcrossIterations;
  private final int bufferSize;
  private final String name;

  private WsOptions(Map<String, String> headers, List<String> subprotocols, Duration connectTimeout,
      Duration expectTimeout, boolean keepAcrossIterations, int bufferSize, String name) {
    this.headers = headers;
    this.subprotocols = subprotocols;
    this.connectTimeout = connectTimeout;
    this.expectTimeout = expectTimeout;
    this.keepAcrossIterations = keepAcrossIterations;
    this.bufferSize = bufferSize;
    this.name = name;
  }

  /** @return no extra headers or subprotocols, 10 s connect and expect timeouts, 1,000 buffered messages, closed at iteration end */
  public static WsOptions defaults() {
    return DEFAULTS;
  }

  /**
   * Adds a header to the opening handshake.
   *
   * @param name  header name, not blank
   * @param value header value, not null; placeholders ({@code {{token}}}) are expanded when connecting and their
   *              syntax is checked now
   * @return a copy with the header
   */
  public WsOptions header(String name, String value) {
    if (name == null || name.isBlank() || value == null) {
      throw new InvalidOptionException("ws.header", name + ": " + value, "needs a name and a value");
    }
    try {
      Templates.check(value);
    } catch (Templates.TemplateException e) {
      throw new InvalidOptionException("ws.header", name + ": " + value, e.getMessage());
    }
    var next = new LinkedHashMap<>(headers);
    next.put(name, value);
    return new WsOptions(Collections.unmodifiableMap(next), subprotocols, connectTimeout, expectTimeout,
        keepAcrossIterations, bufferSize, this.name);
  }

  /**
   * Offers subprotocols ({@code Sec-WebSocket-Protocol}); the server picks one of them, or none.
   *
   * @param protocols protocol names, not blank
   * @return a copy with the subprotocols (replacing earlier ones)
   */
  public WsOptions subprotocols(String... protocols) {
    var list = new ArrayList<String>();
    for (String p : protocols) {
      if (p == null || p.isBlank() || p.contains(",")) {
        throw new InvalidOptionException("ws.subprotocol", p, "must be a token without spaces or commas");
      }
      list.add(p.trim());
    }
    return new WsOptions(headers, List.copyOf(list), connectTimeout, expectTimeout, keepAcrossIterations,
        bufferSize, name);
  }

  /**
   * @param timeout how long the TCP connection and the opening handshake may take, > 0 (default 10 s)
   * @return a copy with the timeout
   */
  public WsOptions connectTimeout(Duration timeout) {
    return new WsOptions(headers, subprotocols, positive("ws.connectTimeout", timeout), expectTimeout,
        keepAcrossIterations, bufferSize, name);
  }

  /**
   * @param timeout how long {@link WsSession#expect(WsMatcher)} waits when given no timeout, > 0 (default 10 s)
   * @return a copy with the timeout
   */
  public WsOptions expectTimeout(Duration timeout) {
    return new WsOptions(headers, subprotocols, connectTimeout, positive("ws.expectTimeout", timeout),
        keepAcrossIterations, bufferSize, name);
  }

  /**
   * @param keep true: the connection stays open after the iteration, and later calls of {@code user.ws(...)} with
   *             the same URL (or name) return it while it is open; it closes when the user stops. false (the
   *             default): it closes when the iteration ends.
   * @return a copy with the setting
   */
  public WsOptions keepAcrossIterations(boolean keep) {
    return new WsOptions(headers, subprotocols, connectTimeout, expectTimeout, keep, bufferSize, name);
  }

  /**
   * @param messages how many received messages are kept for later {@code expect}s, in [1, 1,000,000] (default
   *                 1,000); when full, the oldest is dropped
   * @return a copy with the size
   */
  public WsOptions bufferSize(int messages) {
    if (messages < 1 || messages > 1_000_000) {
      throw new InvalidOptionException("ws.bufferSize", messages, "must be in [1, 1000000]");
    }
    return new WsOptions(headers, subprotocols, connectTimeout, expectTimeout, keepAcrossIterations, messages,
        name);
  }

  /**
   * @param name the connection's name in reports (its {@code url} tag) and for reuse of kept connections
   *             (default: the URL as written, placeholders shown as {@code {name}})
   * @return a copy with the name
   */
  public WsOptions name(String name) {
    if (name == null || name.isBlank()) {
      throw new InvalidOptionException("ws.name", name, "must not be blank");
    }
    return new WsOptions(headers, subprotocols, connectTimeout, expectTimeout, keepAcrossIterations, bufferSize,
        name);
  }

  private static Duration positive(String option, Duration d) {
    if (d == null || d.isNegative() || d.isZero()) {
      throw new InvalidOptionException(option, d, "must be a duration > 0");
    }
    return d;
  }

  /** @return handshake headers, never null */
  public Map<String, String> headers() {
    return headers;
  }

  /** @return offered subprotocols, never null */
  public List<String> subprotocols() {
    return subprotocols;
  }

  /** @return the connect timeout */
  public Duration connectTimeout() {
    return connectTimeout;
  }

  /** @return the default expect timeout */
  public Duration expectTimeout() {
    return expectTimeout;
  }

  /** @return whether the connection outlives the iteration */
  public boolean keepAcrossIterations() {
    return keepAcrossIterations;
  }

  /** @return the message buffer size */
  public int bufferSize() {
    return bufferSize;
  }

  /** @return the report name, or null for the URL */
  public String name() {
    return name;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WsOptions w && headers.equals(w.headers) && subprotocols.equals(w.subprotocols)
        && connectTimeout.equals(w.connectTimeout) && expectTimeout.equals(w.expectTimeout)
        && keepAcrossIterations == w.keepAcrossIterations && bufferSize == w.bufferSize
        && Objects.equals(name, w.name);
  }

  @Override
  public int hashCode() {
    return Objects.hash(headers, subprotocols, connectTimeout, expectTimeout, keepAcrossIterations, bufferSize,
        name);
  }
}
