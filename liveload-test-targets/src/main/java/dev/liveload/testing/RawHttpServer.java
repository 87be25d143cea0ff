package dev.liveload.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP/1.1 server on a raw socket that keeps what it received byte for byte: each request line exactly as it
 * came (bytes as ISO-8859-1 characters, so a UTF-8 byte shows as one character each), and on which connection.
 * Its {@link Behaviour} decides per request whether to answer (keeping the connection), answer and then close the
 * connection without saying so, or close the connection after reading the request without answering.
 *
 * <pre>{@code
 * try (var server = RawHttpServer.start((request, n) -> request.method().equals("POST")
 *     ? RawHttpServer.Action.CLOSE_WITHOUT_RESPONSE : RawHttpServer.Action.RESPOND)) {
 *   ... // server.requests() holds what arrived
 * }
 * }</pre>
 */
public final class RawHttpServer implements AutoCloseable {

  /** What to do with a request. */
  public enum Action {
    /** Answer {@code 200 ok} and keep the connection. */
    RESPOND,
    /** Answer {@code 200 ok} without {@code Connection: close}, then close the connection. */
    RESPOND_THEN_CLOSE,
    /** Read the request, then close the connection without a byte of response. */
    CLOSE_WITHOUT_RESPONSE
  }

  /**
   * A request as received.
   *
   * @param line       the request line as sent, bytes as ISO-8859-1 characters
   * @param connection which connection (1, 2, ...) in order of acceptance
   * @param onConnection which request on its connection (1, 2, ...)
   * @param body       the body as received
   */
  public record Request(String line, int connection, int onConnection, byte[] body) {
    /** @return the method */
    public String method() {
      return line.substring(0, Math.max(0, line.indexOf(' ')));
    }
  }

  /** Decides what to do with each request. */
  @FunctionalInterface
  public interface Behaviour {
    /**
     * @param request what arrived
     * @return what to do with it
     */
    Action on(Request request);
  }

  private final ServerSocket socket;
  private final Behaviour behaviour;
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private final AtomicInteger connections = new AtomicInteger();
  private final Thread acceptor;
  private volatile Runnable onClose = () -> {};

  private RawHttpServer(Behaviour behaviour) throws IOException {
    this.behaviour = behaviour;
    this.socket = new ServerSocket();
    socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    this.acceptor = Thread.ofPlatform().daemon().name("raw-http-accept").start(this::accept);
  }

  /** Starts a server that answers every request. */
  public static RawHttpServer start() {
    return start(r -> Action.RESPOND);
  }

  /** Starts a server with a behaviour. */
  public static RawHttpServer start(Behaviour behaviour) {
    try {
      return new RawHttpServer(behaviour);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Runs {@code r} each time the server closed a connection on purpose (after it closed). */
  public RawHttpServer onClose(Runnable r) {
    this.onClose = r;
    return this;
  }

  /** @return {@code http://127.0.0.1:port} */
  public String url() {
    return "http://127.0.0.1:" + socket.getLocalPort();
  }

  /** @return every request received, in order */
  public List<Request> requests() {
    return new ArrayList<>(requests);
  }

  /** @return the request lines received, in order */
  public List<String> lines() {
    return requests.stream().map(Request::line).toList();
  }

  /** @return how many connections were accepted */
  public int connections() {
    return connections.get();
  }

  private void accept() {
    while (!socket.isClosed()) {
      try {
        Socket s = socket.accept();
        open.add(s);
        int n = connections.incrementAndGet();
        Thread.ofPlatform().daemon().name("raw-http-" + n).start(() -> serve(s, n));
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket s, int connection) {
    try (s) {
      InputStream in = s.getInputStream();
      OutputStream out = s.getOutputStream();
      for (int n = 1; ; n++) {
        byte[] head = readHead(in);
        if (head == null) {
          return;
        }
        String text = new String(head, StandardCharsets.ISO_8859_1);
        String line = text.substring(0, text.indexOf("\r\n"));
        byte[] body = in.readNBytes(contentLength(text));
        var request = new Request(line, connection, n, body);
        requests.add(request);
        Action action = behaviour.on(request);
        if (action == Action.CLOSE_WITHOUT_RESPONSE) {
          s.close();
          onClose.run();
          return;
        }
        out.write("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nok"
            .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        if (action == Action.RESPOND_THEN_CLOSE) {
          s.close();
          onClose.run();
          return;
        }
      }
    } catch (IOException e) {
      // the client went away
    } finally {
      open.remove(s);
    }
  }

  /** @return the bytes up to and including the blank line, or null at the end of the stream */
  private static byte[] readHead(InputStream in) throws IOException {
    var buf = new ByteArrayOutputStream(256);
    int matched = 0;
    int b;
    while ((b = in.read()) >= 0) {
      buf.write(b);
      matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3))
          ? matched + 1 : b == '\r' ? 1 : 0;
      if (matched == 4) {
        return buf.toByteArray();
      }
    }
    return null;
  }

  private static int contentLength(String head) {
    for (String h : head.split("\r\n")) {
      int colon = h.indexOf(':');
      if (colon > 0 && h.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals("content-length")) {
        return Integer.parseInt(h.substring(colon + 1).trim());
      }
    }
    return 0;
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      // closing
    }
    for (Socket s : open) {
      try {
        s.close();
      } catch (IOException e) {
        // closing
      }
    }
    try {
      acceptor.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
