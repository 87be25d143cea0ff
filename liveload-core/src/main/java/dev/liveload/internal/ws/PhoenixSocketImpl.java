package dev.liveload.internal.ws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.liveload.User;
import dev.liveload.internal.data.Templates;
import dev.liveload.internal.engine.UserContext;
import dev.liveload.internal.json.ResultJson;
import dev.liveload.ws.PhoenixChannel;
import dev.liveload.ws.PhoenixOptions;
import dev.liveload.ws.PhoenixSocket;
import dev.liveload.ws.WsMatcher;
import dev.liveload.ws.WsOptions;
import dev.liveload.ws.WsSession;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.java_websocket.exceptions.WebsocketNotConnectedException;

/**
 * A Phoenix socket over a {@link WsConnection}: builds and matches v2 messages, and heartbeats from the shared
 * {@link WsTimer} (refs come from one atomic counter, shared by the user's pushes and the timer's heartbeats).
 */
public final class PhoenixSocketImpl implements PhoenixSocket {
  static final String VSN = "2.0.0";

  final UserContext user;
  final WsConnection connection;
  final PhoenixOptions options;
  private final AtomicLong refs = new AtomicLong();
  private final AtomicLong heartbeats = new AtomicLong();
  /** Joined channels by topic; the user's thread only. */
  final Map<String, PhoenixChannelImpl> channels = new HashMap<>();
  /** The heartbeat awaiting its reply, or null; written by the timer thread, cleared by the read thread. */
  private volatile String pendingHeartbeat;
  private volatile ScheduledFuture<?> heartbeat;

  private PhoenixSocketImpl(UserContext user, WsConnection connection, PhoenixOptions options) {
    this.user = user;
    this.connection = connection;
    this.options = options;
  }

