package dev.liveload.http;

import dev.liveload.internal.data.ValueChecks;
import java.util.regex.Pattern;

/**
 * Takes a value out of a response (JSON path, regex group, header, cookie). As a {@link Check}, it passes when the value
 * is present, and {@link #is}, {@link #contains} and {@link #matches} make stricter checks.
 *
 * <pre>{@code
 * String token = user.http().post("/login").json(creds).extract(jsonPath("$.token"));
 * user.http().get("/me").check(jsonPath("$.name").is("alice"), header("Content-Type").contains("json"));
 * }</pre>
 *
 * @since 0.1
 */
public interface Extractor extends Check {

  /**
   * @param response the response
   * @return the value, or null when absent
   */
  String extract(HttpResponse response);

  /** @return what is extracted, e.g. {@code jsonPath $.token} */
  String description();

  @Override
  default String verify(HttpResponse response) {
    return extract(response) == null ? description() + " not found" : null;
  }

  /**
   * @param expected the value it must equal ({@code toString()})
   * @return a check
   */
  default Check is(Object expected) {
    String want = String.valueOf(expected);
    return r -> ValueChecks.is(description(), extract(r), want);
  }

  /**
   * @param part text the value must contain
   * @return a check
   */
  default Check contains(String part) {
    return r -> ValueChecks.contains(description(), extract(r), part);
  }

  /**
   * @param regex a regular expression the whole value must match
   * @return a check
   */
  default Check matches(String regex) {
    Pattern p = Pattern.compile(regex);
    return r -> ValueChecks.matches(description(), extract(r), p);
  }
}
