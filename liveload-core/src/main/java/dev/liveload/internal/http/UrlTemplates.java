package dev.liveload.internal.http;

/**
 * Turns request paths into report names that group by route: {@code /users/42/orders/7f3c...} becomes
 * {@code /users/{id}/orders/{id}}. Segments that are numbers, UUIDs, long hex strings or long tokens with digits
 * become {@code {id}}; the query string is dropped.
 */
public final class UrlTemplates {
  private UrlTemplates() {}

  public static String template(String path) {
    int q = indexOfQueryOrFragment(path);
    int end = q < 0 ? path.length() : q;
    // Fast path: nothing to replace.
    boolean digit = false;
    for (int i = 0; i < end; i++) {
      char c = path.charAt(i);
      if (c >= '0' && c <= '9') {
        digit = true;
        break;
      }
    }
    if (!digit && q < 0) {
      return path;
    }
    var sb = new StringBuilder(end + 8);
    int start = 0;
    while (start <= end) {
      int slash = path.indexOf('/', start);
      int segEnd = slash < 0 || slash > end ? end : slash;
      if (isId(path, start, segEnd)) {
        sb.append("{id}");
      } else {
        sb.append(path, start, segEnd);
      }
      if (segEnd == end) {
        break;
      }
      sb.append('/');
      start = segEnd + 1;
    }
    return sb.toString();
  }

  private static int indexOfQueryOrFragment(String path) {
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c == '?' || c == '#') {
        return i;
      }
    }
    return -1;
  }

  static boolean isId(String s, int from, int to) {
    int len = to - from;
    if (len == 0) {
      return false;
    }
    boolean allDigits = true;
    boolean allHex = true;
    int digits = 0;
    int dashes = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      boolean d = c >= '0' && c <= '9';
      boolean hex = d || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
      if (d) {
        digits++;
      } else {
        allDigits = false;
      }
      if (c == '-') {
        dashes++;
      } else if (!hex) {
        allHex = false;
      }
    }
    if (allDigits) {
      return true;
    }
    if (allHex && dashes == 4 && len == 36) {
      return true; // UUID
    }
    if (allHex && dashes == 0 && len >= 16 && digits > 0) {
      return true; // hex ids, hashes
    }
    return len >= 24 && digits > 0; // opaque tokens
  }
}
