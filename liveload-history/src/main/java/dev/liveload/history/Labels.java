package dev.liveload.history;

import dev.liveload.InvalidOptionException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Labels of a run in a history: short {@code key=value} pairs such as {@code branch=main}, {@code commit=3f2a…},
 * {@code env=ci}. Keys are letters, digits, {@code . _ -} (at most 64); values any text of at most 256 characters
 * without line breaks. {@link GitLabels#detect()} gives the git ones.
 *
 * <pre>{@code
 * Map<String, String> labels = Labels.parse("env=ci, region=eu-west");   // {env=ci, region=eu-west}
 * }</pre>
 *
 * @since 0.1
 */
public final class Labels {
  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  private Labels() {}

  /**
   * Parses {@code key=value} pairs separated by commas (spaces around them ignored).
   *
   * @param text e.g. {@code branch=main,env=ci}; null or blank gives no labels
   * @return the labels in the order given, never null
   * @throws InvalidOptionException naming the pair that is not {@code key=value}
   */
  public static Map<String, String> parse(String text) {
    var labels = new LinkedHashMap<String, String>();
    if (text == null || text.isBlank()) {
      return labels;
    }
    for (String pair : text.split(",")) {
      String p = pair.strip();
      int eq = p.indexOf('=');
      if (eq <= 0) {
        throw new InvalidOptionException("label", p, "must be key=value, e.g. branch=main");
      }
      String key = p.substring(0, eq).strip();
      String value = p.substring(eq + 1).strip();
      check(key, value);
      labels.put(key, value);
    }
    return labels;
  }

  /**
   * Checks one label.
   *
   * @param key   its key
   * @param value its value
   * @throws InvalidOptionException when either is not allowed
   */
  public static void check(String key, String value) {
    if (key == null || !KEY.matcher(key).matches()) {
      throw new InvalidOptionException("label key", key, "must be 1 to 64 letters, digits, '.', '_' or '-'");
    }
    if (value == null || value.length() > 256 || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
      throw new InvalidOptionException("label " + key, value, "must be text of at most 256 characters on one line");
    }
  }
}
