package dev.liveload.internal.browser;

import dev.liveload.internal.http.UrlTemplates;
import java.net.URI;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Resolves a user's relative URLs against the run's base URL, and turns page URLs into {@code url} tags: a path
 * template ({@code /users/{id}}) on the base URL's origin, origin plus template elsewhere, no query.
 */
final class UrlTags {
  private static final int CACHE = 256;

  private final URI base;
  private final String baseOrigin;
  private final Map<String, String> cache = new HashMap<>();

  UrlTags(URI base) {
    this.base = base;
    this.baseOrigin = base == null ? null : origin(base.getScheme() + "://" + base.getRawAuthority());
  }

  /** An absolute URL for {@code url}; throws IllegalArgumentException when it is relative and there is no base. */
  String resolve(String url) {
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException("URL must not be blank");
    }
    if (url.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
      return url;
    }
    if (base == null) {
      throw new IllegalArgumentException("relative URL " + url + " needs a base URL: set "
          + "RunOptions.builder().baseUrl(\"http://host:port\"), or use an absolute URL");
    }
    URI b = base.getRawPath() == null || base.getRawPath().isEmpty() ? base.resolve("/") : base;
    return b.resolve(url).toString();
  }

  /** The tag for a raw page or request URL, or null. */
  String tag(String raw) {
    if (raw == null) {
      return null;
    }
    String t = cache.get(raw);
    if (t == null) {
      t = compute(raw);
      if (cache.size() >= CACHE) {
        cache.clear();
      }
      cache.put(raw, t);
    }
    return t;
  }

  private String compute(String raw) {
    int end = raw.length();
    int q = raw.indexOf('?');
    int h = raw.indexOf('#');
    if (q >= 0) {
      end = q;
    }
    if (h >= 0 && h < end) {
      end = h;
    }
    String url = raw.substring(0, end);
    int sep = url.indexOf("://");
    if (sep < 0) {
      return url; // about:blank, data:..., chrome-error://
    }
    int slash = url.indexOf('/', sep + 3);
    String origin = origin(slash < 0 ? url : url.substring(0, slash));
    String path = slash < 0 ? "/" : url.substring(slash);
    String template = UrlTemplates.template(path);
    return origin.equals(baseOrigin) ? template : origin + template;
  }

  private static String origin(String o) {
    String lower = o.toLowerCase(Locale.ROOT);
    if (lower.startsWith("http://") && lower.endsWith(":80")) {
      return lower.substring(0, lower.length() - 3);
    }
    if (lower.startsWith("https://") && lower.endsWith(":443")) {
      return lower.substring(0, lower.length() - 4);
    }
    return lower;
  }
}
