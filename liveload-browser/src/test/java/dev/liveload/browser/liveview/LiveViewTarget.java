package dev.liveload.browser.liveview;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * A Phoenix LiveView target for tests and benchmarks: serves the real {@code phoenix} and {@code phoenix_live_view}
 * JavaScript clients (fetched from the npm registry by the build) and a page with a {@link CounterView}, and speaks
 * the Phoenix channel protocol (JSON serializer v2: {@code [join_ref, ref, topic, event, payload]}) over a
 * Java-WebSocket server: heartbeats, {@code phx_join} replied with the rendered tree, {@code event} and
 * {@code live_patch} replied with diffs after a configurable server-side delay. Counts the frames it received and
 * sent, so tests can hold the browser's counts against them.
 *
 * <pre>{@code
 * try (var lv = LiveViewTarget.start().delay("inc", Duration.ofMillis(200))) {
 *   ... .baseUrl(lv.url()) ... navigate("/").waitForLiveView().click("#inc").waitForLoading(Loading.CLICK, "#inc")
 * }
 * }</pre>
 */
public final class LiveViewTarget implements AutoCloseable {
  static final String VERSION = "1.2.12";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer http;
  private final Sockets sockets;
  private final ScheduledExecutorService later = Executors.newScheduledThreadPool(2, r -> {
    Thread t = new Thread(r, "liveview-target-replies");
    t.setDaemon(true);
    return t;
  });
  private final Map<String, Long> delays = new ConcurrentHashMap<>();
  private volatile long joinDelayMillis;
  private volatile String pageScript = "";
  private volatile int pushes = 10;
  private volatile long pushEveryMillis = 100;
  private volatile long downUntilNanos;
  private volatile int outageAfter = -1;
  private volatile long outageNanos;
  private final AtomicLong pages = new AtomicLong();
  private final AtomicLong pagesRefused = new AtomicLong();
  private final AtomicLong framesIn = new AtomicLong();
  private final AtomicLong framesOut = new AtomicLong();
  private final AtomicLong joins = new AtomicLong();
  private final ReentrantLock joinLock = new ReentrantLock();
  private final Condition joined = joinLock.newCondition();
  private final AtomicLong events = new AtomicLong();

  private LiveViewTarget() {
    try {
      sockets = new Sockets();
      sockets.start();
      if (!sockets.started.await(10, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the WebSocket server did not start");
      }
      http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 500);
      http.createContext("/", this::handle);
      http.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
      http.start();
      // Jackson builds its serializers on first use (tens of ms): do it now, not in the first reply measured.
      JSON.writeValueAsString(new Object[] {"1", "1", "lv:x", "phx_reply",
          Map.of("status", "ok", "response", Map.of("diff", new CounterView().click()))});
      JSON.readTree("[\"1\",\"1\",\"lv:x\",\"event\",{\"type\":\"click\",\"event\":\"inc\"}]");
      later.schedule(() -> { }, 0, TimeUnit.MILLISECONDS).get();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException(e);
    }
  }

  /** @return a started target on ephemeral loopback ports */
  public static LiveViewTarget start() {
    return new LiveViewTarget();
  }

  /**
   * Makes the server take this long to handle an event before replying.
   *
   * @param event the event name ({@code inc}, {@code save}) or {@code live_patch}
   * @param delay the server-side delay
   * @return this target
   */
  public LiveViewTarget delay(String event, Duration delay) {
    delays.put(event, delay.toMillis());
    return this;
  }

  /** @param delay how long a join (mount) takes on the server @return this target */
  public LiveViewTarget joinDelay(Duration delay) {
    joinDelayMillis = delay.toMillis();
    return this;
  }

  /**
   * Adds a script to the page, run after the LiveView socket connected (so its listeners run after LiveView's).
   *
   * @param js the script's source
   * @return this target
   */
  public LiveViewTarget pageScript(String js) {
    pageScript = js;
    return this;
  }

  /**
   * After a {@code watch} click, the server pushes this many ticks on its own, this far apart (default 10 every
   * 100 ms).
   *
   * @param count how many
   * @param every the gap between two
   * @return this target
   */
  public LiveViewTarget pushes(int count, Duration every) {
    pushes = count;
    pushEveryMillis = every.toMillis();
    return this;
  }

