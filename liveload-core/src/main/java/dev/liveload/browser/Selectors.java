package dev.liveload.browser;

/** Argument checks shared by the DSL's value types. */
final class Selectors {
  private Selectors() {}

  static String require(String selector) {
    if (selector == null || selector.isBlank()) {
      throw new IllegalArgumentException("selector must not be blank");
    }
    return selector;
  }
}
