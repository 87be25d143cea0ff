package dev.liveload.internal.ws;

import dev.liveload.ws.PhoenixChannel;
import dev.liveload.ws.PhoenixMessage;
import dev.liveload.ws.WsMatcher;
import java.time.Duration;

/** A channel on a {@link PhoenixSocketImpl}; the user's thread only. */
final class PhoenixChannelImpl implements PhoenixChannel {
  private final PhoenixSocketImpl socket;
  private final String topic;
  private final String joinRef;
  boolean joined;

  PhoenixChannelImpl(PhoenixSocketImpl socket, String topic, String joinRef) {
    this.socket = socket;
    this.topic = topic;
    this.joinRef = joinRef;
  }

  @Override
  public String topic() {
    return topic;
  }

  @Override
  public String joinRef() {
    return joinRef;
  }

  @Override
  public PhoenixMessage push(String event, Object payload) {
    return push(event, payload, socket.options.timeout());
  }

  @Override
  public PhoenixMessage push(String event, Object payload, Duration timeout) {
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("push timeout must be > 0, was " + timeout);
    }
    String e = socket.user.render(PhoenixSocketImpl.requireText("event", event));
    ensureJoined(e);
    return request(e, payload, timeout.toNanos(), socket.nextRef(), null);
  }

  /**
   * Sends {@code event} with {@code ref} and waits for its reply (or the channel's end); records the round trip,
   * failed with {@code failedKind} when the reply is not {@code ok} and {@code failedKind} is given.
   */
  PhoenixMessageImpl request(String event, Object payload, long timeoutNanos, String ref, String failedKind) {
    WsConnection c = socket.connection;
    long sent = c.sendText(socket.frame(joinRef, ref, topic, event, payload));
    String what = "reply to " + event + " on " + topic + " (ref " + ref + ")";
    MessageImpl m = c.await(PhoenixSocketImpl.replyOrEnd(topic, ref, joinRef, what), timeoutNanos, sent, event,
        what);
    PhoenixMessageImpl reply = PhoenixMessageImpl.of(m, c, event);
    if (!"phx_reply".equals(reply.event())) {
      joined = false;
      socket.channels.remove(topic);
      c.roundTrip(sent, m, event, "ws_closed");
      throw socket.user.fail("ws_closed", "channel " + topic + (reply.event().equals("phx_error") ? " errored"
          : " was closed by the server") + " while waiting for the " + what + " (" + c.url + ")", event, c.tag,
          null);
    }
    c.roundTrip(sent, m, event, failedKind != null && !"ok".equals(reply.status()) ? failedKind : null);
    return reply;
  }

  @Override
  public PhoenixMessage expect(String event, Duration timeout) {
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("expect timeout must be > 0, was " + timeout);
    }
    String e = socket.user.render(PhoenixSocketImpl.requireText("event", event));
    WsConnection c = socket.connection;
    String what = e + " on " + topic;
    WsMatcher matcher = WsMatcher.of(what, m -> {
      var n = ((MessageImpl) m).json();
      if (!PhoenixMessageImpl.isPhoenix(n)) {
        return false;
      }
      String messageJoinRef = PhoenixMessageImpl.text(n, 0);
      return topic.equals(PhoenixMessageImpl.text(n, 2)) && e.equals(PhoenixMessageImpl.text(n, 3))
          && (messageJoinRef == null || messageJoinRef.equals(joinRef));
    });
    return PhoenixMessageImpl.of(c.await(matcher, timeout.toNanos(), 0, null, what), c, null);
  }

  @Override
  public void leave() {
    if (!joined) {
      return;
    }
    joined = false;
    socket.channels.remove(topic);
    request("phx_leave", null, socket.options.timeout().toNanos(), socket.nextRef(), null);
  }

  private void ensureJoined(String event) {
    if (!joined) {
      throw socket.user.fail("ws_closed", "cannot push " + event + ": channel " + topic + " is not joined (it was "
          + "left, or the server closed it); join it again", event, socket.connection.tag, null);
    }
  }
}
