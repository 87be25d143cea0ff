package dev.liveload.internal.threshold;

import dev.liveload.InvalidOptionException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Parses threshold expressions. Grammar:
 *
 * <pre>
 * expression := aggregate comparator number [spaces] [unit]
 * aggregate  := function "(" target [selector] ")" | ("error_ratio" | "rps") [selector]
 * function   := "p" number | "avg" | "mean" | "min" | "max" | "count" | "rate"
 * target     := metric | "step:" step-name
 * selector   := "{" key ":" value ("," key ":" value)* "}"     key: scenario step method url status error
 * comparator := "&lt;" | "&lt;=" | "&gt;" | "&gt;=" | "==" | "!="
 * unit       := "us" | "µs" | "ms" | "s" | "m" | "min" | "%" | "/s"
 * </pre>
 *
 * Values containing {@code , { }} are quoted: {@code {url:"/users/{id}"}}.
 */
public final class Parser {
  static final Set<String> KEYS = Set.of("scenario", "step", "method", "url", "status", "error");
  private static final Set<String> FUNCTIONS = Set.of("avg", "mean", "min", "max", "count", "rate");
  static final String UNITS = "a unit: ms (the default), us (or µs), s, m (or min) for durations, % for ratios, "
      + "/s for rates";

  private final String text;
  private int pos;

  private Parser(String text) {
    this.text = text;
  }

