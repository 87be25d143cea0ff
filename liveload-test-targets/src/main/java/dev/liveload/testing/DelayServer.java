package dev.liveload.testing;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * A minimal HTTP/1.1 keep-alive server whose only job is a known delay: each request is answered
 * {@code delayMillis} after its last header byte was read, by a thread per connection. It records how long it
 * really took per request ({@link #serviceTimes()}), so that a timing test can tell the target's own lateness
 * (a timer wake-up on a virtual machine is late by up to 2-3 ms at p99) from the client's. Used instead of the
 * JDK HttpServer, whose selector thread adds about a millisecond before a handler even starts.
 */
public final class DelayServer implements AutoCloseable {
  private static final byte[] RESPONSE =
      "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nok".getBytes(StandardCharsets.US_ASCII);

  private final ServerSocket socket;
  private final long delayNanos;
  private final Recorder serviceMicros = new Recorder(3);
  private volatile boolean open = true;

  private DelayServer(long delayMillis) throws IOException {
    this.socket = new ServerSocket(0, 512, InetAddress.getLoopbackAddress());
    this.delayNanos = delayMillis * 1_000_000L;
    Thread.ofPlatform().daemon().name("delay-server-accept").start(this::accept);
  }

  /**
   * @param delayMillis how long after a request's last header byte its response is written
   * @return a server on a free port of 127.0.0.1, already accepting connections
   */
  public static DelayServer start(long delayMillis) {
    try {
      return new DelayServer(delayMillis);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** @return {@code http://127.0.0.1:port}, for a run's base URL */
  public String url() {
    return "http://127.0.0.1:" + socket.getLocalPort();
  }

  /** Service times (µs) since the last call: from a request's arrival to its response being written. */
  public Histogram serviceTimes() {
    return serviceMicros.getIntervalHistogram();
  }

  private void accept() {
    while (open) {
      try {
        Socket s = socket.accept();
        s.setTcpNoDelay(true);
        Thread.ofPlatform().daemon().name("delay-server-conn").start(() -> serve(s));
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket s) {
    try (s) {
      InputStream in = new BufferedInputStream(s.getInputStream());
      OutputStream out = s.getOutputStream();
      while (open) {
        if (!readHeaders(in)) {
          return;
        }
        long arrival = System.nanoTime();
        long deadline = arrival + delayNanos;
        long left;
        while ((left = deadline - System.nanoTime()) > 0) {
          Thread.sleep(left / 1_000_000L, (int) (left % 1_000_000L));
        }
        out.write(RESPONSE);
        out.flush();
        serviceMicros.recordValue((System.nanoTime() - arrival) / 1000);
      }
    } catch (IOException | InterruptedException e) {
      // connection closed
    }
  }

  /** Reads up to the blank line ending the headers; false at end of stream. Requests carry no body here. */
  private static boolean readHeaders(InputStream in) throws IOException {
    int state = 0;
    while (state < 4) {
      int b = in.read();
      if (b < 0) {
        return false;
      }
      boolean cr = b == '\r' && (state == 0 || state == 2);
      boolean lf = b == '\n' && (state == 1 || state == 3);
      state = cr || lf ? state + 1 : b == '\r' ? 1 : 0;
    }
    return true;
  }

  @Override
  public void close() {
    open = false;
    try {
      socket.close();
    } catch (IOException e) {
      // closing
    }
  }
}
