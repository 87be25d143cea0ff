package dev.liveload.internal.ws;

import dev.liveload.internal.engine.IterationInterrupted;
import dev.liveload.internal.engine.UserContext;
import dev.liveload.ws.WsOptions;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLSocketFactory;
import org.java_websocket.protocols.IProtocol;
import org.java_websocket.protocols.Protocol;

/**
 * Opens a WebSocket for a user: builds the Java-WebSocket client (handshake headers expanded, subprotocols
 * offered, frames counted), starts it, and waits for the opening handshake on a latch (interruptible, bounded by
 * the connect timeout); records {@code ws.connect}, passed or failed with kind {@code ws_connect}.
 */
final class WsConnector {
  static final String CONNECT = "ws.connect";

  private WsConnector() {}

  /**
   * Connects and waits for the opening handshake, at most the connect timeout.
   *
   * @throws dev.liveload.IterationFailedException kind {@code ws_connect} (recorded, with a failed {@code ws.connect}
   *     sample)
   */
  static WsConnection open(UserContext user, UserWebSockets owner, URI uri, String tag, String key,
      WsOptions options, WsMeters meters, SSLSocketFactory trustAll) {
    var headers = new LinkedHashMap<String, String>();
    options.headers().forEach((k, v) -> headers.put(k, user.render(v)));
    var protocols = new ArrayList<IProtocol>();
    options.subprotocols().forEach(p -> protocols.add(new Protocol(p)));
    protocols.add(new Protocol("")); // like a browser, accept a server that picks none
    var holder = new WsMeters.Holder(meters);
    var status = new AtomicReference<String>();
    var draft = new CountingDraft(holder, status, Collections.emptyList(), protocols);
    long timeoutNanos = options.connectTimeout().toNanos();
    var client = new WsClient(uri, draft, headers, (int) Math.min(Integer.MAX_VALUE,
        options.connectTimeout().toMillis()), options.bufferSize());
    if (trustAll != null && "wss".equals(uri.getScheme())) {
      client.setSocketFactory(trustAll);
    }
    var c = new WsConnection(user, owner, client, holder, uri.toString(), tag, key, options);
    long start = System.nanoTime();
    client.connect();
    boolean settled;
    try {
      settled = client.settled.await(timeoutNanos, TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      client.abort();
      Thread.currentThread().interrupt();
      String cause = WsConnection.interruptCause(user);
      user.record(CONNECT, user.step(), null, tag, 0, cause, (System.nanoTime() - start) / 1000);
      throw new IterationInterrupted(cause);
    }
    long opened = client.openedNanos;
    if (!settled || opened == 0) {
      client.abort();
      user.record(CONNECT, user.step(), null, tag, 0, "ws_connect", (System.nanoTime() - start) / 1000);
      String why;
      String reason = client.closeReason;
      int statusLine = reason == null ? -1 : reason.indexOf("Status line: ");
      if (!settled) {
        why = "no opening handshake within " + options.connectTimeout().toMillis() + " ms";
      } else if (statusLine >= 0) {
        why = "the server refused the WebSocket handshake: " + reason.substring(statusLine + 13);
      } else if (status.get() != null && !status.get().startsWith("101")) {
        why = "the server refused the WebSocket handshake: HTTP " + status.get();
      } else if (client.error != null) {
        why = "could not connect: " + WsClient.describe(client.error);
      } else {
        why = "the handshake failed (" + reason + ")";
      }
      throw user.fail("ws_connect", why + " (" + uri + ")", null, tag, client.error);
    }
    user.record(CONNECT, user.step(), null, tag, 0, null, (opened - start) / 1000);
    return c;
  }

}
