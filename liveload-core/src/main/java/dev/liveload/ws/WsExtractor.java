package dev.liveload.ws;

import dev.liveload.internal.data.ValueChecks;
import java.util.regex.Pattern;

/**
 * Takes a value out of a WebSocket message (a JSON path, a regex group). As a {@link WsMatcher} it accepts the
 * messages that have the value; {@link #is}, {@link #contains} and {@link #matches} accept only some values.
 *
 * <pre>{@code
 * WsMessage m = ws.expect(Ws.jsonPath("$.type").is("welcome"));
 * String session = m.extract(Ws.jsonPath("$.session"), "session");   // also user variable "session"
 * }</pre>
 *
 * @since 0.1
 */
public interface WsExtractor extends WsMatcher {
  /**
   * @param message the message
   * @return the value, or null when absent
   */
  String extract(WsMessage message);

  @Override
  String description();

  @Override
  default boolean test(WsMessage message) {
    return extract(message) != null;
  }

  /**
   * @param expected the value it must equal ({@code toString()})
   * @return a matcher
   */
  default WsMatcher is(Object expected) {
    String want = String.valueOf(expected);
    return WsMatcher.of(description() + " = " + ValueChecks.quote(want),
        m -> want.equals(extract(m)));
  }

  /**
   * @param part text the value must contain
   * @return a matcher
   */
  default WsMatcher contains(String part) {
    return WsMatcher.of(description() + " containing " + ValueChecks.quote(part),
        m -> {
          String got = extract(m);
          return got != null && got.contains(part);
        });
  }

  /**
   * @param regex a regular expression the whole value must match
   * @return a matcher
   */
  default WsMatcher matches(String regex) {
    Pattern p = Pattern.compile(regex);
    return WsMatcher.of(description() + " matching /" + regex + "/",
        m -> {
          String got = extract(m);
          return got != null && p.matcher(got).matches();
        });
  }
}
