package dev.liveload.examples;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small shop API to load-test, embedded in the examples: a JDK {@code HttpServer} on a free 127.0.0.1 port.
 *
 * <ul>
 *   <li>{@code POST /api/login} with {@code {"user":"..."}} returns {@code {"token":"..."}}</li>
 *   <li>{@code GET /api/products} lists products (about {@code latency})</li>
 *   <li>{@code GET /api/products/{id}} shows one (about {@code latency})</li>
 *   <li>{@code POST /api/cart} adds to the cart; needs {@code Authorization: Bearer <token>} (401 otherwise)</li>
 *   <li>{@code GET /api/recommendations} fails with 503 for {@code failureShare} of requests</li>
 *   <li>{@code GET /shop} is a storefront page for browser users: sign in, then add products to the cart (it
 *       calls the API above from the page)</li>
 * </ul>
 *
 * <pre>{@code
 * try (ShopApp app = ShopApp.start(Duration.ofMillis(10), 0.05)) {
 *   System.out.println(app.url());   // http://127.0.0.1:<port>
 * }
 * }</pre>
 */
public final class ShopApp implements AutoCloseable {
  private static final Pattern USER = Pattern.compile("\"user\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern PRODUCT = Pattern.compile("/api/products/(\\d+)");

  private final HttpServer server;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final long latencyMicros;
  private final double failureShare;
  private final Map<String, String> tokens = new ConcurrentHashMap<>();
  private final AtomicLong requests = new AtomicLong();

  private ShopApp(Duration latency, double failureShare) throws IOException {
    this.latencyMicros = latency.toNanos() / 1000;
    this.failureShare = failureShare;
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  /**
   * Starts the app.
   *
   * @param latency      typical handler latency (each request takes 50% to 150% of it)
   * @param failureShare share of {@code /api/recommendations} requests that fail with 503, in [0, 1]
   * @return the running app
   */
  public static ShopApp start(Duration latency, double failureShare) {
    try {
      return new ShopApp(latency, failureShare);
    } catch (IOException e) {
      throw new IllegalStateException("could not start the shop app: " + e.getMessage(), e);
    }
  }

  /** @return the base URL, e.g. {@code http://127.0.0.1:41234} */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** @return requests received so far */
  public long requests() {
    return requests.get();
  }

  private void handle(HttpExchange ex) throws IOException {
    requests.incrementAndGet();
    String path = ex.getRequestURI().getPath();
    String method = ex.getRequestMethod();
    try {
      if (method.equals("GET") && path.equals("/shop")) {
        html(ex, STOREFRONT);
      } else if (method.equals("POST") && path.equals("/api/login")) {
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Matcher m = USER.matcher(body);
        if (!m.find()) {
          json(ex, 400, "{\"error\":\"user required\"}");
          return;
        }
        String token = UUID.randomUUID().toString();
        tokens.put(token, m.group(1));
        work();
        json(ex, 200, "{\"token\":\"" + token + "\",\"user\":\"" + m.group(1) + "\"}");
      } else if (method.equals("GET") && path.equals("/api/products")) {
        work();
        var sb = new StringBuilder("{\"products\":[");
        for (int i = 1; i <= 20; i++) {
          sb.append(i > 1 ? "," : "").append("{\"id\":").append(i).append(",\"name\":\"Product ").append(i)
              .append("\",\"price\":").append(5 * i).append('}');
        }
        json(ex, 200, sb.append("]}").toString());
      } else if (method.equals("GET") && PRODUCT.matcher(path).matches()) {
        Matcher m = PRODUCT.matcher(path);
        m.matches();
        work();
        json(ex, 200, "{\"id\":" + m.group(1) + ",\"name\":\"Product " + m.group(1) + "\",\"stock\":7}");
      } else if (method.equals("POST") && path.equals("/api/cart")) {
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        String user = auth != null && auth.startsWith("Bearer ") ? tokens.get(auth.substring(7)) : null;
        ex.getRequestBody().readAllBytes();
        if (user == null) {
          json(ex, 401, "{\"error\":\"unauthorized\"}");
          return;
        }
        work();
        json(ex, 201, "{\"user\":\"" + user + "\",\"items\":1}");
      } else if (method.equals("GET") && path.equals("/api/recommendations")) {
        work();
        if (ThreadLocalRandom.current().nextDouble() < failureShare) {
          json(ex, 503, "{\"error\":\"recommendations unavailable\"}");
        } else {
          json(ex, 200, "{\"recommended\":[3,7,11]}");
        }
      } else {
        json(ex, 404, "{\"error\":\"not found\"}");
      }
    } finally {
      ex.close();
    }
  }

  private void work() {
    long micros = (long) (latencyMicros * (0.5 + ThreadLocalRandom.current().nextDouble()));
    try {
      Thread.sleep(Duration.ofNanos(micros * 1000));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The storefront for browser users: sign in, list products and add one to the cart, all through the JSON API. */
  private static final String STOREFRONT = """
      <!doctype html><html><head><meta charset="utf-8"><title>Shop</title></head><body>
      <form id="login"><input id="user" name="user" placeholder="email"><button id="sign-in">Sign in</button></form>
      <p id="hello" hidden></p><ul id="products"></ul><p id="cart"></p>
      <script>
        const $ = (s) => document.querySelector(s);
        $('#login').addEventListener('submit', async (e) => {
          e.preventDefault();
          const r = await fetch('/api/login', { method: 'POST', headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ user: $('#user').value }) });
          const me = await r.json();
          sessionStorage.setItem('token', me.token);
          const list = await (await fetch('/api/products')).json();
          $('#products').innerHTML = list.products.map((p) =>
            `<li><button class="add" data-id="${p.id}">Add ${p.name}</button></li>`).join('');
          $('#hello').textContent = 'Hello ' + me.user;
          $('#hello').hidden = false;
        });
        document.addEventListener('click', async (e) => {
          const b = e.target.closest('button.add');
          if (!b) return;
          const r = await fetch('/api/cart', { method: 'POST', body: JSON.stringify({ product: b.dataset.id }),
            headers: { 'Authorization': 'Bearer ' + sessionStorage.getItem('token') } });
          const cart = await r.json();
          $('#cart').textContent = r.ok ? 'In cart for ' + cart.user : 'Error ' + r.status;
        });
      </script></body></html>""";

  private static void html(HttpExchange ex, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
    ex.sendResponseHeaders(200, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static void json(HttpExchange ex, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
