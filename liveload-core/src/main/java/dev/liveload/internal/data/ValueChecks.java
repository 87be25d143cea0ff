package dev.liveload.internal.data;

import java.util.Objects;
import java.util.regex.Pattern;

/** The messages of value checks ({@code is}, {@code contains}, {@code matches}) shared by HTTP and WebSocket. */
public final class ValueChecks {
  private ValueChecks() {}

  /** @return null when {@code got} equals {@code want}, else what was wrong */
  public static String is(String description, String got, String want) {
    return Objects.equals(got, want) ? null : description + " is " + show(description, got) + ", expected "
        + show(description, want);
  }

  /** @return null when {@code got} contains {@code part}, else what was wrong */
  public static String contains(String description, String got, String part) {
    return got != null && got.contains(part) ? null
        : description + " is " + show(description, got) + ", expected it to contain " + show(description, part);
  }

  /** @return null when all of {@code got} matches {@code regex}, else what was wrong */
  public static String matches(String description, String got, Pattern regex) {
    return got != null && regex.matcher(got).matches() ? null
        : description + " is " + show(description, got) + ", expected it to match "
            + (secret(description) ? "a pattern (hidden)" : "/" + regex.pattern() + "/");
  }

  /**
   * Whether what a check describes holds a secret whose value is never recorded: a cookie, or the
   * {@code Authorization}, {@code Proxy-Authorization}, {@code Cookie} or {@code Set-Cookie} header.
   */
  static boolean secret(String description) {
    String d = description.toLowerCase(java.util.Locale.ROOT);
    return d.startsWith("cookie ") || d.equals("header authorization") || d.equals("header proxy-authorization")
        || d.equals("header cookie") || d.equals("header set-cookie");
  }

  private static String show(String description, String value) {
    if (value != null && secret(description)) {
      return "a value (hidden, " + value.length() + " characters)";
    }
    return quote(value);
  }

  /** @return the value quoted and cut to 120 characters, or {@code absent} */
  public static String quote(String s) {
    if (s == null) {
      return "absent";
    }
    String shown = s.length() > 120 ? s.substring(0, 120) + "…" : s;
    return "\"" + shown + "\"";
  }
}
