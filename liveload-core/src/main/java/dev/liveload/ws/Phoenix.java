package dev.liveload.ws;

import dev.liveload.User;
import dev.liveload.internal.ws.PhoenixSocketImpl;

/**
 * Connects a user to a Phoenix socket (channels, LiveView), speaking the JSON serializer v2 protocol of
 * phoenix.js: messages {@code [join_ref, ref, topic, event, payload]}, refs counted per socket, a heartbeat on
 * topic {@code phoenix} every 30 s, joins and pushes answered by {@code phx_reply} with the push's ref.
 *
 * <pre>{@code
 * PhoenixSocket socket = Phoenix.connect(user, "/socket",                  // ws://<base>/socket/websocket?vsn=2.0.0
 *     PhoenixOptions.defaults().param("token", "{{token}}")
 *         .ws(WsOptions.defaults().keepAcrossIterations(true)));
 * PhoenixChannel room = socket.join("room:lobby");                       // joined once, reused by later iterations
 * room.push("new_msg", Map.of("body", "hello")).ok();
 * }</pre>
 *
 * <p>For a LiveView, take {@code data-phx-session}, {@code data-phx-static} and the CSRF token from the page
 * (regex extractors), connect to {@code /live} with param {@code _csrf_token}, and join {@code "lv:" + id} with
 * {@code {"session": ..., "static": ..., "url": ...}}. Heartbeats are sent by one shared timer thread; a heartbeat
 * reply is taken off the socket's read thread and never reaches {@code expect}. There is no automatic rejoin or
 * reconnect: a closed socket fails the next operation with {@code ws_closed}, and a kept one is reopened by the
 * next {@code connect}.
 *
 * @since 0.1
 */
public final class Phoenix {
  private Phoenix() {}

  /**
   * Connects with the default options (or returns the user's kept socket for this endpoint).
   *
   * @param user     the virtual user
   * @param endpoint the socket's path as in phoenix.js ({@code /socket}; {@code /websocket} and {@code vsn=2.0.0}
   *                 are added), relative to the base URL or absolute ({@code ws://}, {@code http://})
   * @return the socket, connected
   * @throws dev.liveload.IterationFailedException kind {@code ws_connect} when the connection fails
   */
  public static PhoenixSocket connect(User user, String endpoint) {
    return connect(user, endpoint, PhoenixOptions.defaults());
  }

  /**
   * Connects (or returns the user's kept socket for this endpoint, when its WebSocket options keep it).
   *
   * @param user     the virtual user
   * @param endpoint the socket's path, as in {@link #connect(User, String)}
   * @param options  parameters, heartbeat, timeouts, WebSocket options
   * @return the socket, connected
   * @throws dev.liveload.IterationFailedException kind {@code ws_connect} when the connection fails
   */
  public static PhoenixSocket connect(User user, String endpoint, PhoenixOptions options) {
    return PhoenixSocketImpl.connect(user, endpoint, options);
  }
}
