package dev.liveload.ws;

/**
 * A message received on a {@link WsSession}, as {@code expect} returned it.
 *
 * <pre>{@code
 * WsMessage m = ws.expect(Ws.jsonPath("$.type").is("quote"));
 * m.check(Ws.jsonPath("$.price").matches("\\d+\\.\\d\\d"));
 * double price = Double.parseDouble(m.extract(Ws.jsonPath("$.price")));
 * }</pre>
 *
 * @since 0.1
 */
public interface WsMessage {
  /** @return the text of a text message, or null for a binary one */
  String text();

  /** @return the payload bytes (a text message's UTF-8 bytes), never null */
  byte[] bytes();

  /** @return whether it came as a binary message */
  boolean binary();

  /**
   * @param path a JSON path, e.g. {@code $.data.id} (see {@link dev.liveload.http.Http#jsonPath(String)})
   * @return the value, or null when the message is not JSON or has no such value
   */
  String jsonPath(String path);

  /**
   * Checks this message.
   *
   * @param matchers conditions that must all hold
   * @return this message
   * @throws dev.liveload.IterationFailedException naming the first that does not; recorded as kind {@code check}
   */
  WsMessage check(WsMatcher... matchers);

  /**
   * @param extractor what to take
   * @return the value, never null
   * @throws dev.liveload.IterationFailedException when absent; recorded as kind {@code check}
   */
  String extract(WsExtractor extractor);

  /**
   * Takes a value and stores it as a user variable.
   *
   * @param extractor what to take
   * @param variable  the user variable
   * @return the value, never null
   * @throws dev.liveload.IterationFailedException when absent; recorded as kind {@code check}
   */
  String extract(WsExtractor extractor, String variable);
}
