package dev.liveload.internal.ws;

import com.fasterxml.jackson.databind.JsonNode;
import dev.liveload.internal.data.ValueChecks;
import dev.liveload.internal.http.JsonPath;
import dev.liveload.internal.json.ResultJson;
import dev.liveload.ws.WsExtractor;
import dev.liveload.ws.WsMatcher;
import dev.liveload.ws.WsMessage;
import java.nio.charset.StandardCharsets;

/**
 * A received message: made on the read thread (text or bytes, and the arrival time), then used by the user's
 * thread only (its JSON is parsed once, on first use).
 */
public final class MessageImpl implements WsMessage {
  private final String text;
  private final byte[] binary;
  final long receivedNanos;
  /** The session that handed it to scenario code, for recording failed checks. */
  WsConnection session;
  private JsonNode json;
  private boolean parsed;

  MessageImpl(String text, byte[] binary, long receivedNanos) {
    this.text = text;
    this.binary = binary;
    this.receivedNanos = receivedNanos;
  }

  @Override
  public String text() {
    return text;
  }

  @Override
  public byte[] bytes() {
    return binary != null ? binary.clone() : text.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public boolean binary() {
    return binary != null;
  }

  /** @return the message parsed as JSON, or null when it is not JSON (or binary) */
  JsonNode json() {
    if (!parsed) {
      parsed = true;
      if (text != null) {
        try {
          json = ResultJson.mapper().readTree(text);
        } catch (Exception e) {
          json = null;
        }
      }
    }
    return json;
  }

  @Override
  public String jsonPath(String path) {
    return jsonPath(JsonPath.compile(path));
  }

  /** A compiled path's first value, or null. */
  public String jsonPath(JsonPath path) {
    JsonNode root = json();
    return root == null ? null : path.first(root);
  }

  @Override
  public WsMessage check(WsMatcher... matchers) {
    for (WsMatcher m : matchers) {
      boolean ok;
      try {
        ok = m.test(this);
      } catch (RuntimeException e) {
        throw session.failCheck("matcher " + m.description() + " threw " + e, e);
      }
      if (!ok) {
        throw session.failCheck("message " + preview() + " is not " + m.description(), null);
      }
    }
    return this;
  }

  @Override
  public String extract(WsExtractor extractor) {
    return extract(extractor, null);
  }

  @Override
  public String extract(WsExtractor extractor, String variable) {
    String value;
    try {
      value = extractor.extract(this);
    } catch (RuntimeException e) {
      throw session.failCheck(extractor.description() + " failed: " + e, e);
    }
    if (value == null) {
      throw session.failCheck(extractor.description() + " not found in message " + preview(), null);
    }
    if (variable != null) {
      session.user.set(variable, value);
    }
    return value;
  }

  /** A short, quoted view of the message for error messages. */
  String preview() {
    return text != null ? ValueChecks.quote(text.replace('\n', ' ')) : "(" + binary.length + " binary bytes)";
  }

  @Override
  public String toString() {
    return text != null ? text : "(" + binary.length + " binary bytes)";
  }
}
