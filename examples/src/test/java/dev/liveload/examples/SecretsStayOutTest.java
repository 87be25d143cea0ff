package dev.liveload.examples;

import static dev.liveload.http.Http.cookie;
import static dev.liveload.http.Http.header;
import static dev.liveload.http.Http.jsonPath;
import static dev.liveload.http.Http.status;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.liveload.LiveLoad;
import dev.liveload.Load;
import dev.liveload.Progress;
import dev.liveload.RunOptions;
import dev.liveload.browser.BrowserOptions;
import dev.liveload.report.HtmlReport;
import dev.liveload.report.Summary;
import dev.liveload.result.ErrorGroup;
import dev.liveload.result.RunResult;
import dev.liveload.ws.Ws;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Secrets planted in HTTP, WebSocket and browser scenarios (secret query parameters, Authorization, Cookie,
 * Set-Cookie and Proxy-Authorization values, URL user info, a token in a response body, a password typed into a
 * password field) appear in no output: the result JSON, the HTML report, the console and Markdown summaries, the
 * screenshots' names and everything the run logged. Every scenario fails on purpose, so each secret passes through
 * an error message.
 */
class SecretsStayOutTest {
  private static final List<String> SECRETS = List.of("SECRETTOKEN123", "APIKEY987", "SESSIONVAL42",
      "AUTHBEARER555", "SETCOOKIE777", "COOKIEVAL888", "PROXYAUTH999", "USERINFOPW321", "BODYTOKEN246",
      "FORMPASS135", "WSTOKEN864", "BROWSERTOKEN753", "TYPEDPASS159");

  private static final String PAGE = """
      <!doctype html><html><body>
      <form><input id="pw" type="password"><input id="pw-off" type="password" disabled></form>
      </body></html>""";

