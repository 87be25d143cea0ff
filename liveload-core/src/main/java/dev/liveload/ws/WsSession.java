package dev.liveload.ws;

import java.time.Duration;
import java.util.List;

/**
 * One user's open WebSocket (Java-WebSocket client), from {@link dev.liveload.User#ws(String)}. Used by the user's
 * own thread; what arrives is buffered (see {@link WsOptions#bufferSize(int)}) until an {@code expect} takes it.
 *
 * <pre>{@code
 * WsSession ws = user.ws("/prices", WsOptions.defaults().keepAcrossIterations(true));
 * ws.sendJson(Map.of("subscribe", "{{symbol}}"));                     // placeholders from variables and feeders
 * WsMessage quote = ws.expect(Ws.jsonPath("$.symbol").is(user.feed("symbol")), Duration.ofSeconds(2));
 * quote.extract(Ws.jsonPath("$.price"), "price");
 * }</pre>
 *
 * <p><b>Measured</b>: {@code ws.connect} (TCP connect and opening handshake), {@code ws.roundtrip} (from a
 * {@code send} to the arrival of the message the next {@code expect} takes, stamped on the socket's read thread,
 * so the user thread's wake-up is not counted), and the counters {@code ws.frames.sent},
 * {@code ws.frames.received}, {@code ws.bytes.sent}, {@code ws.bytes.received} (data frames and their payload
 * bytes; control frames are not counted), per time-series interval and in totals.
 *
 * <p><b>Failures</b> end the iteration, recorded with a kind: {@code ws_connect} (connection or handshake
 * failed), {@code ws_timeout} (no matching message in time), {@code ws_closed} (the connection closed while
 * waiting, or before a send), {@code check} (a {@link WsMessage#check} or extraction failed). The iteration
 * timeout and the end of the run interrupt a waiting {@code expect}.
 *
 * @since 0.1
 */
public interface WsSession {

  /** @return the URL connected to, with placeholders expanded */
  String url();

  /** @return the subprotocol the server chose, or the empty string */
  String subprotocol();

  /** @return whether the connection is open */
  boolean isOpen();

  /**
   * Sends a text message; placeholders ({@code {{name}}}) are expanded first.
   *
   * @param text the message
   * @return this session
   * @throws dev.liveload.IterationFailedException kind {@code ws_closed} when the connection is closed, or
   *     {@code template}
   */
  WsSession send(String text);

  /**
   * Sends a JSON text message: a {@code String} as it is, anything else serialized (maps, lists, records);
   * placeholders are expanded with values escaped for JSON strings.
   *
   * @param value the value
   * @return this session
   * @throws dev.liveload.IterationFailedException as {@link #send(String)}
   */
  WsSession sendJson(Object value);

  /**
   * Sends a binary message (no placeholders).
   *
   * @param bytes the payload
   * @return this session
   * @throws dev.liveload.IterationFailedException kind {@code ws_closed} when the connection is closed
   */
  WsSession sendBinary(byte[] bytes);

  /**
   * Waits for a message, with the options' expect timeout (10 s by default).
   *
   * @param matcher which message
   * @return the first buffered or arriving message it accepts (taken from the buffer; messages it does not
   *     accept stay buffered for later expects)
   * @throws dev.liveload.IterationFailedException kind {@code ws_timeout} or {@code ws_closed}
   */
  WsMessage expect(WsMatcher matcher);

  /**
   * Waits for a message. When this is the first {@code expect} since a {@code send}, the time from that send to
   * the message's arrival is recorded as {@code ws.roundtrip}.
   *
   * @param matcher which message
   * @param timeout how long to wait, > 0
   * @return the first buffered or arriving message it accepts
   * @throws dev.liveload.IterationFailedException kind {@code ws_timeout} or {@code ws_closed}; a failed round
   *     trip is recorded with that kind
   */
  WsMessage expect(WsMatcher matcher, Duration timeout);

  /**
   * Takes every message received and not yet taken (for instance to start an iteration on a kept connection
   * without stale messages).
   *
   * @return the messages, oldest first, never null
   */
  List<WsMessage> drain();

  /** Closes the connection (a normal close); a kept connection is forgotten, so the next {@code ws(...)} opens a new one. */
  void close();
}
