package dev.liveload.internal.data;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * {@code {{name}}} placeholders in request URLs, headers and bodies, and in WebSocket URLs, headers and messages.
 *
 * <p>Syntax: {@code {{name}}} (a user variable or a feeder column; letters, digits, {@code _ - .}, not starting
 * with a digit; spaces inside the braces are ignored), the builtins {@code {{uuid}}}, {@code {{timestamp}}}
 * (epoch milliseconds), {@code {{random_int:LO:HI}}} (inclusive) and {@code {{random_string:N}}} (N letters and
 * digits), and <code>\{{</code> for a literal <code>{{</code>. Text without <code>{{</code> is returned as it is,
 * without copying.
 *
 * <p>Names resolve, first match wins: a user variable, a feeder column, then {@code uuid} / {@code timestamp}.
 * A name that resolves to nothing fails with a {@link TemplateException} naming it; the text is never sent with a
 * literal placeholder in it.
 */
public final class Templates {
  private Templates() {}

  /** Where names come from (a user's variables and feeder rows). */
  public interface Scope {
    /** @return the value of a user variable or feeder column, or null when there is none */
    String value(String name);

    /** @return what names are defined, for error messages, e.g. {@code variables: token; feeder columns: email} */
    String known();

    /** @return the generator for {@code random_int} and {@code random_string} (the user's seeded one) */
    RandomGenerator random();
  }

  /** A template that cannot be expanded: bad syntax, or a name that resolves to nothing. */
  public static final class TemplateException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TemplateException(String message) {
      super(message, null, false, false);
    }
  }

  private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  private static final int MAX_RANDOM_STRING = 4096;

  /** @return whether {@code text} has anything to expand (a placeholder or an escaped <code>{{</code>) */
  public static boolean has(String text) {
    return text != null && text.indexOf("{{") >= 0;
  }

  /**
   * Expands every placeholder.
   *
   * @param text  the text, not null
   * @param scope where names come from
   * @param json  whether values go into JSON text (quotes, backslashes and control characters are escaped)
   * @return the expanded text ({@code text} itself when it has no placeholder)
   * @throws TemplateException on bad syntax or an unknown name
   */
  public static String render(String text, Scope scope, boolean json) {
    if (!has(text)) {
      return text;
    }
    var out = new StringBuilder(text.length() + 32);
    for (Part p : parse(text)) {
      if (p.kind == Kind.LITERAL) {
        out.append(p.text);
        continue;
      }
      String value = resolve(p, scope);
      if (json) {
        escapeJson(value, out);
      } else {
        out.append(value);
      }
    }
    return out.toString();
  }

  /**
   * Checks the syntax only (names are not resolved).
   *
   * @param text the text
   * @return the names it refers to, builtins included, in order
   * @throws TemplateException on bad syntax
   */
  public static List<String> check(String text) {
    var names = new ArrayList<String>();
    if (has(text)) {
      for (Part p : parse(text)) {
        if (p.kind != Kind.LITERAL) {
          names.add(p.text);
        }
      }
    }
    return names;
  }

  /**
   * The text with each placeholder written {@code {name}}, for report names: {@code /users/{{id}}/orders} →
   * {@code /users/{id}/orders}. Invalid templates come back as they are.
   *
   * @param text the text
   * @return its placeholder form
   */
  public static String placeholderForm(String text) {
    if (!has(text)) {
      return text;
    }
    try {
      var out = new StringBuilder(text.length());
      for (Part p : parse(text)) {
        out.append(p.kind == Kind.LITERAL ? p.text : "{" + p.text + "}");
      }
      return out.toString();
    } catch (TemplateException e) {
      return text;
    }
  }

  // ---- parsing -----------------------------------------------------------------------------------------------

  private enum Kind { LITERAL, NAME, RANDOM_INT, RANDOM_STRING }

  /** A literal run of text ({@code text}), or a placeholder (its name and a builtin's arguments). */
  private record Part(Kind kind, String text, long lo, long hi) {
    static Part literal(String text) {
      return new Part(Kind.LITERAL, text, 0, 0);
    }
  }

  private static List<Part> parse(String text) {
    var parts = new ArrayList<Part>(4);
    var literal = new StringBuilder();
    int i = 0;
    int n = text.length();
    while (i < n) {
      int open = text.indexOf("{{", i);
      if (open < 0) {
        literal.append(text, i, n);
        break;
      }
      if (open > 0 && text.charAt(open - 1) == '\\') {
        literal.append(text, i, open - 1).append("{{");
        i = open + 2;
        continue;
      }
      literal.append(text, i, open);
      int close = text.indexOf("}}", open + 2);
      if (close < 0) {
        throw new TemplateException("unclosed {{ at position " + open + " (write \\{{ for a literal {{)");
      }
      if (!literal.isEmpty()) {
        parts.add(Part.literal(literal.toString()));
        literal.setLength(0);
      }
      parts.add(placeholder(text.substring(open + 2, close).trim(), open));
      i = close + 2;
    }
    if (!literal.isEmpty()) {
      parts.add(Part.literal(literal.toString()));
    }
    return parts;
  }

  private static Part placeholder(String inner, int at) {
    String[] pieces = inner.split(":", -1);
    String name = pieces[0].trim();
    if (!validName(name)) {
      throw new TemplateException("{{" + inner + "}} at position " + at + " is not a valid placeholder: a name is "
          + "letters, digits, _ - . and does not start with a digit");
    }
    if (pieces.length == 1) {
      return new Part(Kind.NAME, name, 0, 0);
    }
    switch (name) {
      case "random_int" -> {
        if (pieces.length != 3) {
          throw new TemplateException("{{" + inner + "}}: random_int takes two bounds, e.g. {{random_int:1:100}}");
        }
        long lo = parseLong(pieces[1], inner);
        long hi = parseLong(pieces[2], inner);
        if (lo > hi || hi == Long.MAX_VALUE) {
          throw new TemplateException("{{" + inner + "}}: needs lower bound <= upper bound < 2^63 - 1");
        }
        return new Part(Kind.RANDOM_INT, name, lo, hi);
      }
      case "random_string" -> {
        long len = pieces.length == 2 ? parseLong(pieces[1], inner) : -1;
        if (len < 1 || len > MAX_RANDOM_STRING) {
          throw new TemplateException("{{" + inner + "}}: random_string takes one length in [1, " + MAX_RANDOM_STRING
              + "], e.g. {{random_string:8}}");
        }
        return new Part(Kind.RANDOM_STRING, name, len, 0);
      }
      default -> throw new TemplateException("{{" + inner + "}}: only random_int and random_string take arguments");
    }
  }

  private static boolean validName(String name) {
    if (name.isEmpty() || Character.isDigit(name.charAt(0))) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!(Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.')) {
        return false;
      }
    }
    return true;
  }

  private static long parseLong(String s, String inner) {
    try {
      return Long.parseLong(s.trim());
    } catch (NumberFormatException e) {
      throw new TemplateException("{{" + inner + "}}: \"" + s.trim() + "\" is not a whole number");
    }
  }

  // ---- resolving ---------------------------------------------------------------------------------------------

  private static String resolve(Part p, Scope scope) {
    switch (p.kind) {
      case RANDOM_INT -> {
        return Long.toString(scope.random().nextLong(p.lo, p.hi + 1));
      }
      case RANDOM_STRING -> {
        var sb = new StringBuilder((int) p.lo);
        RandomGenerator r = scope.random();
        for (int k = 0; k < p.lo; k++) {
          sb.append(ALPHANUMERIC.charAt(r.nextInt(ALPHANUMERIC.length())));
        }
        return sb.toString();
      }
      default -> {
        String value = scope.value(p.text);
        if (value != null) {
          return value;
        }
        return switch (p.text) {
          case "uuid" -> uuid();
          case "timestamp" -> Long.toString(System.currentTimeMillis());
          default -> throw new TemplateException("no variable or feeder column named \"" + p.text + "\" ("
              + scope.known() + ")");
        };
      }
    }
  }

  /** A random (version 4) UUID; not seeded, so that ids differ between runs. */
  private static String uuid() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    long msb = (r.nextLong() & ~0xF000L) | 0x4000L;
    long lsb = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(msb, lsb).toString();
  }

  /** Appends {@code value} escaped for the inside of a JSON string. */
  static void escapeJson(String value, StringBuilder out) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
  }
}
