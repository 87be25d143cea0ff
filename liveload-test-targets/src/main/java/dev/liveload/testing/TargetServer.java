package dev.liveload.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;

/**
 * A real HTTP server on 127.0.0.1 for tests, with routes whose behaviour is known: fixed delays, status codes,
 * redirects, cookies, gzip, and a count of every request received per path.
 */
public final class TargetServer implements AutoCloseable {
  private final HttpServer server;
  private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
  private final AtomicLong total = new AtomicLong();

  private TargetServer(HttpServer server) {
    this.server = server;
  }

  /** @return a server on a free port of 127.0.0.1, already accepting requests; close it when done */
  public static TargetServer start() {
    System.setProperty("sun.net.httpserver.nodelay", "true");
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
      var target = new TargetServer(server);
      // Platform threads, so that a delay route can wake on time (see sleep).
      server.setExecutor(Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "target-server");
        t.setDaemon(true);
        return t;
      }));
      server.createContext("/", target::handle);
      server.start();
      return target;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Adds or replaces a route. */
  public TargetServer route(String path, HttpHandler handler) {
    try {
      server.removeContext(path);
    } catch (IllegalArgumentException noSuchContext) {
      // first time this path is routed
    }
    server.createContext(path, exchange -> {
      count(exchange);
      handler.handle(exchange);
    });
    return this;
  }

  /** @return {@code http://127.0.0.1:port}, for a run's base URL */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** @return the port it listens on */
  public int port() {
    return server.getAddress().getPort();
  }

  /** @return how many requests arrived for {@code path} (the request URI's path, without its query) */
  public long count(String path) {
    AtomicLong c = counts.get(path);
    return c == null ? 0 : c.get();
  }

  /** @return how many requests arrived in all */
  public long total() {
    return total.get();
  }

  private void count(HttpExchange exchange) {
    total.incrementAndGet();
    counts.computeIfAbsent(exchange.getRequestURI().getPath(), k -> new AtomicLong()).incrementAndGet();
  }

  /** Default routes: /delay/{ms}, /status/{code}, /redirect/{n}, /gzip, /echo, anything else 200 "ok". */
  private void handle(HttpExchange exchange) throws IOException {
    count(exchange);
    URI uri = exchange.getRequestURI();
    String[] parts = uri.getPath().split("/");
    String head = parts.length > 1 ? parts[1] : "";
    switch (head) {
      case "delay" -> {
        sleep(Long.parseLong(parts[2]));
        send(exchange, 200, "slept " + parts[2]);
      }
      case "status" -> send(exchange, Integer.parseInt(parts[2]), "status " + parts[2]);
      case "redirect" -> {
        int n = Integer.parseInt(parts[2]);
        exchange.getResponseHeaders().add("Location", n <= 1 ? "/landed" : "/redirect/" + (n - 1));
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
      }
      case "gzip" -> {
        var bytes = new ByteArrayOutputStream();
        try (var gz = new GZIPOutputStream(bytes)) {
          gz.write("{\"compressed\":true,\"text\":\"hello gzip\"}".getBytes(StandardCharsets.UTF_8));
        }
        exchange.getResponseHeaders().add("Content-Encoding", "gzip");
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.size());
        try (OutputStream out = exchange.getResponseBody()) {
          bytes.writeTo(out);
        }
      }
      case "echo" -> {
        byte[] body = exchange.getRequestBody().readAllBytes();
        var sb = new StringBuilder();
        sb.append(exchange.getRequestMethod()).append(' ').append(uri).append('\n');
        exchange.getRequestHeaders().forEach((k, v) -> sb.append(k.toLowerCase()).append(": ")
            .append(String.join(",", v)).append('\n'));
        sb.append('\n').append(new String(body, StandardCharsets.UTF_8));
        send(exchange, 200, sb.toString());
      }
      default -> send(exchange, 200, "ok");
    }
  }

  /**
   * Waits exactly {@code millis}: sleeps until 2 ms before the deadline, then spins. A plain sleep on this kind
   * of virtual machine overshoots by up to 3 ms at p99, which would be charged to the client under test.
   */
  static final long SPIN_MILLIS = Long.getLong("spinms", 3);

  /** Waits {@code millis} on the calling thread, on time (see {@link #SPIN_MILLIS}); for a route's delay. */
  public static void sleep(long millis) {
    long deadline = System.nanoTime() + millis * 1_000_000L;
    long coarse = millis - SPIN_MILLIS;
    if (coarse > 0) {
      try {
        Thread.sleep(coarse);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    while (System.nanoTime() - deadline < 0) {
      Thread.onSpinWait();
    }
  }

  /** Answers {@code exchange} with {@code status} and {@code body} (UTF-8; none when empty) and closes it. */
  public static void send(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }
}
