package dev.liveload.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.java_websocket.WebSocket;
import org.java_websocket.drafts.Draft;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.handshake.ServerHandshakeBuilder;
import org.java_websocket.server.WebSocketServer;

/**
 * A small server speaking the Phoenix channel protocol (JSON serializer v2, {@code [join_ref, ref, topic, event,
 * payload]}) on {@code /socket/websocket?vsn=2.0.0}, for tests: heartbeats on topic {@code phoenix} are answered
 * (unless told not to), {@code phx_join} on any topic but {@code room:forbidden} is answered ok, and on a joined
 * topic {@code ping} is answered with {@code {"pong": n}} after a delay, {@code shout} is broadcast to every
 * socket that joined the topic and answered, {@code crash} makes the channel send {@code phx_error}, and
 * {@code phx_leave} is answered. Counts what it saw and every message that breaks the protocol (a push whose
 * {@code join_ref} is not its channel's join ref, a join whose ref is not its join ref, a message that is not an
 * array of five).
 */
public final class PhoenixServer implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final Server server;
  private final ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "phoenix-server-replies");
    t.setDaemon(true);
    return t;
  });
  /** Per socket: topic → join ref. */
  private final Map<WebSocket, Map<String, String>> joined = new ConcurrentHashMap<>();
  private final AtomicLong heartbeats = new AtomicLong();
  private final AtomicLong joins = new AtomicLong();
  private final AtomicLong pushes = new AtomicLong();
  private final AtomicLong leaves = new AtomicLong();
  private final AtomicLong framesIn = new AtomicLong();
  private final AtomicLong framesOut = new AtomicLong();
  /** What broke the protocol, for assertions. */
  public final Set<String> protocolErrors = ConcurrentHashMap.newKeySet();
  /** The query strings sockets connected with. */
  public final Set<String> connectQueries = ConcurrentHashMap.newKeySet();
  private volatile long pingDelayMillis;
  private volatile boolean answerHeartbeats = true;

  private PhoenixServer() throws InterruptedException {
    server = new Server();
    server.start();
    if (!server.started.await(10, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the WebSocket server did not start");
    }
  }

  /** @return a server on a free port of 127.0.0.1, started and accepting sockets */
  public static PhoenixServer start() {
    try {
      return new PhoenixServer();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** @return {@code http://127.0.0.1:port}, for a run's base URL */
  public String httpUrl() {
    return "http://127.0.0.1:" + server.getPort();
  }

  /**
   * @param millis how long after a {@code ping} its {@code pong} is sent
   * @return this server
   */
  public PhoenixServer pingDelay(long millis) {
    pingDelayMillis = millis;
    return this;
  }

  /**
   * @param answer whether heartbeats are answered (false: a client should see its heartbeat time out)
   * @return this server
   */
  public PhoenixServer answerHeartbeats(boolean answer) {
    answerHeartbeats = answer;
    return this;
  }

  /** @return heartbeats received */
  public long heartbeats() {
    return heartbeats.get();
  }

  /** @return {@code phx_join} messages received */
  public long joins() {
    return joins.get();
  }

  /** @return {@code ping} and {@code shout} pushes received */
  public long pushes() {
    return pushes.get();
  }

  /** @return {@code phx_leave} messages received */
  public long leaves() {
    return leaves.get();
  }

  /** @return WebSocket text frames received */
  public long framesReceived() {
    return framesIn.get();
  }

  /** @return WebSocket text frames sent */
  public long framesSent() {
    return framesOut.get();
  }

  private void onMessage(WebSocket conn, String text) {
    framesIn.incrementAndGet();
    JsonNode msg;
    try {
      msg = JSON.readTree(text);
    } catch (Exception e) {
      protocolErrors.add("not JSON: " + text);
      return;
    }
    if (!msg.isArray() || msg.size() != 5) {
      protocolErrors.add("not [join_ref, ref, topic, event, payload]: " + text);
      return;
    }
    String joinRef = text(msg.get(0));
    String ref = text(msg.get(1));
    String topic = text(msg.get(2));
    String event = text(msg.get(3));
    JsonNode payload = msg.get(4);
    Map<String, String> topics = joined.computeIfAbsent(conn, c -> new ConcurrentHashMap<>());
    if (topic.equals("phoenix") && event.equals("heartbeat")) {
      heartbeats.incrementAndGet();
      if (answerHeartbeats) {
        send(conn, null, ref, "phoenix", "phx_reply", reply("ok", NODES.objectNode()));
      }
      return;
    }
    if (event.equals("phx_join")) {
      joins.incrementAndGet();
      if (joinRef == null || !joinRef.equals(ref)) {
        protocolErrors.add("join whose join_ref is not its ref: " + text);
      }
      if (topic.equals("room:forbidden")) {
        send(conn, joinRef, ref, topic, "phx_reply", reply("error", NODES.objectNode().put("reason",
            "unauthorized")));
        return;
      }
      topics.put(topic, joinRef);
      send(conn, joinRef, ref, topic, "phx_reply", reply("ok", NODES.objectNode().put("joined", topic)
          .set("params", payload)));
      return;
    }
    String expected = topics.get(topic);
    if (expected == null || !expected.equals(joinRef)) {
      protocolErrors.add(event + " on " + topic + " with join_ref " + joinRef + ", joined as " + expected);
    }
    switch (event) {
      case "ping" -> {
        pushes.incrementAndGet();
        ObjectNode response = NODES.objectNode().set("pong", payload.get("n"));
        later.schedule(() -> send(conn, joinRef, ref, topic, "phx_reply", reply("ok", response)), pingDelayMillis,
            TimeUnit.MILLISECONDS);
      }
      case "shout" -> {
        pushes.incrementAndGet();
        joined.forEach((other, its) -> {
          if (its.containsKey(topic)) {
            send(other, null, null, topic, "shout", payload);
          }
        });
        send(conn, joinRef, ref, topic, "phx_reply", reply("ok", NODES.objectNode()));
      }
      case "crash" -> {
        topics.remove(topic);
        send(conn, joinRef, joinRef, topic, "phx_error", NODES.objectNode());
      }
      case "phx_leave" -> {
        leaves.incrementAndGet();
        topics.remove(topic);
        send(conn, joinRef, ref, topic, "phx_reply", reply("ok", NODES.objectNode()));
      }
      default -> send(conn, joinRef, ref, topic, "phx_reply", reply("error", NODES.objectNode().put("reason",
          "unknown event " + event)));
    }
  }

  private static String text(JsonNode n) {
    return n == null || n.isNull() ? null : n.asText();
  }

  private static ObjectNode reply(String status, JsonNode response) {
    ObjectNode r = NODES.objectNode();
    r.put("status", status);
    r.set("response", response);
    return r;
  }

  private void send(WebSocket conn, String joinRef, String ref, String topic, String event, JsonNode payload) {
    ArrayNode a = NODES.arrayNode();
    a.add(joinRef);
    a.add(ref);
    a.add(topic);
    a.add(event);
    a.add(payload);
    if (conn.isOpen()) {
      conn.send(a.toString());
      framesOut.incrementAndGet();
    }
  }

  private final class Server extends WebSocketServer {
    final CountDownLatch started = new CountDownLatch(1);

    Server() {
      super(new InetSocketAddress("127.0.0.1", 0));
      setReuseAddr(true);
      setTcpNoDelay(true);
      setConnectionLostTimeout(0);
      setDaemon(true);
    }

    @Override
    public ServerHandshakeBuilder onWebsocketHandshakeReceivedAsServer(WebSocket conn, Draft draft,
        ClientHandshake request) throws InvalidDataException {
      String target = request.getResourceDescriptor();
      int q = target.indexOf('?');
      String path = q < 0 ? target : target.substring(0, q);
      String query = q < 0 ? "" : target.substring(q + 1);
      if (!path.equals("/socket/websocket") || !List.of(query.split("&")).contains("vsn=2.0.0")) {
        throw new InvalidDataException(CloseFrame.PROTOCOL_ERROR, "expected /socket/websocket?vsn=2.0.0, got "
            + target);
      }
      connectQueries.add(query);
      return super.onWebsocketHandshakeReceivedAsServer(conn, draft, request);
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {}

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
      joined.remove(conn);
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
      PhoenixServer.this.onMessage(conn, message);
    }

    @Override
    public void onError(WebSocket conn, Exception ex) {}

    @Override
    public void onStart() {
      started.countDown();
    }
  }

  @Override
  public void close() {
    later.shutdownNow();
    try {
      server.stop(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
