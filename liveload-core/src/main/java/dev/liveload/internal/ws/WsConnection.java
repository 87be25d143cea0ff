package dev.liveload.internal.ws;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.liveload.IterationFailedException;
import dev.liveload.internal.engine.IterationInterrupted;
import dev.liveload.internal.engine.UserContext;
import dev.liveload.internal.json.ResultJson;
import dev.liveload.ws.WsMatcher;
import dev.liveload.ws.WsMessage;
import dev.liveload.ws.WsOptions;
import dev.liveload.ws.WsSession;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.java_websocket.exceptions.WebsocketNotConnectedException;
import org.java_websocket.protocols.IProtocol;

/**
 * The user's side of one WebSocket: sends, waits for messages (on the {@link WsClient}'s queue, interruptible, so
 * the iteration timeout and the end of the run wake it), keeps the messages no {@code expect} took yet, and
 * records {@code ws.roundtrip} and failures ({@link WsConnector} opens it). Used by the user's thread only.
 */
public final class WsConnection implements WsSession {
  static final String ROUNDTRIP = "ws.roundtrip";
  /** How long a closing handshake may take before the socket is closed anyway. */
  private static final long CLOSE_GRACE_NANOS = TimeUnit.SECONDS.toNanos(2);

  final UserContext user;
  final WsClient client;
  final WsMeters.Holder meters;
  final String url;
  final String tag;
  final String key;
  final WsOptions options;
  private final UserWebSockets owner;
  private final ArrayDeque<MessageImpl> pending = new ArrayDeque<>();
  private long lastSendNanos;
  private boolean sentSinceExpect;
  private boolean closedSeen;
  /** Set once LiveLoad or the scenario closes it: its close is then no failure. */
  private volatile boolean closing;
  /** A failure found off the user's thread (a Phoenix heartbeat timeout), reported at the next settle. */
  volatile String backgroundFailure;
  private boolean failureReported;
  /** The Phoenix socket running over this connection, if any. */
  PhoenixSocketImpl phoenix;

  WsConnection(UserContext user, UserWebSockets owner, WsClient client, WsMeters.Holder meters, String url,
      String tag, String key, WsOptions options) {
    this.user = user;
    this.owner = owner;
    this.client = client;
    this.meters = meters;
    this.url = url;
    this.tag = tag;
    this.key = key;
    this.options = options;
  }

  static String interruptCause(UserContext user) {
    String cause = user.interruptKind();
    return cause == null ? "interrupted" : cause;
  }

  // ---- WsSession ---------------------------------------------------------------------------------------------

  @Override
  public String url() {
    return url;
  }

  @Override
  public String subprotocol() {
    IProtocol p = client.getProtocol();
    return p == null ? "" : p.getProvidedProtocol();
  }

  @Override
  public boolean isOpen() {
    return !closing && client.isOpen();
  }

  @Override
  public WsSession send(String text) {
    sendText(user.render(text));
    return this;
  }

  @Override
  public WsSession sendJson(Object value) {
    String json;
    if (value instanceof String s) {
      json = s;
    } else {
      try {
        json = ResultJson.mapper().writeValueAsString(value);
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException("could not serialize a JSON message: " + e.getOriginalMessage(), e);
      }
    }
    sendText(user.renderJson(json));
    return this;
  }

  @Override
  public WsSession sendBinary(byte[] bytes) {
    transmit(() -> client.send(bytes));
    return this;
  }

  /** Sends text as it is; returns when it was handed to the socket ({@link System#nanoTime()}). */
  long sendText(String text) {
    return transmit(() -> client.send(text));
  }

  private long transmit(Runnable send) {
    ensureOpen("send");
    long now = System.nanoTime();
    try {
      send.run();
    } catch (WebsocketNotConnectedException e) {
      throw failClosed("could not send", 0, null);
    }
    lastSendNanos = now;
    sentSinceExpect = true;
    return now;
  }

  private void ensureOpen(String what) {
    if (closing) {
      throw user.usageError(what + " on a closed WebSocket (" + url + "): it was closed by the scenario or at the "
          + "end of the iteration that opened it; open a new one with user.ws(...), or keep one with "
          + "WsOptions.keepAcrossIterations(true)");
    }
    if (!client.isOpen()) {
      throw failClosed("could not " + what, 0, null);
    }
  }

  @Override
  public WsMessage expect(WsMatcher matcher) {
    return expect(matcher, options.expectTimeout());
  }

