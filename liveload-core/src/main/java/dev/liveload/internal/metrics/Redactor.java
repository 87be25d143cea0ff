package dev.liveload.internal.metrics;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes secrets out of text before it is recorded (error messages, abort reasons, log lines): the value of every
 * query or form parameter with a secret name ({@code ?token=abc} becomes {@code ?token=REDACTED}), the same names
 * as JSON fields ({@code "password":"x"}), the values of the {@code Authorization}, {@code Proxy-Authorization},
 * {@code Cookie} and {@code Set-Cookie} headers written as {@code Name: value}, and the user info of a URL
 * ({@code http://user:pass@host}). Names match without regard to case. Immutable and thread-safe.
 *
 * <pre>{@code
 * Redactor r = Redactor.of(Set.of("session"));
 * r.redact("status 500 (GET http://h/x?token=abc&session=s1&page=2)");
 * // "status 500 (GET http://h/x?token=REDACTED&session=REDACTED&page=2)"
 * }</pre>
 */
public final class Redactor {
  /** The query parameter names redacted in every run. */
  public static final List<String> DEFAULT_PARAMETERS = List.of("token", "access_token", "api_key", "key",
      "password", "secret", "signature");
  /** Headers whose values are never recorded. */
  public static final List<String> SECRET_HEADERS = List.of("Authorization", "Proxy-Authorization", "Cookie",
      "Set-Cookie");
  /** What a secret value is replaced with. */
  public static final String MASK = "REDACTED";

  /** The redactor with the default names only. */
  public static final Redactor DEFAULT = of(List.of());

  private final Set<String> parameters;
  private final Pattern parameter;
  private final Pattern jsonField;
  private static final Pattern HEADER = Pattern.compile(
      "(?i)(?<![A-Za-z0-9_-])(Proxy-Authorization|Authorization|Set-Cookie|Cookie)(\\s*[:=]\\s*)"
          + "(\"[^\"]*\"|[^\\r\\n)\"]+)");
  private static final Pattern USER_INFO = Pattern.compile("(?i)\\b((?:https?|wss?)://)[^/@\\s?#]+@");

  private Redactor(Set<String> parameters) {
    this.parameters = parameters;
    var alternatives = new StringBuilder();
    for (String p : parameters) {
      if (!alternatives.isEmpty()) {
        alternatives.append('|');
      }
      alternatives.append(Pattern.quote(p));
    }
    this.parameter = Pattern.compile("(?i)(?<![A-Za-z0-9_.%-])(" + alternatives + ")=([^&#;\\s\"'<>)]*)");
    this.jsonField = Pattern.compile("(?i)(\"(?:" + alternatives + ")\"\\s*:\\s*)(\"(?:[^\"\\\\]|\\\\.)*\")");
  }

  /**
   * @param extra parameter names redacted besides {@link #DEFAULT_PARAMETERS}
   * @return the redactor
   */
  public static Redactor of(Collection<String> extra) {
    var names = new LinkedHashSet<String>(DEFAULT_PARAMETERS);
    for (String e : extra) {
      names.add(e.toLowerCase(Locale.ROOT));
    }
    return new Redactor(Set.copyOf(names));
  }

  /** @return every parameter name this redactor takes the value of, lower case */
  public Set<String> parameters() {
    return parameters;
  }

  /**
   * @param text a message, URL or log line; null passes through
   * @return the text with secret values replaced by {@value #MASK}; {@code text} itself when it holds none
   */
  public String redact(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String out = text;
    if (out.indexOf('=') >= 0) {
      out = replace(parameter, out, 2);
    }
    if (out.indexOf('"') >= 0 && out.indexOf(':') >= 0) {
      out = replace(jsonField, out, 2);
    }
    if (out.indexOf('@') >= 0) {
      out = USER_INFO.matcher(out).replaceAll("$1");
    }
    if (mayHoldHeader(out)) {
      out = replace(HEADER, out, 3);
    }
    return out;
  }

  private static boolean mayHoldHeader(String s) {
    for (int i = 0; i < s.length() - 5; i++) {
      char c = s.charAt(i);
      if ((c == 'a' || c == 'A' || c == 'c' || c == 'C')
          && (s.regionMatches(true, i, "authorization", 0, 13) || s.regionMatches(true, i, "cookie", 0, 6))) {
        return true;
      }
    }
    return false;
  }

  private static String replace(Pattern p, String text, int group) {
    Matcher m = p.matcher(text);
    if (!m.find()) {
      return text;
    }
    var sb = new StringBuilder(text.length());
    int last = 0;
    do {
      sb.append(text, last, m.start(group));
      String value = m.group(group);
      sb.append(value.startsWith("\"") ? "\"" + MASK + "\"" : value.isEmpty() ? "" : MASK);
      last = m.end(group);
    } while (m.find());
    return sb.append(text, last, text.length()).toString();
  }
}
