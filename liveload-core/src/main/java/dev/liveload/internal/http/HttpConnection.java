package dev.liveload.internal.http;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.impl.io.DefaultBHttpClientConnection;
import org.apache.hc.core5.io.CloseMode;

/** One keep-alive connection owned by one user: a socket and httpcore5's HTTP/1.1 codec over it. */
final class HttpConnection {
  private static final Http1Config CONFIG = Http1Config.custom().setBufferSize(16 * 1024).build();

  final Origin origin;
  final DefaultBHttpClientConnection conn;
  /** A connection idle this long is checked before a request that must not be sent twice goes on it. */
  static final long VALIDATE_AFTER_IDLE_MILLIS = 200;

  private int exchanges;
  private long lastUsedNanos = System.nanoTime();

  private HttpConnection(Origin origin, DefaultBHttpClientConnection conn) {
    this.origin = origin;
    this.conn = conn;
  }

  /** Thrown when connecting failed, so that callers can tell it from a failure mid-exchange. */
  static final class ConnectFailure extends IOException {
    private static final long serialVersionUID = 1L;

    ConnectFailure(IOException cause) {
      super(cause.getMessage(), cause);
    }
  }

  static HttpConnection open(Origin origin, int connectTimeoutMillis, SSLSocketFactory tls, boolean verifyHost)
      throws ConnectFailure {
    Socket socket = new Socket();
    try {
      socket.setTcpNoDelay(true);
      socket.connect(new InetSocketAddress(origin.host(), origin.port()), connectTimeoutMillis);
      var conn = new DefaultBHttpClientConnection(CONFIG);
      if (origin.https()) {
        socket.setSoTimeout(connectTimeoutMillis);
        SSLSocket ssl = (SSLSocket) tls.createSocket(socket, origin.host(), origin.port(), true);
        SSLParameters params = ssl.getSSLParameters();
        params.setApplicationProtocols(new String[] {"http/1.1"});
        if (verifyHost) {
          params.setEndpointIdentificationAlgorithm("HTTPS");
        }
        ssl.setSSLParameters(params);
        ssl.startHandshake();
        socket.setSoTimeout(0); // response timeouts are enforced by the watchdog, not by socket timeouts
        conn.bind(ssl, socket);
      } else {
        conn.bind(socket);
      }
      return new HttpConnection(origin, conn);
    } catch (IOException e) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // nothing more to do
      }
      if (e instanceof SocketTimeoutException && !(e.getMessage() != null && e.getMessage().contains("connect"))) {
        // a TLS handshake that took too long is still a connect failure
        return throwConnect(new SocketTimeoutException("connect timed out (TLS handshake): " + e.getMessage()));
      }
      throw new ConnectFailure(e);
    }
  }

  private static HttpConnection throwConnect(IOException e) throws ConnectFailure {
    throw new ConnectFailure(e);
  }

  /**
   * Whether the server closed this connection while it sat idle, so that a request sent on it would be lost
   * without a trace. Looked at only after {@value #VALIDATE_AFTER_IDLE_MILLIS} ms idle: the look waits up to
   * 1 ms for an open connection (a read with a 1 ms timeout), where a closed one answers at once.
   *
   * @return true when it is closed (or broken)
   */
  boolean closedWhileIdle() {
    if (System.nanoTime() - lastUsedNanos < VALIDATE_AFTER_IDLE_MILLIS * 1_000_000L) {
      return false;
    }
    try {
      return conn.isStale();
    } catch (IOException e) {
      return true;
    }
  }

  /** @return how many exchanges this connection carried before the current one */
  int used() {
    return exchanges;
  }

  void exchanged() {
    exchanges++;
    lastUsedNanos = System.nanoTime();
  }

  void close() {
    conn.close(CloseMode.IMMEDIATE);
  }
}