  @Override
  public WsMessage expect(WsMatcher matcher, Duration timeout) {
    if (matcher == null) {
      throw new IllegalArgumentException("expect needs a matcher, e.g. Ws.exact(\"pong\")");
    }
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("expect timeout must be > 0, was " + timeout);
    }
    long sent = sentSinceExpect ? lastSendNanos : 0;
    sentSinceExpect = false;
    MessageImpl m = await(matcher, timeout.toNanos(), sent, null, matcher.description());
    roundTrip(sent, m, null, null);
    return m;
  }

  /**
   * Records {@code ws.roundtrip} from {@code sentNanos} to the message's arrival, when it came after the send.
   *
   * @param method the method tag (a Phoenix event), or null
   * @param error  the error kind when the answer means failure, else null
   */
  void roundTrip(long sentNanos, MessageImpl m, String method, String error) {
    if (sentNanos != 0 && m.receivedNanos - sentNanos >= 0) {
      user.record(ROUNDTRIP, user.step(), method, tag, 0, error, (m.receivedNanos - sentNanos) / 1000);
    }
  }

  /**
   * Takes the first buffered or arriving message {@code matcher} accepts. A failure (timeout, close, interrupt)
   * is recorded, with a failed {@code ws.roundtrip} sample when {@code sentNanos} is not 0.
   *
   * @param what what is waited for, for messages
   * @param method the round trip's method tag (a Phoenix event), or null
   */
  MessageImpl await(WsMatcher matcher, long timeoutNanos, long sentNanos, String method, String what) {
    long deadline = System.nanoTime() + timeoutNanos;
    MessageImpl m = fromBuffer(matcher);
    while (m == null) {
      if (closedSeen) {
        throw failClosed("closed while waiting for " + what, sentNanos, method);
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw failTimeout(what, timeoutNanos, sentNanos, method);
      }
      Object o;
      try {
        o = client.inbox.poll(left, TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        String cause = interruptCause(user);
        failedRoundTrip(sentNanos, method, cause);
        throw new IterationInterrupted(cause);
      }
      if (o == WsClient.CLOSED) {
        closedSeen = true;
      } else if (o != null) {
        MessageImpl msg = (MessageImpl) o;
        if (accepts(matcher, msg)) {
          m = msg;
        } else {
          keep(msg);
        }
      }
    }
    m.session = this;
    return m;
  }

  private MessageImpl fromBuffer(WsMatcher matcher) {
    for (Iterator<MessageImpl> it = pending.iterator(); it.hasNext(); ) {
      MessageImpl m = it.next();
      if (accepts(matcher, m)) {
        it.remove();
        return m;
      }
    }
    return null;
  }

  private boolean accepts(WsMatcher matcher, MessageImpl m) {
    m.session = this;
    try {
      return matcher.test(m);
    } catch (RuntimeException e) {
      throw failCheck("matcher " + matcher.description() + " threw " + e + " on message " + m.preview(), e);
    }
  }

  private void keep(MessageImpl m) {
    pending.addLast(m);
    if (pending.size() > options.bufferSize()) {
      pending.pollFirst();
      client.dropped.incrementAndGet();
    }
  }

  @Override
  public List<WsMessage> drain() {
    var out = new ArrayList<WsMessage>(pending);
    pending.clear();
    Object o;
    while ((o = client.inbox.poll()) != null) {
      if (o == WsClient.CLOSED) {
        closedSeen = true;
      } else {
        out.add((MessageImpl) o);
      }
    }
    out.forEach(m -> ((MessageImpl) m).session = this);
    return out;
  }

  @Override
  public void close() {
    owner.forget(this);
    shut();
  }

  // ---- failures ----------------------------------------------------------------------------------------------

  private IterationFailedException failTimeout(String what, long timeoutNanos, long sentNanos, String method) {
    failedRoundTrip(sentNanos, method, "ws_timeout");
    var sb = new StringBuilder("waited ").append(TimeUnit.NANOSECONDS.toMillis(timeoutNanos)).append(" ms for ")
        .append(what).append(", none came (").append(url).append(")");
    if (!pending.isEmpty()) {
      sb.append("; ").append(pending.size()).append(" other message").append(pending.size() == 1 ? "" : "s")
          .append(" waiting, the last: ").append(pending.peekLast().preview());
    }
    long dropped = client.dropped.get();
    if (dropped > 0) {
      sb.append("; ").append(dropped).append(" older messages were dropped (buffer of ")
          .append(options.bufferSize()).append(")");
    }
    return user.fail("ws_timeout", sb.toString(), null, tag, null);
  }

  private IterationFailedException failClosed(String what, long sentNanos, String method) {
    failedRoundTrip(sentNanos, method, "ws_closed");
    failureReported = true;
    String why = backgroundFailure != null ? backgroundFailure : client.closeReason;
    return user.fail("ws_closed", "WebSocket " + what + ": " + (why == null ? "it is closed" : why) + " ("
        + url + ")", null, tag, null);
  }

  private void failedRoundTrip(long sentNanos, String method, String kind) {
    if (sentNanos != 0) {
      user.record(ROUNDTRIP, user.step(), method, tag, 0, kind, Math.max(0, System.nanoTime() - sentNanos) / 1000);
    }
  }

  /** A failed check or extraction on one of this connection's messages (kind {@code check}). */
  IterationFailedException failCheck(String message, Throwable cause) {
    return user.fail("check", message + " (" + url + ")", null, tag, cause);
  }

  // ---- life ---------------------------------------------------------------------------------------------------

  /**
   * Reports, once, a failure that happened while the user was elsewhere: a background failure (heartbeat), or the
   * server closing the connection abnormally (not with 1000 or 1001).
   */
  void settle() {
    if (failureReported || closing) {
      return;
    }
    String failure = backgroundFailure;
    if (failure != null) {
      failureReported = true;
      user.recordError("ws_timeout", failure + " (" + url + ")", user.step(), null, tag);
    } else if (client.closedAbnormally && client.isClosed()) {
      failureReported = true;
      user.recordError("ws_closed", "WebSocket " + client.closeReason + " (" + url + ")", user.step(), null, tag);
    }
  }

  /** Closes without waiting: a normal close now, the socket itself if the peer has not answered in 2 s. */
  void shut() {
    if (closing) {
      return;
    }
    closing = true;
    if (phoenix != null) {
      phoenix.stopHeartbeat();
    }
    if (client.isOpen()) {
      client.close(1000);
      WsTimer.after(CLOSE_GRACE_NANOS, () -> {
        if (!client.isClosed()) {
          client.abort();
        }
      });
    } else {
      client.abort();
    }
  }

  /** @return whether the connection can be reused by a later {@code user.ws(...)} */
  boolean usable() {
    return !closing && client.isOpen();
  }
}