  /** Connects (or returns the socket already running over the user's kept connection). */
  public static PhoenixSocket connect(User user, String endpoint, PhoenixOptions options) {
    if (!(user instanceof UserContext context)) {
      throw new IllegalArgumentException("Phoenix.connect needs a LiveLoad virtual user, got " + user);
    }
    if (endpoint == null || endpoint.isBlank()) {
      throw new IllegalArgumentException("Phoenix.connect needs the socket's endpoint, e.g. \"/socket\"");
    }
    String path = endpoint.endsWith("/websocket") ? endpoint
        : (endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint) + "/websocket";
    var query = new StringBuilder();
    options.params().forEach((k, v) -> query.append(encode(k)).append('=').append(encode(context.render(v)))
        .append('&'));
    query.append("vsn=").append(VSN);
    String url = path + (path.indexOf('?') >= 0 ? "&" : "?") + query;
    WsOptions ws = options.ws().name() != null ? options.ws() : options.ws().name(Templates.placeholderForm(path));
    WsConnection connection = (WsConnection) user.ws(url, ws);
    if (connection.phoenix == null) {
      var socket = new PhoenixSocketImpl(context, connection, options);
      connection.phoenix = socket;
      socket.startHeartbeat();
    }
    return connection.phoenix;
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  String nextRef() {
    return Long.toString(refs.incrementAndGet());
  }

  // ---- heartbeats (timer thread) and their replies (read thread) -----------------------------------------------

  private void startHeartbeat() {
    if (!options.heartbeat().isZero()) {
      connection.client.swallow = this::isHeartbeatReply;
      heartbeat = WsTimer.every(options.heartbeat().toNanos(), this::beat);
    }
  }

  void stopHeartbeat() {
    ScheduledFuture<?> h = heartbeat;
    if (h != null) {
      h.cancel(false);
    }
  }

  private void beat() {
    WsClient client = connection.client;
    if (!client.isOpen()) {
      stopHeartbeat();
      return;
    }
    String unanswered = pendingHeartbeat;
    if (unanswered != null) {
      connection.backgroundFailure = "Phoenix heartbeat (ref " + unanswered + ") got no reply within "
          + options.heartbeat().toMillis() + " ms; the socket was closed, as phoenix.js does";
      stopHeartbeat();
      client.close(1000, "heartbeat timeout");
      return;
    }
    String ref = nextRef();
    pendingHeartbeat = ref;
    try {
      client.send("[null,\"" + ref + "\",\"phoenix\",\"heartbeat\",{}]");
      heartbeats.incrementAndGet();
    } catch (WebsocketNotConnectedException e) {
      stopHeartbeat();
    }
  }

  /** On the read thread: true (and the heartbeat answered) for the reply to the pending heartbeat. */
  private boolean isHeartbeatReply(String text) {
    String pending = pendingHeartbeat;
    if (pending == null || text.indexOf("\"phoenix\"") < 0) {
      return false;
    }
    JsonNode n;
    try {
      n = ResultJson.mapper().readTree(text);
    } catch (JsonProcessingException e) {
      return false;
    }
    if (PhoenixMessageImpl.isPhoenix(n) && "phoenix".equals(PhoenixMessageImpl.text(n, 2))
        && "phx_reply".equals(PhoenixMessageImpl.text(n, 3)) && pending.equals(PhoenixMessageImpl.text(n, 1))) {
      pendingHeartbeat = null;
      return true;
    }
    return false;
  }

  // ---- channels ------------------------------------------------------------------------------------------------

  @Override
  public PhoenixChannel join(String topic, Object payload) {
    String t = user.render(requireText("topic", topic));
    PhoenixChannelImpl existing = channels.get(t);
    if (existing != null && existing.joined) {
      return existing;
    }
    String ref = nextRef();
    var channel = new PhoenixChannelImpl(this, t, ref);
    PhoenixMessageImpl reply = channel.request("phx_join", payload, options.timeout().toNanos(), ref, "ws_join");
    if (!"ok".equals(reply.status())) {
      throw user.fail("ws_join", "join " + t + " refused (" + reply.status() + "): " + reply.response() + " ("
          + connection.url + ")", "phx_join", connection.tag, null);
    }
    channel.joined = true;
    channels.put(t, channel);
    return channel;
  }

  /** A v2 message: {@code [join_ref, ref, topic, event, payload]}, the payload's placeholders expanded. */
  String frame(String joinRef, String ref, String topic, String event, Object payload) {
    String json;
    try {
      if (payload == null) {
        json = "{}";
      } else if (payload instanceof String s) {
        json = s;
      } else {
        json = ResultJson.mapper().writeValueAsString(payload);
      }
      var mapper = ResultJson.mapper();
      return "[" + mapper.writeValueAsString(joinRef) + "," + mapper.writeValueAsString(ref) + ","
          + mapper.writeValueAsString(topic) + "," + mapper.writeValueAsString(event) + "," + user.renderJson(json)
          + "]";
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("could not serialize the payload of " + event + ": "
          + e.getOriginalMessage(), e);
    }
  }

  /** Matches the reply to {@code ref} on {@code topic}, or the channel's error or close. */
  static WsMatcher replyOrEnd(String topic, String ref, String joinRef, String what) {
    return WsMatcher.of(what, m -> {
      JsonNode n = ((MessageImpl) m).json();
      if (!PhoenixMessageImpl.isPhoenix(n) || !topic.equals(PhoenixMessageImpl.text(n, 2))) {
        return false;
      }
      String event = PhoenixMessageImpl.text(n, 3);
      if ("phx_reply".equals(event)) {
        return ref.equals(PhoenixMessageImpl.text(n, 1));
      }
      return ("phx_error".equals(event) || "phx_close".equals(event))
          && joinRef.equals(PhoenixMessageImpl.text(n, 0));
    });
  }

  static String requireText(String what, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("Phoenix " + what + " must not be blank");
    }
    return value;
  }

  @Override
  public WsSession ws() {
    return connection;
  }

  @Override
  public long heartbeats() {
    return heartbeats.get();
  }

  @Override
  public void close() {
    connection.close();
  }
}
