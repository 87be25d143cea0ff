package dev.liveload.ws;

/**
 * Which received message an {@link WsSession#expect(WsMatcher, java.time.Duration) expect} waits for. Make them
 * with {@link Ws}'s factories, or as a lambda.
 *
 * <pre>{@code
 * ws.expect(Ws.exact("pong"));
 * ws.expect(Ws.jsonPath("$.type").is("order_created"), Duration.ofSeconds(5));
 * ws.expect(m -> m.text() != null && m.text().length() > 100);
 * }</pre>
 *
 * @since 0.1
 */
@FunctionalInterface
public interface WsMatcher {
  /**
   * @param message a received message
   * @return whether it is the one waited for
   */
  boolean test(WsMessage message);

  /** @return what is waited for, in messages, e.g. {@code text "pong"} */
  default String description() {
    return "a message accepted by a custom matcher";
  }

  /**
   * A matcher with a description for failure messages.
   *
   * @param description what it waits for, e.g. {@code "a price update"}
   * @param test        the condition
   * @return the matcher
   */
  static WsMatcher of(String description, java.util.function.Predicate<WsMessage> test) {
    java.util.Objects.requireNonNull(description, "description");
    java.util.Objects.requireNonNull(test, "test");
    return new WsMatcher() {
      @Override
      public boolean test(WsMessage message) {
        return test.test(message);
      }

      @Override
      public String description() {
        return description;
      }
    };
  }
}
