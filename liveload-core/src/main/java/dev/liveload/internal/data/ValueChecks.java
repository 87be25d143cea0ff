package dev.liveload.internal.data;

import java.util.Objects;
import java.util.regex.Pattern;

/** The messages of value checks ({@code is}, {@code contains}, {@code matches}) shared by HTTP and WebSocket. */
public final class ValueChecks {
  private ValueChecks() {}

  /** @return null when {@code got} equals {@code want}, else what was wrong */
  public static String is(String description, String got, String want) {
    return Objects.equals(got, want) ? null : description + " is " + quote(got) + ", expected " + quote(want);
  }

  /** @return null when {@code got} contains {@code part}, else what was wrong */
  public static String contains(String description, String got, String part) {
    return got != null && got.contains(part) ? null
        : description + " is " + quote(got) + ", expected it to contain " + quote(part);
  }

  /** @return null when all of {@code got} matches {@code regex}, else what was wrong */
  public static String matches(String description, String got, Pattern regex) {
    return got != null && regex.matcher(got).matches() ? null
        : description + " is " + quote(got) + ", expected it to match /" + regex.pattern() + "/";
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
