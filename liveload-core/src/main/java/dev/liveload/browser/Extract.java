package dev.liveload.browser;

import java.util.Objects;

/**
 * A value read from the page, to keep in a user variable with {@link BrowserSession#save(String, Extract)}.
 * Immutable.
 *
 * <pre>{@code
 * user.browser()
 *     .click("#checkout")
 *     .save("order", Extract.text("#order-id"))
 *     .save("total", Extract.attribute("#total", "data-cents"));
 * String order = user.get("order");
 * }</pre>
 *
 * @param kind      what to read
 * @param selector  the element, not blank (ignored for {@link Kind#URL}, {@link Kind#TITLE} and
 *                  {@link Kind#CONTENT})
 * @param attribute the attribute name for {@link Kind#ATTRIBUTE}, else null
 * @since 0.1
 */
public record Extract(Kind kind, String selector, String attribute) {

  /** What an {@link Extract} reads. */
  public enum Kind {
    /** The element's {@code textContent} (String). */
    TEXT,
    /** The element's {@code innerHTML} (String). */
    INNER_HTML,
    /** An attribute's value (String, null when absent). */
    ATTRIBUTE,
    /** An input's, textarea's or select's {@code value} (String). */
    INPUT_VALUE,
    /** Whether an element matches and is visible (Boolean; does not wait). */
    IS_VISIBLE,
    /**
     * Whether a checkbox or radio (or an element with role checkbox, radio or switch and {@code aria-checked}) is
     * checked (Boolean); any other element fails with {@code not_checkable}.
     */
    IS_CHECKED,
    /** The page's current URL (String). */
    URL,
    /** The page's title, {@code document.title} (String). */
    TITLE,
    /** The page's HTML, doctype included, as it is now (String). */
    CONTENT;

    /** @return whether it reads one element (and so needs a selector) */
    public boolean ofElement() {
      return this != URL && this != TITLE && this != CONTENT;
    }
  }

  /** Checks the fields. */
  public Extract {
    Objects.requireNonNull(kind, "kind");
    if (kind.ofElement()) {
      Selectors.require(selector);
    }
    if (kind == Kind.ATTRIBUTE && (attribute == null || attribute.isBlank())) {
      throw new IllegalArgumentException("attribute name must not be blank");
    }
  }

  /** @param selector the element @return its text content */
  public static Extract text(String selector) {
    return new Extract(Kind.TEXT, selector, null);
  }

  /** @param selector the element @return its inner HTML */
  public static Extract innerHtml(String selector) {
    return new Extract(Kind.INNER_HTML, selector, null);
  }

  /** @param selector the element @param name attribute name @return the attribute's value */
  public static Extract attribute(String selector, String name) {
    return new Extract(Kind.ATTRIBUTE, selector, name);
  }

  /** @param selector an input, textarea or select @return its value */
  public static Extract inputValue(String selector) {
    return new Extract(Kind.INPUT_VALUE, selector, null);
  }

  /** @param selector the element @return whether it is visible now */
  public static Extract isVisible(String selector) {
    return new Extract(Kind.IS_VISIBLE, selector, null);
  }

  /** @param selector a checkbox or radio @return whether it is checked */
  public static Extract isChecked(String selector) {
    return new Extract(Kind.IS_CHECKED, selector, null);
  }

  /** @return the page's URL */
  public static Extract url() {
    return new Extract(Kind.URL, null, null);
  }

  /** @return the page's title */
  public static Extract title() {
    return new Extract(Kind.TITLE, null, null);
  }

  /** @return the page's HTML */
  public static Extract content() {
    return new Extract(Kind.CONTENT, null, null);
  }
}
