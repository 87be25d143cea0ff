package dev.liveload.ws;

/**
 * A Phoenix message: {@code [join_ref, ref, topic, event, payload]}. For a reply ({@code phx_reply}) the payload
 * is {@code {"status": ..., "response": ...}}.
 *
 * <pre>{@code
 * PhoenixMessage reply = room.push("create", Map.of("name", "{{random_string:8}}")).ok();
 * String id = reply.extract("$.response.id", "itemId");     // stored as user variable itemId
 * }</pre>
 *
 * @since 0.1
 */
public interface PhoenixMessage {

  /** @return the topic */
  String topic();

  /** @return the event ({@code phx_reply} for replies) */
  String event();

  /** @return the ref, null for server pushes and broadcasts */
  String ref();

  /** @return the payload as JSON text */
  String payload();

  /** @return a reply's status ({@code ok}, {@code error}), null for other messages */
  String status();

  /** @return a reply's response as JSON text, null for other messages */
  String response();

  /**
   * @param path a JSON path into the payload, e.g. {@code $.response.id}
   * @return the value, or null
   */
  String jsonPath(String path);

  /**
   * Checks that a reply's status is {@code ok}.
   *
   * @return this message
   * @throws dev.liveload.IterationFailedException kind {@code check} otherwise, with the response
   */
  PhoenixMessage ok();

  /**
   * Takes a value from the payload and stores it as a user variable.
   *
   * @param path     a JSON path into the payload
   * @param variable the user variable
   * @return the value, never null
   * @throws dev.liveload.IterationFailedException kind {@code check} when absent
   */
  String extract(String path, String variable);
}
