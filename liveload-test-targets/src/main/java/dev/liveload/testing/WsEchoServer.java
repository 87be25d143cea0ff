package dev.liveload.testing;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.java_websocket.WebSocket;
import org.java_websocket.drafts.Draft;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.protocols.Protocol;
import org.java_websocket.server.WebSocketServer;

/**
 * A WebSocket target on 127.0.0.1 (Java-WebSocket server) that echoes each message on {@code /echo} after a known
 * delay, and counts the data frames and payload bytes it received and sent. Paths: {@code /echo} (echo after the
 * delay), {@code /silent} (never answers), {@code /close} (closes with 1011 on the first message), {@code /push}
 * (sends {@code hello 1..3} at once when opened, then echoes). Handshakes to {@code /reject} are refused with
 * HTTP 403. Offers the subprotocol {@code chat.v1}; records each connection's handshake headers.
 *
 * <p>Replies are made by one thread that parks until 2 ms before a reply is due and then spins, because a plain
 * timed wait on this kind of virtual machine wakes up to 2-3 ms late at p99 (see {@link DelayServer}); what each
 * reply really took from the message's arrival is recorded ({@link #serviceTimes()}).
 */
public final class WsEchoServer implements AutoCloseable {
  private static final long SPIN_NANOS = 2_000_000L;

  private record Reply(long dueNanos, long arrivalNanos, WebSocket to, String text, ByteBuffer bytes)
      implements Comparable<Reply> {
    @Override
    public int compareTo(Reply o) {
      return Long.compare(dueNanos, o.dueNanos);
    }
  }

  private final Server server;
  private final long delayNanos;
  private final PriorityBlockingQueue<Reply> replies = new PriorityBlockingQueue<>();
  private final Thread replier;
  private final Recorder serviceMicros = new Recorder(3);
  private final AtomicLong framesIn = new AtomicLong();
  private final AtomicLong bytesIn = new AtomicLong();
  private final AtomicLong framesOut = new AtomicLong();
  private final AtomicLong bytesOut = new AtomicLong();
  private final AtomicLong connections = new AtomicLong();
  private final AtomicLong closes = new AtomicLong();
  private final java.util.concurrent.locks.ReentrantLock closeLock = new java.util.concurrent.locks.ReentrantLock();
  private final java.util.concurrent.locks.Condition closed = closeLock.newCondition();
  /** Handshake headers (lower-case names) of every connection, by connection number. */
  public final Map<Long, Map<String, String>> handshakes = new ConcurrentHashMap<>();
  private volatile boolean open = true;

