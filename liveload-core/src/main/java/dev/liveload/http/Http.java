package dev.liveload.http;

import dev.liveload.internal.http.JsonPath;
import dev.liveload.internal.http.StatusCheck;
import java.util.regex.Pattern;

/**
 * Checks and extractors for HTTP responses; import them statically.
 *
 * <pre>{@code
 * import static dev.liveload.http.Http.*;
 *
 * user.http().get("/api/items")
 *     .check(status(200), header("Content-Type").contains("application/json"), bodyContains("\"items\""));
 * String id = user.http().post("/api/items").json(item).check(status(201)).extract(jsonPath("$.id"));
 * String csrf = user.http().get("/form").extract(regex("name=\"csrf\" value=\"([^\"]+)\""));
 * user.http().post("/login").form(creds).extract(cookie("session_id"), "sid");   // stored as user variable sid
 * }</pre>
 *
 * @since 0.1
 */
public final class Http {
  private Http() {}

  /**
   * The status must be one of {@code allowed}. A passing status check also makes a 4xx/5xx response count as
   * successful (it was expected).
   *
   * @param allowed accepted status codes, at least one
   * @return a check
   */
  public static Check status(int... allowed) {
    if (allowed.length == 0) {
      throw new IllegalArgumentException("status(...) needs at least one status code");
    }
    return new StatusCheck(allowed.clone(), 0, 0);
  }

  /**
   * The status must be between {@code from} and {@code to}, inclusive.
   *
   * @param from lowest accepted status
   * @param to   highest accepted status
   * @return a check
   */
  public static Check statusBetween(int from, int to) {
    if (from > to) {
      throw new IllegalArgumentException("statusBetween(" + from + ", " + to + "): from must be <= to");
    }
    return new StatusCheck(null, from, to);
  }

  /**
   * The body must contain {@code text}.
   *
   * @param text text to find
   * @return a check
   */
  public static Check bodyContains(String text) {
    return r -> r.body().contains(text) ? null : "body does not contain \"" + text + "\"";
  }

  /**
   * A value from a JSON body: {@code $.a.b}, {@code $.items[0].id}, {@code $['odd key']}, {@code $..id} (first
   * match at any depth), {@code $.items[*].id} (first match). Strings come without quotes; objects and arrays
   * as JSON.
   *
   * @param path the path, starting with {@code $}
   * @return an extractor
   */
  public static Extractor jsonPath(String path) {
    JsonPath compiled = JsonPath.compile(path);
    return new Extractor() {
      @Override
      public String extract(HttpResponse response) {
        return compiled.first(response);
      }

      @Override
      public String description() {
        return "jsonPath " + path;
      }
    };
  }

  /**
   * A regular expression's first capturing group (or the whole match when it has none), searched in the body.
   *
   * @param regex the expression
   * @return an extractor
   */
  public static Extractor regex(String regex) {
    Pattern p = Pattern.compile(regex);
    return regex(regex, p.matcher("").groupCount() > 0 ? 1 : 0);
  }

  /**
   * A regular expression's group, searched in the body.
   *
   * @param regex the expression
   * @param group group number (0 for the whole match)
   * @return an extractor
   */
  public static Extractor regex(String regex, int group) {
    Pattern p = Pattern.compile(regex);
    if (group < 0 || group > p.matcher("").groupCount()) {
      throw new IllegalArgumentException("regex /" + regex + "/ has no group " + group);
    }
    return new Extractor() {
      @Override
      public String extract(HttpResponse response) {
        var m = p.matcher(response.body());
        return m.find() ? m.group(group) : null;
      }

      @Override
      public String description() {
        return "regex /" + regex + "/";
      }
    };
  }

  /**
   * The value of a cookie the response sets ({@code Set-Cookie}); the user's cookie jar keeps it too, see
   * {@link HttpSession#cookie(String, String)}.
   *
   * <pre>{@code
   * user.http().post("/login").form(creds).extract(cookie("session_id"), "sid");
   * }</pre>
   *
   * @param name cookie name (exact case)
   * @return an extractor
   */
  public static Extractor cookie(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("cookie name must not be blank");
    }
    return new Extractor() {
      @Override
      public String extract(HttpResponse response) {
        for (String header : response.headers("Set-Cookie")) {
          try {
            for (java.net.HttpCookie c : java.net.HttpCookie.parse("Set-Cookie: " + header)) {
              if (c.getName().equals(name)) {
                return c.getValue();
              }
            }
          } catch (IllegalArgumentException e) {
            // a malformed cookie is skipped, as browsers do
          }
        }
        return null;
      }

      @Override
      public String description() {
        return "cookie " + name;
      }
    };
  }

  /**
   * A response header's first value.
   *
   * @param name header name, any case
   * @return an extractor
   */
  public static Extractor header(String name) {
    return new Extractor() {
      @Override
      public String extract(HttpResponse response) {
        return response.header(name);
      }

      @Override
      public String description() {
        return "header " + name;
      }
    };
  }
}
