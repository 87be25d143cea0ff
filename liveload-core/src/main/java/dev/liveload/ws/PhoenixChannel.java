package dev.liveload.ws;

import java.time.Duration;

/**
 * A joined Phoenix channel: push events and await their replies (matched by ref), await the server's pushes and
 * broadcasts, leave.
 *
 * <pre>{@code
 * PhoenixChannel room = socket.join("room:lobby");
 * PhoenixMessage reply = room.push("new_msg", Map.of("body", "hi {{email}}")).ok();
 * String id = reply.extract("$.response.id", "messageId");
 * PhoenixMessage shout = room.expect("shout", Duration.ofSeconds(2));    // a broadcast on this topic
 * room.leave();
 * }</pre>
 *
 * @since 0.1
 */
public interface PhoenixChannel {

  /** @return the topic */
  String topic();

  /** @return the join's ref, sent as {@code join_ref} with every push */
  String joinRef();

  /**
   * Pushes an event and waits for its reply (the {@code phx_reply} with this push's ref), at most the socket's
   * timeout. The time from the push to the reply is recorded as {@code ws.roundtrip}, with the event as its
   * method tag. An error reply is returned, not failed: check it with {@link PhoenixMessage#ok()}.
   *
   * @param event   the event name
   * @param payload a map, list or record (serialized to JSON) or a JSON string; placeholders are expanded; null
   *                for {@code {}}
   * @return the reply
   * @throws dev.liveload.IterationFailedException kind {@code ws_timeout}, or {@code ws_closed} when the socket
   *     closes or the channel errors or closes meanwhile
   */
  PhoenixMessage push(String event, Object payload);

  /**
   * As {@link #push(String, Object)} with another timeout.
   *
   * @param event   the event name
   * @param payload the payload
   * @param timeout how long to wait for the reply, > 0
   * @return the reply
   */
  PhoenixMessage push(String event, Object payload, Duration timeout);

  /**
   * Waits for an event the server pushes or broadcasts on this topic.
   *
   * @param event   the event name
   * @param timeout how long to wait, > 0
   * @return the message
   * @throws dev.liveload.IterationFailedException kind {@code ws_timeout} or {@code ws_closed}
   */
  PhoenixMessage expect(String event, Duration timeout);

  /** Leaves the topic ({@code phx_leave}) and waits for the reply. */
  void leave();
}