  /**
   * @param text the expression
   * @return the parsed expression
   * @throws InvalidOptionException naming the position of the first error
   */
  public static Expression parse(String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidOptionException("threshold", text, "must not be blank; e.g. p95(http.duration) < 300ms");
    }
    return new Parser(text).expression();
  }

  private Expression expression() {
    skipSpaces();
    int nameStart = pos;
    String name = identifier();
    if (name.isEmpty()) {
      throw error("a function such as p95, avg, count, error_ratio or rps");
    }
    String lower = name.toLowerCase(Locale.ROOT);
    String function;
    double percentile = 0;
    String target;
    Map<String, String> selector = new LinkedHashMap<>();
    if (lower.equals("error_ratio") || lower.equals("rps")) {
      function = lower;
      target = "requests";
      skipSpaces();
      if (peek() == '{') {
        selector = selector();
      }
    } else {
      if (lower.matches("p\\d+(\\.\\d+)?")) {
        function = "percentile";
        percentile = Double.parseDouble(lower.substring(1));
        if (!(percentile > 0 && percentile <= 100)) {
          pos = nameStart;
          throw error("a percentile between p0 and p100, not " + name);
        }
      } else if (FUNCTIONS.contains(lower)) {
        function = lower.equals("mean") ? "avg" : lower;
      } else {
        pos = nameStart;
        throw error("a function such as p95, avg, min, max, count, rate, error_ratio or rps, not '" + name + "'");
      }
      skipSpaces();
      expect('(');
      skipSpaces();
      if (text.startsWith("step:", pos)) {
        pos += 5;
        int start = pos;
        while (pos < text.length() && peek() != ')' && peek() != '{') {
          pos++;
        }
        String step = text.substring(start, pos).trim();
        if (step.isEmpty()) {
          pos = start;
          throw error("a step name after step:");
        }
        target = "step.duration";
        selector.put("step", step);
      } else {
        int start = pos;
        target = metricName();
        if (target.isEmpty()) {
          pos = start;
          throw error("a metric name such as http.duration, or step:<name>");
        }
      }
      skipSpaces();
      if (peek() == '{') {
        Map<String, String> more = selector();
        for (var e : more.entrySet()) {
          if (selector.containsKey(e.getKey())) {
            throw error("no second '" + e.getKey() + "' filter");
          }
          selector.put(e.getKey(), e.getValue());
        }
      }
      skipSpaces();
      expect(')');
    }
    skipSpaces();
    String comparator = comparator();
    skipSpaces();
    int numberStart = pos;
    double number = number();
    int numberEnd = pos;
    skipSpaces(); // "300 ms", as k6 and Gatling users write it
    String unit = unit();
    if (unit.isEmpty()) {
      pos = numberEnd;
    }
    String limitText = text.substring(numberStart, pos).trim().replaceAll("\\s+", "");
    skipSpaces();
    if (pos < text.length()) {
      throw error(Character.isLetter(peek()) ? UNITS + ", or the end of the expression" : "the end of the expression");
    }
    double limit = convert(function, number, unit, numberStart);
    return new Expression(text.trim(), function, percentile, target, Map.copyOf(selector), comparator, limit,
        limitText);
  }

  private double convert(String function, double n, String unit, int at) {
    boolean duration = function.equals("percentile") || function.equals("avg") || function.equals("min")
        || function.equals("max");
    switch (function) {
      case "error_ratio" -> {
        if (unit.equals("%")) {
          if (n > 100) {
            pos = at;
            throw invalid("error_ratio is a percentage between 0% and 100%, not " + plain(n) + "%");
          }
          return n / 100;
        }
        if (unit.isEmpty()) {
          if (n > 1) {
            pos = at;
            throw invalid("error_ratio without % is a ratio between 0 and 1: for " + plain(n) + " percent write "
                + plain(n) + "% or " + plain(n / 100));
          }
          return n;
        }
      }
      case "rps", "rate" -> {
        if (unit.isEmpty() || unit.equals("/s")) {
          return n;
        }
      }
      case "count" -> {
        if (unit.isEmpty()) {
          return n;
        }
      }
      default -> {
        if (duration) {
          switch (unit) {
            case "", "ms" -> {
              return n;
            }
            case "us", "µs" -> {
              return n / 1000;
            }
            case "s" -> {
              return n * 1000;
            }
            case "m", "min" -> {
              return n * 60_000;
            }
            default -> {
              // falls through to the error below
            }
          }
        }
      }
    }
    pos = at;
    String allowed = switch (function) {
      case "error_ratio" -> "a ratio such as 0.01 or a percentage such as 1%";
      case "rps", "rate" -> "a rate such as 100 or 100/s";
      case "count" -> "a plain count";
      default -> "a duration such as 300ms, 1.5s or 250us";
    };
    throw error(allowed + " (unit '" + unit + "' does not fit " + function + ")");
  }

  private Map<String, String> selector() {
    expect('{');
    var out = new LinkedHashMap<String, String>();
    while (true) {
      skipSpaces();
      int keyStart = pos;
      String key = identifier();
      if (!KEYS.contains(key)) {
        pos = keyStart;
        throw error("a tag: one of scenario, step, method, url, status, error");
      }
      skipSpaces();
      expect(':');
      skipSpaces();
      String value;
      if (peek() == '"') {
        pos++;
        int start = pos;
        while (pos < text.length() && peek() != '"') {
          pos++;
        }
        if (pos >= text.length()) {
          throw error("a closing \"");
        }
        value = text.substring(start, pos);
        pos++;
      } else {
        int start = pos;
        while (pos < text.length() && peek() != ',' && peek() != '}') {
          if (peek() == '{') {
            throw error("a quoted value: a value containing { must be written in quotes, e.g. url:\"/users/{id}\"");
          }
          pos++;
        }
        value = text.substring(start, pos).trim();
      }
      if (value.isEmpty()) {
        throw error("a value for " + key);
      }
      if (out.put(key, value) != null) {
        pos = keyStart;
        throw error("each tag once; " + key + " is given twice");
      }
      skipSpaces();
      if (peek() == ',') {
        pos++;
        continue;
      }
      expect('}');
      return out;
    }
  }

  private String comparator() {
    for (String c : new String[] {"<=", ">=", "==", "!=", "<", ">"}) {
      if (text.startsWith(c, pos)) {
        pos += c.length();
        return c;
      }
    }
    throw error("a comparison: <, <=, >, >=, == or !=");
  }

  private double number() {
    int start = pos;
    while (pos < text.length() && (Character.isDigit(peek()) || peek() == '.')) {
      pos++;
    }
    String n = text.substring(start, pos);
    try {
      if (n.isEmpty()) {
        throw new NumberFormatException();
      }
      return Double.parseDouble(n);
    } catch (NumberFormatException e) {
      pos = start;
      throw error("a number");
    }
  }

  private String unit() {
    int start = pos;
    if (pos < text.length() && peek() == '%') {
      pos++;
      return "%";
    }
    if (text.startsWith("/s", pos)) {
      pos += 2;
      return "/s";
    }
    while (pos < text.length() && (Character.isLetter(peek()) || peek() == 'µ')) {
      pos++;
    }
    String unit = text.substring(start, pos);
    if (!unit.isEmpty() && !Set.of("us", "µs", "ms", "s", "m", "min").contains(unit)) {
      pos = start;
      throw error(UNITS, "'" + unit + "'");
    }
    return unit;
  }

  private String identifier() {
    int start = pos;
    while (pos < text.length() && (Character.isLetterOrDigit(peek()) || peek() == '_' || peek() == '.')) {
      pos++;
    }
    return text.substring(start, pos);
  }

  private String metricName() {
    int start = pos;
    while (pos < text.length()
        && (Character.isLetterOrDigit(peek()) || peek() == '_' || peek() == '.' || peek() == '-')) {
      pos++;
    }
    return text.substring(start, pos);
  }

  private void expect(char c) {
    if (peek() != c) {
      throw error("'" + c + "'");
    }
    pos++;
  }

  private char peek() {
    return pos < text.length() ? text.charAt(pos) : '\0';
  }

  private void skipSpaces() {
    while (pos < text.length() && Character.isWhitespace(peek())) {
      pos++;
    }
  }

  private InvalidOptionException error(String expected) {
    return error(expected, pos >= text.length() ? "the end" : "'" + text.charAt(pos) + "'");
  }

  private static String plain(double n) {
    return java.math.BigDecimal.valueOf(n).stripTrailingZeros().toPlainString();
  }

  /** An expression that parses but means something that cannot be right, pointing at {@code pos}. */
  private InvalidOptionException invalid(String what) {
    return new InvalidOptionException("threshold", text, "at position " + (pos + 1) + ": " + what + "\n    " + text
        + "\n    " + " ".repeat(pos) + "^");
  }

  private InvalidOptionException error(String expected, String found) {
    return new InvalidOptionException("threshold", text, "at position " + (pos + 1) + " expected " + expected
        + " but found " + found + "\n    " + text + "\n    " + " ".repeat(pos) + "^");
  }
}