  @Test
  void noSecretReachesAnyOutput(@TempDir Path dir) throws Exception {
    HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    http.createContext("/", SecretsStayOutTest::handle);
    http.start();
    var ws = new RejectingWsServer();
    ws.start();
    if (!ws.started.await(10, java.util.concurrent.TimeUnit.SECONDS)) {
      throw new IllegalStateException("the WebSocket server did not start");
    }
    String base = "http://127.0.0.1:" + http.getAddress().getPort();
    String wsBase = "ws://127.0.0.1:" + ws.getPort();
    Path screenshots = dir.resolve("screenshots");
    Path resultFile = dir.resolve("result.json");
    var captured = new ByteArrayOutputStream();
    PrintStream out = System.out;
    PrintStream err = System.err;
    RunResult result;
    try {
      System.setOut(new PrintStream(new Tee(out, captured), true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(new Tee(err, captured), true, StandardCharsets.UTF_8));
      result = LiveLoad.run(RunOptions.builder()
          .baseUrl(base)
          .redactQueryParameters("session")
          .resultFile(resultFile)
          .progress(Progress.console())
          .browser(BrowserOptions.defaults().screenshotDirectory(screenshots)
              .actionTimeout(Duration.ofSeconds(2)).navigationTimeout(Duration.ofSeconds(10)))
          .scenario("http", user -> httpSecrets(user, base), Load.iterations(1, 9))
          .scenario("ws", user -> {
            if (user.iteration() == 0) {
              user.ws(wsBase + "/socket?token=WSTOKEN864&session=SESSIONVAL42");
            } else {
              user.ws(wsBase + "/socket?access_token=WSTOKEN864").expect(Ws.exact("never"), Duration.ofMillis(200));
            }
          }, Load.iterations(1, 2))
          .scenario("browser", user -> {
            var b = user.browser();
            if (user.iteration() == 0) {
              b.navigate("/page?token=BROWSERTOKEN753").fill("#pw", "TYPEDPASS159").fill("#pw-off", "TYPEDPASS159")
                  .sync();
            } else {
              b.navigate("http://127.0.0.1:1/unreachable?token=BROWSERTOKEN753").sync();
            }
          }, Load.iterations(1, 2))
          .build());
      System.out.println(Summary.console(result));
    } finally {
      System.setOut(out);
      System.setErr(err);
      http.stop(0);
      ws.stop(1000);
    }
    Path report = HtmlReport.write(result, dir.resolve("report.html"));
    Path markdown = Files.writeString(dir.resolve("summary.md"), Summary.markdown(result));
    Path logs = Files.write(dir.resolve("captured.log"), captured.toByteArray());

    // every planted secret went through an error: the scenarios failed where they were meant to
    List<String> messages = result.scenarios().stream().flatMap(s -> s.errors().stream())
        .map(ErrorGroup::message).toList();
    assertThat(result.scenario("http").failedIterations()).isEqualTo(9);
    assertThat(result.scenario("ws").failedIterations()).isEqualTo(2);
    assertThat(result.scenario("browser").failedIterations()).isEqualTo(2);
    assertThat(messages).anyMatch(m -> m.contains("/status/500?token=REDACTED"))
        .anyMatch(m -> m.contains("session=REDACTED"))
        .anyMatch(m -> m.contains("\"access_token\":\"REDACTED\""))
        .anyMatch(m -> m.startsWith("header Set-Cookie is a value (hidden"))
        .anyMatch(m -> m.contains("fill(#pw-off)"))
        .anyMatch(m -> m.contains("unreachable?token=REDACTED"));
    assertThat(Files.readString(logs)).contains("run 'liveload' completed");

    var files = new ArrayList<Path>(List.of(resultFile, report, markdown, logs));
    if (Files.isDirectory(screenshots)) {
      try (Stream<Path> s = Files.list(screenshots)) {
        s.forEach(files::add);
      }
    }
    for (Path f : files) {
      String text = Files.readString(f, StandardCharsets.ISO_8859_1) + " " + f.getFileName();
      for (String secret : SECRETS) {
        assertThat(text).as("%s in %s", secret, f.getFileName()).doesNotContain(secret);
      }
    }
    System.out.println("grepped " + files.size() + " files (" + files.stream().map(p -> p.getFileName().toString())
        .toList() + ") for " + SECRETS.size() + " secrets: none found");
  }

  private static void httpSecrets(dev.liveload.User user, String base) {
    var h = user.http();
    switch ((int) user.iteration()) {
      case 0 -> h.get("/status/500?token=SECRETTOKEN123&page=2").send().body();
      case 1 -> h.get("/status/500").query("api_key", "APIKEY987").query("session", "SESSIONVAL42").send().body();
      case 2 -> h.get("/status/401").header("Authorization", "Bearer AUTHBEARER555")
          .header("Proxy-Authorization", "Basic PROXYAUTH999").header("Cookie", "c=COOKIEVAL888").send().body();
      case 3 -> h.get("/login").check(status(200), header("Set-Cookie").is("sid=other"));
      case 4 -> h.get("/login").check(cookie("sid").contains("nope"));
      case 5 -> h.get(base.replace("http://", "http://alice:USERINFOPW321@") + "/status/503").send().body();
      case 6 -> h.get("/token").extract(jsonPath("$.missing"));
      case 7 -> h.post("/status/500").form(Map.of("user", "ann", "password", "FORMPASS135")).send().body();
      default -> h.get("/x\n?token=SECRETTOKEN123").send();
    }
  }

  private static void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    exchange.getRequestBody().readAllBytes();
    int code = 200;
    String body = "ok";
    String type = "text/plain";
    if (path.startsWith("/status/")) {
      code = Integer.parseInt(path.substring(8));
    } else if (path.equals("/login")) {
      exchange.getResponseHeaders().add("Set-Cookie", "sid=SETCOOKIE777; Path=/");
    } else if (path.equals("/token")) {
      body = "{\"access_token\":\"BODYTOKEN246\",\"user\":\"ann\"}";
      type = "application/json";
    } else if (path.equals("/page")) {
      body = PAGE;
      type = "text/html";
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", type);
    exchange.sendResponseHeaders(code, bytes.length);
    try (OutputStream o = exchange.getResponseBody()) {
      o.write(bytes);
    }
  }

  /** Refuses the handshake of a URL with a session (401), says nothing on the others. */
  private static final class RejectingWsServer extends WebSocketServer {
    final java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);

    RejectingWsServer() {
      super(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      setReuseAddr(true);
    }

    @Override
    public org.java_websocket.handshake.ServerHandshakeBuilder onWebsocketHandshakeReceivedAsServer(WebSocket conn,
        org.java_websocket.drafts.Draft draft, ClientHandshake request)
        throws org.java_websocket.exceptions.InvalidDataException {
      if (request.getResourceDescriptor().contains("session=")) {
        throw new org.java_websocket.exceptions.InvalidDataException(401, "token rejected");
      }
      return super.onWebsocketHandshakeReceivedAsServer(conn, draft, request);
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {}

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {}

    @Override
    public void onMessage(WebSocket conn, String message) {}

    @Override
    public void onError(WebSocket conn, Exception ex) {}

    @Override
    public void onStart() {
      started.countDown();
    }
  }

  /** Writes to the real stream and keeps a copy. */
  private static final class Tee extends OutputStream {
    private final OutputStream a;
    private final ByteArrayOutputStream b;

    Tee(OutputStream a, ByteArrayOutputStream b) {
      this.a = a;
      this.b = b;
    }

    @Override
    public synchronized void write(int x) throws IOException {
      a.write(x);
      b.write(x);
    }

    @Override
    public synchronized void write(byte[] bytes, int off, int len) throws IOException {
      a.write(bytes, off, len);
      b.write(bytes, off, len);
    }
  }
}
