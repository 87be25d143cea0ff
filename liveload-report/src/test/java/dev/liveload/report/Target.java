package dev.liveload.report;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A small shop on 127.0.0.1 for a real run: {@code /} fast, {@code /items/{id}} about 3 ms, {@code /slow} about
 * 25 ms, {@code /cart} (POST) fast, {@code /status/{code}} answers that status.
 */
final class Target implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "report-target");
    t.setDaemon(true);
    return t;
  });

  Target() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
    server.setExecutor(pool);
    server.createContext("/", this::handle);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    exchange.getRequestBody().readAllBytes();
    if (path.startsWith("/items/")) {
      pause(3);
      send(exchange, 200, "{\"item\":\"" + path.substring(7) + "\"}");
    } else if (path.equals("/slow")) {
      pause(25);
      send(exchange, 200, "slow");
    } else if (path.startsWith("/status/")) {
      send(exchange, Integer.parseInt(path.substring(8)), "status");
    } else if (path.equals("/cart")) {
      send(exchange, 201, "{\"ok\":true}");
    } else {
      send(exchange, 200, "<html><body>shop</body></html>");
    }
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void send(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
  }
}