  private WsEchoServer(long delayMillis) throws InterruptedException {
    this.delayNanos = delayMillis * 1_000_000L;
    this.server = new Server();
    server.start();
    if (!server.started.await(10, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the WebSocket server did not start");
    }
    this.replier = Thread.ofPlatform().daemon().name("ws-echo-replies").start(this::reply);
  }

  /** @param delayMillis how long after a message's arrival its echo is sent */
  public static WsEchoServer start(long delayMillis) {
    try {
      return new WsEchoServer(delayMillis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** @return {@code ws://127.0.0.1:port} */
  public String url() {
    return "ws://127.0.0.1:" + server.getPort();
  }

  /** @return {@code http://127.0.0.1:port}, for a run's base URL */
  public String httpUrl() {
    return "http://127.0.0.1:" + server.getPort();
  }

  /** @return data frames received */
  public long framesReceived() {
    return framesIn.get();
  }

  /** @return payload bytes received */
  public long bytesReceived() {
    return bytesIn.get();
  }

  /** @return data frames sent */
  public long framesSent() {
    return framesOut.get();
  }

  /** @return payload bytes sent */
  public long bytesSent() {
    return bytesOut.get();
  }

  /** @return connections opened */
  public long connections() {
    return connections.get();
  }

  /** @return connections that have closed */
  public long closes() {
    return closes.get();
  }

  /**
   * Waits until {@code n} connections have closed in all.
   *
   * @return whether they did within {@code timeoutMillis}
   */
  public boolean awaitCloses(long n, long timeoutMillis) throws InterruptedException {
    long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
    closeLock.lock();
    try {
      while (closes.get() < n) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        closed.awaitNanos(left);
      }
      return true;
    } finally {
      closeLock.unlock();
    }
  }

  /** Service times (µs) since the last call: from a message's arrival to its echo being handed to the socket. */
  public Histogram serviceTimes() {
    return serviceMicros.getIntervalHistogram();
  }

  private void reply() {
    while (open) {
      Reply r;
      try {
        r = replies.take();
      } catch (InterruptedException e) {
        return;
      }
      long left;
      while ((left = r.dueNanos - System.nanoTime()) > SPIN_NANOS) {
        LockSupport.parkNanos(left - SPIN_NANOS);
        Reply head = replies.peek();
        if (head != null && head.dueNanos < r.dueNanos) { // an earlier one came in meanwhile
          replies.add(r);
          r = replies.poll();
        }
      }
      while (System.nanoTime() - r.dueNanos < 0) {
        Thread.onSpinWait();
      }
      send(r.to, r.text, r.bytes);
      serviceMicros.recordValue((System.nanoTime() - r.arrivalNanos) / 1000);
    }
  }

  private void send(WebSocket to, String text, ByteBuffer bytes) {
    if (!to.isOpen()) {
      return;
    }
    if (text != null) {
      to.send(text);
      bytesOut.addAndGet(text.getBytes(StandardCharsets.UTF_8).length);
    } else {
      bytesOut.addAndGet(bytes.remaining());
      to.send(bytes);
    }
    framesOut.incrementAndGet();
  }

  private void received(WebSocket conn, String text, ByteBuffer bytes) {
    long arrival = System.nanoTime();
    framesIn.incrementAndGet();
    bytesIn.addAndGet(text != null ? text.getBytes(StandardCharsets.UTF_8).length : bytes.remaining());
    String path = conn.getResourceDescriptor();
    if (path.startsWith("/silent")) {
      return;
    }
    if (path.startsWith("/close")) {
      conn.close(CloseFrame.UNEXPECTED_CONDITION, "target closes");
      return;
    }
    ByteBuffer copy = bytes == null ? null : ByteBuffer.wrap(copyOf(bytes));
    replies.add(new Reply(arrival + delayNanos, arrival, conn, text, copy));
  }

  private static byte[] copyOf(ByteBuffer b) {
    byte[] a = new byte[b.remaining()];
    b.duplicate().get(a);
    return a;
  }

  private final class Server extends WebSocketServer {
    final CountDownLatch started = new CountDownLatch(1);

    Server() {
      super(new InetSocketAddress("127.0.0.1", 0), List.<Draft>of(new Draft_6455(List.of(),
          List.of(new Protocol("chat.v1"), new Protocol("")))));
      setReuseAddr(true);
      setTcpNoDelay(true);
      setConnectionLostTimeout(0);
      setDaemon(true);
    }

    @Override
    public org.java_websocket.handshake.ServerHandshakeBuilder onWebsocketHandshakeReceivedAsServer(WebSocket conn,
        Draft draft, ClientHandshake request) throws org.java_websocket.exceptions.InvalidDataException {
      if (request.getResourceDescriptor().startsWith("/reject")) {
        throw new org.java_websocket.exceptions.InvalidDataException(CloseFrame.POLICY_VALIDATION, "forbidden");
      }
      return super.onWebsocketHandshakeReceivedAsServer(conn, draft, request);
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
      long n = connections.incrementAndGet();
      var headers = new ConcurrentHashMap<String, String>();
      handshake.iterateHttpFields().forEachRemaining(name -> headers.put(name.toLowerCase(java.util.Locale.ROOT),
          handshake.getFieldValue(name)));
      handshakes.put(n, headers);
      if (conn.getResourceDescriptor().startsWith("/push")) {
        for (int i = 1; i <= 3; i++) {
          send(conn, "hello " + i, null);
        }
      }
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
      closeLock.lock();
      try {
        closes.incrementAndGet();
        closed.signalAll();
      } finally {
        closeLock.unlock();
      }
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
      received(conn, message, null);
    }

    @Override
    public void onMessage(WebSocket conn, ByteBuffer message) {
      received(conn, null, message);
    }

    @Override
    public void onError(WebSocket conn, Exception ex) {
      // a client went away
    }

    @Override
    public void onStart() {
      started.countDown();
    }
  }

  @Override
  public void close() {
    open = false;
    replier.interrupt();
    try {
      server.stop(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
