package dev.liveload.internal.ws;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.drafts.Draft;
import org.java_websocket.handshake.ServerHandshake;

/**
 * The Java-WebSocket side of a connection: its callbacks run on the connection's read thread and only stamp the
 * time, hand messages to the user's thread through a bounded {@link LinkedBlockingDeque} (never blocking: when
 * full, the oldest message is dropped), and count down latches. Java-WebSocket gives each connection a read
 * thread and a write thread (both platform threads); its connection-lost timer (a third) is turned off.
 */
final class WsClient extends WebSocketClient {
  /** Put in the inbox when the connection closed, to wake a waiting user. */
  static final Object CLOSED = new Object();

  final LinkedBlockingDeque<Object> inbox;
  final CountDownLatch settled = new CountDownLatch(1);
  final AtomicLong dropped = new AtomicLong();
  /** When the handshake completed ({@link System#nanoTime()}), 0 before. */
  volatile long openedNanos;
  volatile String closeReason;
  volatile boolean closedAbnormally;
  volatile Exception error;
  /** Set when the user gave up on this connection before it opened: close it if it opens after all. */
  volatile boolean abandoned;
  /** Messages the user never sees (Phoenix heartbeat replies), tested on the read thread. */
  volatile Predicate<String> swallow;

  WsClient(URI uri, Draft draft, Map<String, String> headers, int connectTimeoutMillis, int bufferSize) {
    super(uri, draft, headers, connectTimeoutMillis);
    this.inbox = new LinkedBlockingDeque<>(bufferSize + 1);
    setConnectionLostTimeout(0);
    setDaemon(true);
    setTcpNoDelay(true);
  }

  @Override
  public void onOpen(ServerHandshake handshake) {
    openedNanos = System.nanoTime();
    settled.countDown();
    if (abandoned) {
      close();
    }
  }

  @Override
  public void onMessage(String text) {
    long now = System.nanoTime();
    Predicate<String> s = swallow;
    if (s != null && s.test(text)) {
      return;
    }
    offer(new MessageImpl(text, null, now));
  }

  @Override
  public void onMessage(ByteBuffer bytes) {
    long now = System.nanoTime();
    byte[] copy = new byte[bytes.remaining()];
    bytes.get(copy);
    offer(new MessageImpl(null, copy, now));
  }

  /** Called by the read thread only; keeps one slot free for {@link #CLOSED}. */
  private void offer(Object m) {
    while (inbox.remainingCapacity() < 2) {
      if (inbox.pollFirst() != null) {
        dropped.incrementAndGet();
      }
    }
    inbox.offerLast(m);
  }

  @Override
  public void onClose(int code, String reason, boolean remote) {
    Exception e = error;
    boolean normal = code == 1000 || code == 1001;
    closedAbnormally = !normal || e != null;
    String why = e != null ? describe(e) : "code " + code + (reason == null || reason.isEmpty() ? "" : " " + reason);
    closeReason = (remote ? "closed by the server: " : "closed: ") + why;
    inbox.offerLast(CLOSED); // a slot is kept free for it
    settled.countDown();
  }

  @Override
  public void onError(Exception e) {
    if (error == null) {
      error = e;
    }
  }

  /** Closes the socket now, without a closing handshake (a connect given up, a peer that ignores a close). */
  void abort() {
    abandoned = true;
    Socket s = getSocket();
    if (s != null) {
      try {
        s.close();
      } catch (IOException e) {
        // closing
      }
    }
  }

  static String describe(Exception e) {
    String m = e.getMessage();
    return e.getClass().getSimpleName() + (m == null || m.isEmpty() ? "" : ": " + m);
  }
}
