package dev.liveload.internal.http;

import java.net.IDN;
import java.nio.charset.StandardCharsets;

/**
 * What browsers and curl do to a hand-written URL before it goes on the wire: the fragment is dropped (it is never
 * sent), and every character that may not appear in a URL (RFC 3986) is percent-encoded as UTF-8: spaces,
 * non-ASCII letters, {@code " < > \ ^ ` { | }}, and a {@code %} that does not start an escape. Escapes already
 * there ({@code %2F}) are kept as they are. What cannot be made a URL (a control character such as a line break,
 * a bad port, an empty host) is rejected with a message that says why.
 *
 * <pre>{@code
 * UrlEncoding.normalize("/anything/é?q=ü#frag")   // "/anything/%C3%A9?q=%C3%BC"
 * UrlEncoding.normalize("/a b")                    // "/a%20b"
 * }</pre>
 */
public final class UrlEncoding {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();
  /** ASCII characters allowed as they are in a path or query: unreserved, sub-delims, ":", "@", "/", "?". */
  private static final boolean[] ALLOWED = new boolean[128];

  static {
    String ok = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&'()*+,;=:@/?";
    for (char c : ok.toCharArray()) {
      ALLOWED[c] = true;
    }
  }

  private UrlEncoding() {}

  /** A URL that cannot be sent; the message says what is wrong with it. */
  public static final class InvalidUrlException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    InvalidUrlException(String message) {
      super(message);
    }
  }

  /**
   * @param url an absolute {@code http(s)} URL, or a path (with a query) relative to the base URL
   * @return the URL as it goes on the wire: without fragment, encoded where it must be; {@code url} itself when
   *     nothing needed changing
   * @throws InvalidUrlException when it cannot be a URL
   */
  public static String normalize(String url) {
    return normalize(url, false);
  }

  /**
   * As {@link #normalize(String)}, for a WebSocket URL: {@code ws}, {@code wss}, {@code http} or {@code https}.
   *
   * @param url the URL
   * @return the URL as it goes on the wire
   * @throws InvalidUrlException when it cannot be a URL
   */
  public static String normalizeWebSocket(String url) {
    return normalize(url, true);
  }

  private static String normalize(String url, boolean webSocket) {
    int from = 0;
    int to = url.length();
    while (from < to && url.charAt(from) <= ' ') {
      from++;
    }
    while (to > from && url.charAt(to - 1) <= ' ') {
      to--;
    }
    if (from == to) {
      throw new InvalidUrlException("it is empty");
    }
    int pathStart = from;
    String origin = "";
    int schemeEnd = schemeEnd(url, from, to, webSocket);
    if (schemeEnd > 0) {
      String scheme = url.substring(from, schemeEnd);
      if (!url.startsWith("//", schemeEnd + 1)) {
        throw new InvalidUrlException("an absolute URL needs '//' and a host after '" + scheme + ":'");
      }
      int authorityStart = schemeEnd + 3;
      int authorityEnd = authorityStart;
      while (authorityEnd < to && "/?#".indexOf(url.charAt(authorityEnd)) < 0) {
        authorityEnd++;
      }
      origin = url.substring(from, authorityStart) + authority(url.substring(authorityStart, authorityEnd));
      pathStart = authorityEnd;
    }
    // fast path: nothing to encode, no fragment, nothing trimmed
    boolean clean = from == 0 && to == url.length();
    for (int i = pathStart; i < to && clean; i++) {
      char c = url.charAt(i);
      clean = c < 128 && ALLOWED[c] || (c == '%' && isEscape(url, i, to));
    }
    if (clean && origin.length() == pathStart && url.startsWith(origin)) {
      return url;
    }
    var sb = new StringBuilder(origin.length() + (to - pathStart) + 16).append(origin);
    for (int i = pathStart; i < to; i++) {
      char c = url.charAt(i);
      if (c == '#') {
        break; // the fragment stays in the client
      }
      if (c < ' ' || c == 0x7f) {
        throw new InvalidUrlException("it contains a control character (" + controlName(c) + ") at position "
            + (i + 1));
      }
      if (c < 128 && ALLOWED[c] || (c == '%' && isEscape(url, i, to))) {
        sb.append(c);
      } else if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(url.charAt(i + 1))) {
        appendUtf8(sb, url.substring(i, i + 2));
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new InvalidUrlException("it contains an unpaired UTF-16 surrogate at position " + (i + 1));
      } else {
        appendUtf8(sb, String.valueOf(c));
      }
    }
    return sb.toString();
  }

  /** @return the index of the ':' that ends an accepted scheme, or -1 for a relative URL */
  private static int schemeEnd(String url, int from, int to, boolean webSocket) {
    for (int i = from; i < to; i++) {
      char c = url.charAt(i);
      if (c == ':') {
        if (i == from) {
          return -1;
        }
        String scheme = url.substring(from, i);
        if (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https")
            || (webSocket && (scheme.equalsIgnoreCase("ws") || scheme.equalsIgnoreCase("wss")))) {
          return i;
        }
        if (url.startsWith("//", i + 1)) {
          throw new InvalidUrlException("only " + (webSocket ? "ws, wss, http and https" : "http and https")
              + " URLs can be requested, not " + scheme + ":");
        }
        return -1; // a path such as "a:b"
      }
      boolean schemeChar = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
          || (i > from && ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'));
      if (!schemeChar) {
        return -1;
      }
    }
    return -1;
  }

  /** Checks host and port; a non-ASCII host name becomes its ASCII (punycode) form, as browsers send it. */
  private static String authority(String authority) {
    int at = authority.lastIndexOf('@');
    String userInfo = at < 0 ? "" : authority.substring(0, at + 1);
    String hostPort = authority.substring(at + 1);
    String host;
    String port = null;
    if (hostPort.startsWith("[")) {
      int close = hostPort.indexOf(']');
      if (close < 0) {
        throw new InvalidUrlException("the IPv6 address has no closing ']'");
      }
      host = hostPort.substring(0, close + 1);
      if (close + 1 < hostPort.length()) {
        if (hostPort.charAt(close + 1) != ':') {
          throw new InvalidUrlException("unexpected text after the IPv6 address: " + hostPort.substring(close + 1));
        }
        port = hostPort.substring(close + 2);
      }
    } else {
      int colon = hostPort.indexOf(':');
      host = colon < 0 ? hostPort : hostPort.substring(0, colon);
      port = colon < 0 ? null : hostPort.substring(colon + 1);
    }
    if (host.isEmpty()) {
      throw new InvalidUrlException("it has no host");
    }
    if (!host.startsWith("[")) {
      for (int i = 0; i < host.length(); i++) {
        char c = host.charAt(i);
        if (c <= ' ' || c == 0x7f || "\"<>\\^`{|}%/".indexOf(c) >= 0) {
          throw new InvalidUrlException("the host '" + host + "' contains '" + (c <= ' ' ? controlName(c)
              : String.valueOf(c)) + "', which a host name cannot");
        }
      }
      boolean ascii = host.chars().allMatch(c -> c < 128);
      if (!ascii) {
        try {
          host = IDN.toASCII(host, IDN.ALLOW_UNASSIGNED);
        } catch (IllegalArgumentException e) {
          throw new InvalidUrlException("the host '" + host + "' is not a valid domain name: " + e.getMessage());
        }
      }
    }
    if (port != null && !port.isEmpty()) {
      checkPort(port);
    }
    return userInfo + host + (port == null ? "" : ":" + port);
  }

  /**
   * @param port the text after the host's ':'
   * @throws InvalidUrlException unless it is a number in [1, 65535]
   */
  public static void checkPort(String port) {
    for (int i = 0; i < port.length(); i++) {
      if (port.charAt(i) < '0' || port.charAt(i) > '9') {
        throw new InvalidUrlException("the port '" + port + "' is not a number");
      }
    }
    if (port.length() > 5 || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
      throw new InvalidUrlException("the port " + port + " is out of range: ports are 1 to 65535");
    }
  }

  private static boolean isEscape(String s, int i, int to) {
    return i + 2 < to && hex(s.charAt(i + 1)) && hex(s.charAt(i + 2));
  }

  private static boolean hex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  private static void appendUtf8(StringBuilder sb, String chars) {
    for (byte b : chars.getBytes(StandardCharsets.UTF_8)) {
      sb.append('%').append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
    }
  }

  private static String controlName(char c) {
    return switch (c) {
      case '\n' -> "a line feed";
      case '\r' -> "a carriage return";
      case '\t' -> "a tab";
      case ' ' -> "a space";
      default -> String.format("U+%04X", (int) c);
    };
  }
}
