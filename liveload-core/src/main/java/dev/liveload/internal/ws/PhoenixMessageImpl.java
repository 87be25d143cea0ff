package dev.liveload.internal.ws;

import com.fasterxml.jackson.databind.JsonNode;
import dev.liveload.internal.http.JsonPath;
import dev.liveload.ws.PhoenixMessage;

/** A received {@code [join_ref, ref, topic, event, payload]} message. */
final class PhoenixMessageImpl implements PhoenixMessage {
  private final WsConnection connection;
  private final JsonNode node;
  /** For a reply: the event it answers, for messages. */
  private final String answers;

  private PhoenixMessageImpl(WsConnection connection, JsonNode node, String answers) {
    this.connection = connection;
    this.node = node;
    this.answers = answers;
  }

  /** @return the message as a Phoenix message, or null when it is not a v2 array of five */
  static PhoenixMessageImpl of(MessageImpl m, WsConnection connection, String answers) {
    JsonNode n = m.json();
    return isPhoenix(n) ? new PhoenixMessageImpl(connection, n, answers) : null;
  }

  static boolean isPhoenix(JsonNode n) {
    return n != null && n.isArray() && n.size() == 5;
  }

  /** @return a field of a message array as text, null for JSON null */
  static String text(JsonNode array, int index) {
    JsonNode v = array.get(index);
    return v == null || v.isNull() ? null : v.asText();
  }

  @Override
  public String topic() {
    return text(node, 2);
  }

  @Override
  public String event() {
    return text(node, 3);
  }

  @Override
  public String ref() {
    return text(node, 1);
  }

  String joinRef() {
    return text(node, 0);
  }

  @Override
  public String payload() {
    return node.get(4).toString();
  }

  @Override
  public String status() {
    JsonNode s = "phx_reply".equals(event()) ? node.get(4).get("status") : null;
    return s == null || s.isNull() ? null : s.asText();
  }

  @Override
  public String response() {
    JsonNode r = "phx_reply".equals(event()) ? node.get(4).get("response") : null;
    return r == null ? null : r.toString();
  }

  @Override
  public String jsonPath(String path) {
    return JsonPath.compile(path).first(node.get(4));
  }

  @Override
  public PhoenixMessage ok() {
    if (!"ok".equals(status())) {
      throw connection.failCheck("Phoenix " + (answers == null ? "reply" : "reply to " + answers) + " on "
          + topic() + " has status " + status() + ": " + response(), null);
    }
    return this;
  }

  @Override
  public String extract(String path, String variable) {
    String value = jsonPath(path);
    if (value == null) {
      throw connection.failCheck("jsonPath " + path + " not found in Phoenix " + event() + " on " + topic()
          + ", payload " + payload(), null);
    }
    connection.user.set(variable, value);
    return value;
  }

  @Override
  public String toString() {
    return node.toString();
  }
}