  /**
   * Takes the site down for a while once it has served some pages: from the {@code afterPages}+1-th page request on,
   * pages are answered {@code 503} for {@code duration} (the WebSocket stays up).
   *
   * @param afterPages pages served before the outage
   * @param duration   how long it lasts
   * @return this target
   */
  public LiveViewTarget downAfter(int afterPages, Duration duration) {
    outageAfter = afterPages;
    outageNanos = duration.toNanos();
    return this;
  }

  /** @return whether the site is down now */
  public boolean isDown() {
    return System.nanoTime() - downUntilNanos < 0;
  }

  /** @return page requests (HTML), refused ones included */
  public long pages() {
    return pages.get();
  }

  /** @return page requests refused with {@code 503} while the site was down */
  public long pagesRefused() {
    return pagesRefused.get();
  }

  /** @return the page's base URL, {@code http://127.0.0.1:port} */
  public String url() {
    return "http://127.0.0.1:" + http.getAddress().getPort();
  }

  /** @return text frames received from browsers */
  public long framesReceived() {
    return framesIn.get();
  }

  /** @return text frames sent to browsers */
  public long framesSent() {
    return framesOut.get();
  }

  /** @return channel joins handled */
  public long joins() {
    return joins.get();
  }

  /**
   * Waits until the server has received {@code n} joins in total.
   *
   * @param n       joins
   * @param timeout longest wait
   * @return whether it got them in time
   * @throws InterruptedException when interrupted
   */
  public boolean awaitJoins(long n, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    joinLock.lock();
    try {
      while (joins.get() < n) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        joined.awaitNanos(left);
      }
      return true;
    } finally {
      joinLock.unlock();
    }
  }

  /** @return events ({@code event} and {@code live_patch}) handled */
  public long events() {
    return events.get();
  }

  /** @return open WebSocket connections */
  public int connections() {
    return sockets.getConnections().size();
  }

  /** Closes every socket from the server side (the clients reconnect and rejoin). */
  public void dropConnections() {
    for (WebSocket ws : sockets.getConnections()) {
      ws.close(1011, "dropped by the test");
    }
  }

  @Override
  public void close() {
    http.stop(0);
    try {
      sockets.stop(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    later.shutdownNow();
  }

  // ---- HTTP: the page and the JavaScript ----------------------------------------------------------------------

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String path = ex.getRequestURI().getPath();
      if (path.startsWith("/js/")) {
        try (InputStream in = LiveViewTarget.class.getResourceAsStream("/liveview" + path)) {
          if (in == null) {
            send(ex, 404, "text/plain", ("missing " + path + ": run the Maven build, which fetches the Phoenix "
                + "JavaScript into target/").getBytes(StandardCharsets.UTF_8));
            return;
          }
          ex.getResponseHeaders().add("Cache-Control", "public, max-age=3600");
          send(ex, 200, "text/javascript", in.readAllBytes());
        }
        return;
      }
      if (pages.incrementAndGet() == outageAfter + 1) {
        downUntilNanos = System.nanoTime() + outageNanos;
      }
      if (isDown()) {
        pagesRefused.incrementAndGet();
        send(ex, 503, "text/html; charset=utf-8",
            "<!doctype html><title>down</title><p>down for maintenance</p>".getBytes(StandardCharsets.UTF_8));
        return;
      }
      String query = ex.getRequestURI().getRawQuery();
      String page = query != null && query.startsWith("page=") ? query.substring(5) : "1";
      String html = """
          <!doctype html><html><head><meta charset="utf-8"><title>LiveView counter</title>
          <script src="/js/phoenix.min.js"></script><script src="/js/phoenix_live_view.min.js"></script>
          </head><body>
          <div id="phx-counter" data-phx-main data-phx-session="counter-session" data-phx-static="">%s</div>
          <script>
            window.liveSocket = new LiveView.LiveSocket("ws://127.0.0.1:%d/live", Phoenix.Socket,
                {params: {_csrf_token: "test"}});
            liveSocket.connect();
          </script>
          <script>%s</script>
          </body></html>""".formatted(CounterView.staticHtml(page), sockets.getPort(), pageScript);
      send(ex, 200, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
    }
  }

  private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
    ex.getResponseHeaders().add("Content-Type", type);
    ex.sendResponseHeaders(status, body.length);
    ex.getResponseBody().write(body);
  }

  // ---- WebSocket: the Phoenix channel protocol ------------------------------------------------------------------

  private final class Sockets extends WebSocketServer {
    final CountDownLatch started = new CountDownLatch(1);

    Sockets() {
      super(new InetSocketAddress("127.0.0.1", 0));
      setReuseAddr(true);
      setTcpNoDelay(true);
      setConnectionLostTimeout(0);
    }

    @Override
    public void onStart() {
      started.countDown();
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
      conn.setAttachment(new ConcurrentHashMap<String, CounterView>());
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
      framesIn.incrementAndGet();
      try {
        onFrame(conn, (ArrayNode) JSON.readTree(message));
      } catch (IOException | RuntimeException e) {
        System.err.println("liveview target: bad frame " + message + ": " + e);
      }
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {}

    @Override
    public void onError(WebSocket conn, Exception ex) {}
  }

  private void onFrame(WebSocket conn, ArrayNode msg) {
    String joinRef = text(msg.get(0));
    String ref = text(msg.get(1));
    String topic = msg.get(2).asText();
    String event = msg.get(3).asText();
    JsonNode payload = msg.get(4);
    Map<String, CounterView> views = conn.getAttachment();
    switch (event) {
      case "heartbeat" -> reply(conn, joinRef, ref, topic, Map.of(), 0);
      case "phx_join" -> {
        joinLock.lock();
        try {
          joins.incrementAndGet();
          joined.signalAll();
        } finally {
          joinLock.unlock();
        }
        var view = new CounterView();
        String url = payload.path("url").asText("");
        if (url.contains("page=")) {
          view.patch(url);
        }
        views.put(topic, view);
        var response = new LinkedHashMap<String, Object>();
        response.put("rendered", view.rendered());
        response.put("liveview_version", VERSION);
        reply(conn, joinRef, ref, topic, response, joinDelayMillis);
      }
      case "event" -> {
        events.incrementAndGet();
        CounterView view = views.get(topic);
        String name = payload.path("event").asText();
        Map<String, Object> diff = switch (name) {
          case "save" -> view.submit(form(payload.path("value").asText()).getOrDefault("item", ""));
          case "watch" -> Map.of();
          default -> view.click();
        };
        reply(conn, joinRef, ref, topic, Map.of("diff", diff), delays.getOrDefault(name, 0L));
        if (name.equals("watch")) {
          for (int i = 1; i <= pushes; i++) {
            later.schedule(() -> push(conn, joinRef, topic, "diff", view.tick()), i * pushEveryMillis,
                TimeUnit.MILLISECONDS);
          }
        }
      }
      case "live_patch" -> {
        events.incrementAndGet();
        CounterView view = views.get(topic);
        reply(conn, joinRef, ref, topic, Map.of("diff", view.patch(payload.path("url").asText())),
            delays.getOrDefault("live_patch", 0L));
      }
      case "phx_leave" -> {
        views.remove(topic);
        reply(conn, joinRef, ref, topic, Map.of(), 0);
      }
      default -> reply(conn, joinRef, ref, topic, Map.of(), 0);
    }
  }

  private void reply(WebSocket conn, String joinRef, String ref, String topic, Map<String, Object> response,
      long delayMillis) {
    Runnable send = () -> {
      try {
        var frame = new Object[] {joinRef, ref, topic, "phx_reply", Map.of("status", "ok", "response", response)};
        if (conn.isOpen()) {
          conn.send(JSON.writeValueAsString(frame));
          framesOut.incrementAndGet();
        }
      } catch (IOException | RuntimeException e) {
        System.err.println("liveview target: could not reply: " + e);
      }
    };
    if (delayMillis > 0) {
      later.schedule(send, delayMillis, TimeUnit.MILLISECONDS);
    } else {
      send.run();
    }
  }

  /** A message the server sends on its own: {@code [join_ref, null, topic, event, payload]}. */
  private void push(WebSocket conn, String joinRef, String topic, String event, Map<String, Object> payload) {
    try {
      if (conn.isOpen()) {
        conn.send(JSON.writeValueAsString(new Object[] {joinRef, null, topic, event, payload}));
        framesOut.incrementAndGet();
      }
    } catch (IOException | RuntimeException e) {
      System.err.println("liveview target: could not push: " + e);
    }
  }

  private static String text(JsonNode n) {
    return n == null || n.isNull() ? null : n.asText();
  }

  private static Map<String, String> form(String encoded) {
    var out = new LinkedHashMap<String, String>();
    for (String pair : encoded.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return out;
  }
}
