package dev.liveload.ws;

import dev.liveload.InvalidOptionException;
import dev.liveload.internal.data.Templates;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How {@link Phoenix#connect(dev.liveload.User, String, PhoenixOptions)} talks to a Phoenix socket: connect
 * parameters, heartbeat interval, reply timeout, and the WebSocket options underneath. Immutable: each setter
 * returns a copy.
 *
 * <pre>{@code
 * PhoenixOptions.defaults()
 *     .param("token", "{{token}}")                       // ?token=...&vsn=2.0.0, placeholders expanded per user
 *     .heartbeat(Duration.ofSeconds(30))
 *     .timeout(Duration.ofSeconds(5))
 *     .ws(WsOptions.defaults().keepAcrossIterations(true));
 * }</pre>
 *
 * @since 0.1
 */
public final class PhoenixOptions {
  private static final PhoenixOptions DEFAULTS = new PhoenixOptions(Map.of(), Duration.ofSeconds(30),
      Duration.ofSeconds(10), WsOptions.defaults());

  private final Map<String, String> params;
  private final Duration heartbeat;
  private final Duration timeout;
  private final WsOptions ws;

  private PhoenixOptions(Map<String, String> params, Duration heartbeat, Duration timeout, WsOptions ws) {
    this.params = params;
    this.heartbeat = heartbeat;
    this.timeout = timeout;
    this.ws = ws;
  }

  /** @return no parameters, a heartbeat every 30 s and a 10 s reply timeout (as phoenix.js), default WsOptions */
  public static PhoenixOptions defaults() {
    return DEFAULTS;
  }

  /**
   * Adds a connect parameter (the socket's {@code params}, sent in the query string).
   *
   * @param name  parameter name, not blank
   * @param value its value ({@code toString()}); placeholders are expanded and the result URL-encoded
   * @return a copy with the parameter
   */
  public PhoenixOptions param(String name, Object value) {
    if (name == null || name.isBlank() || value == null) {
      throw new InvalidOptionException("phoenix.param", name + "=" + value, "needs a name and a value");
    }
    try {
      Templates.check(value.toString());
    } catch (Templates.TemplateException e) {
      throw new InvalidOptionException("phoenix.param", name + "=" + value, e.getMessage());
    }
    var next = new LinkedHashMap<>(params);
    next.put(name, value.toString());
    return new PhoenixOptions(Collections.unmodifiableMap(next), heartbeat, timeout, ws);
  }

  /**
   * @param interval time between heartbeats, in [10 ms, 1 h], or zero for none (default 30 s). A heartbeat not
   *                 answered when the next is due closes the socket, as phoenix.js does, and is recorded as
   *                 {@code ws_timeout}.
   * @return a copy with the interval
   */
  public PhoenixOptions heartbeat(Duration interval) {
    if (interval == null || interval.isNegative() || (!interval.isZero()
        && (interval.toMillis() < 10 || interval.compareTo(Duration.ofHours(1)) > 0))) {
      throw new InvalidOptionException("phoenix.heartbeat", interval, "must be zero (off) or in [10 ms, 1 h]");
    }
    return new PhoenixOptions(params, interval, timeout, ws);
  }

  /**
   * @param timeout how long a join, push or leave waits for its reply, > 0 (default 10 s)
   * @return a copy with the timeout
   */
  public PhoenixOptions timeout(Duration timeout) {
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new InvalidOptionException("phoenix.timeout", timeout, "must be a duration > 0");
    }
    return new PhoenixOptions(params, heartbeat, timeout, ws);
  }

  /**
   * @param ws the WebSocket options (headers, connect timeout, kept across iterations)
   * @return a copy with them
   */
  public PhoenixOptions ws(WsOptions ws) {
    return new PhoenixOptions(params, heartbeat, timeout, Objects.requireNonNull(ws, "ws"));
  }

  /** @return connect parameters, never null */
  public Map<String, String> params() {
    return params;
  }

  /** @return the heartbeat interval, zero when off */
  public Duration heartbeat() {
    return heartbeat;
  }

  /** @return the reply timeout */
  public Duration timeout() {
    return timeout;
  }

  /** @return the WebSocket options */
  public WsOptions ws() {
    return ws;
  }
}
