package dev.liveload.ws;

import dev.liveload.internal.data.ValueChecks;
import dev.liveload.internal.http.JsonPath;
import dev.liveload.internal.ws.MessageImpl;
import java.util.regex.Pattern;

/**
 * Matchers and extractors for WebSocket messages; import them statically.
 *
 * <pre>{@code
 * import static dev.liveload.ws.Ws.*;
 *
 * ws.send("ping");
 * ws.expect(exact("pong"));
 * ws.expect(regex("^order (\\d+) accepted$"), Duration.ofSeconds(2)).extract(regex("(\\d+)"), "orderId");
 * ws.expect(jsonPath("$.event").is("shipped"));
 * }</pre>
 *
 * @since 0.1
 */
public final class Ws {
  private Ws() {}

  /** @return a matcher that accepts any message */
  public static WsMatcher any() {
    return WsMatcher.of("any message", m -> true);
  }

  /**
   * @param text the whole text of the message
   * @return a matcher for text messages equal to it
   */
  public static WsMatcher exact(String text) {
    java.util.Objects.requireNonNull(text, "text");
    return WsMatcher.of("text " + ValueChecks.quote(text), m -> text.equals(m.text()));
  }

  /**
   * @param part text to find
   * @return a matcher for text messages that contain it
   */
  public static WsMatcher contains(String part) {
    java.util.Objects.requireNonNull(part, "part");
    return WsMatcher.of("text containing " + ValueChecks.quote(part),
        m -> m.text() != null && m.text().contains(part));
  }

  /**
   * A regular expression searched in text messages; as an extractor, its first group (or the whole match when it
   * has none).
   *
   * @param regex the expression
   * @return an extractor, which as a matcher accepts the messages where the expression is found
   */
  public static WsExtractor regex(String regex) {
    Pattern p = Pattern.compile(regex);
    return regex(regex, p.matcher("").groupCount() > 0 ? 1 : 0);
  }

  /**
   * @param regex the expression
   * @param group group number (0 for the whole match)
   * @return an extractor of that group
   */
  public static WsExtractor regex(String regex, int group) {
    Pattern p = Pattern.compile(regex);
    if (group < 0 || group > p.matcher("").groupCount()) {
      throw new IllegalArgumentException("regex /" + regex + "/ has no group " + group);
    }
    return extractor("regex /" + regex + "/", m -> {
      if (m.text() == null) {
        return null;
      }
      var matcher = p.matcher(m.text());
      return matcher.find() ? matcher.group(group) : null;
    });
  }

  /**
   * A value from a JSON message (see {@link dev.liveload.http.Http#jsonPath(String)} for the syntax).
   *
   * @param path the path, starting with {@code $}
   * @return an extractor, which as a matcher accepts the JSON messages that have the value
   */
  public static WsExtractor jsonPath(String path) {
    JsonPath compiled = JsonPath.compile(path);
    return extractor("jsonPath " + path, m -> m instanceof MessageImpl mi ? mi.jsonPath(compiled) : m.jsonPath(path));
  }

  private static WsExtractor extractor(String description, java.util.function.Function<WsMessage, String> f) {
    return new WsExtractor() {
      @Override
      public String extract(WsMessage message) {
        return f.apply(message);
      }

      @Override
      public String description() {
        return description;
      }
    };
  }
}
