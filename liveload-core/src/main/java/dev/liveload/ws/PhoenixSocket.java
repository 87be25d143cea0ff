package dev.liveload.ws;

/**
 * A Phoenix socket (JSON serializer v2) over one of the user's WebSockets: heartbeats run in the background;
 * channels are joined with {@link #join}. From {@link Phoenix#connect}. Used by the user's own thread.
 *
 * <pre>{@code
 * PhoenixSocket socket = Phoenix.connect(user, "/socket");
 * PhoenixChannel room = socket.join("room:lobby", Map.of("nick", "{{email}}"));
 * room.push("new_msg", Map.of("body", "hello")).ok();
 * }</pre>
 *
 * @since 0.1
 */
public interface PhoenixSocket {

  /**
   * Joins a topic and waits for the reply ({@code phx_join}; recorded as {@code ws.roundtrip} with method tag
   * {@code phx_join}). Joining a topic this socket already joined returns that channel.
   *
   * @param topic   the topic, e.g. {@code room:lobby}
   * @param payload join parameters: a map, list or record (serialized to JSON) or a JSON string; placeholders are
   *                expanded; null for {@code {}}
   * @return the joined channel
   * @throws dev.liveload.IterationFailedException kind {@code ws_join} when the server refuses (with its reason),
   *     {@code ws_timeout} without a reply in time, {@code ws_closed} when the socket closes
   */
  PhoenixChannel join(String topic, Object payload);

  /** As {@link #join(String, Object)} with an empty payload. */
  default PhoenixChannel join(String topic) {
    return join(topic, null);
  }

  /** @return the WebSocket underneath (to expect raw frames, or to close it) */
  WsSession ws();

  /** @return heartbeats sent so far on this socket */
  long heartbeats();

  /** Closes the socket. */
  void close();
}
