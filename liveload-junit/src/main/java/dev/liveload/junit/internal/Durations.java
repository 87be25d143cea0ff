package dev.liveload.junit.internal;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/** Durations in annotations: ISO-8601 ({@code PT1M30S}) or a number and a unit ({@code 500ms}, {@code 30s}). */
public final class Durations {
  private static final Pattern SHORT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|min|h)");

  private Durations() {}

  /**
   * @param attribute the annotation attribute, for the message
   * @param text      what it says
   * @return the duration
   * @throws ExtensionConfigurationException when the text is not a duration
   */
  public static Duration parse(String attribute, String text) {
    String t = text.trim();
    Matcher m = SHORT.matcher(t);
    if (m.matches()) {
      double n = Double.parseDouble(m.group(1));
      long millis = switch (m.group(2)) {
        case "ms" -> (long) n;
        case "s" -> (long) (n * 1000);
        case "m", "min" -> (long) (n * 60_000);
        default -> (long) (n * 3_600_000);
      };
      return Duration.ofMillis(millis);
    }
    try {
      return Duration.parse(t);
    } catch (DateTimeParseException e) {
      throw new ExtensionConfigurationException(attribute + " = \"" + text + "\" is not a duration: write it as "
          + "ISO-8601 (PT1M30S) or as a number and ms, s, m or h (500ms, 30s, 2m)");
    }
  }
}
